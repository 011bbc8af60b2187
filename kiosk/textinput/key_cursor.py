"""The keypad's cursor on the on-screen keyboard, for visitors who cannot touch or see the keys.

Arrows move over a grid: the candidate bar (paging keys around the candidates) on top when it is
shown, then the layout's rows. Up and down keep the cursor over the same place across rows of
different widths, as a finger would move, and every move stays inside the grid (no wrap, so the
edge is felt as "nothing happened" and said again).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.textinput.editor import FieldEditor
from kiosk.textinput.layouts import Action, Key


@dataclass(frozen=True)
class KeyTarget:
    """What the cursor is on: a layout key, or candidate ``candidate`` of the bar on show."""

    key: Key | None = None
    candidate: int | None = None
    text: str = ""

    @property
    def widget_id(self) -> str:
        """The on-screen button's id (the Kivy keyboard names its buttons the same way)."""
        return f"candidate-{self.candidate}" if self.candidate is not None else f"key-{self.key.label if self.key else ''}"


#: The candidate bar's paging keys, as the Kivy keyboard shows them.
PREVIOUS_PAGE_KEY = Key("‹", f"key.{Action.PREVIOUS_PAGE}", action=Action.PREVIOUS_PAGE)
NEXT_PAGE_KEY = Key("›", f"key.{Action.NEXT_PAGE}", action=Action.NEXT_PAGE)


def grid(editor: FieldEditor) -> list[list[KeyTarget]]:
    """The rows the cursor moves over, top to bottom, each with its targets left to right."""
    rows = [[KeyTarget(key=key) for key in row] for row in editor.layout.rows]
    if editor.candidates or editor.composer.has_previous_page or editor.composer.has_next_page:
        bar = [KeyTarget(candidate=i, text=text) for i, text in enumerate(editor.candidates)]
        rows.insert(0, [KeyTarget(key=PREVIOUS_PAGE_KEY), *bar, KeyTarget(key=NEXT_PAGE_KEY)])
    return rows


def has_bar(editor: FieldEditor) -> bool:
    """Whether the candidate bar is the grid's first row."""
    rows = grid(editor)
    return bool(rows) and rows[0][0].key is PREVIOUS_PAGE_KEY


def _centres(row: list[KeyTarget]) -> list[float]:
    """Each target's centre as a fraction of the row's width (keys have relative widths)."""
    widths = [target.key.width if target.key else 1.0 for target in row]
    total, left, centres = sum(widths), 0.0, []
    for width in widths:
        centres.append((left + width / 2) / total)
        left += width
    return centres


@dataclass
class KeyCursor:
    """Row and column of the keypad's cursor in :func:`grid`; starts on the first candidate or key."""

    row: int = 0
    column: int = 0

    def reset(self, editor: FieldEditor) -> None:
        """Back to the start: the first candidate when there are some, else the first key."""
        self.row, self.column = 0, 1 if has_bar(editor) and editor.candidates else 0

    def current(self, editor: FieldEditor) -> KeyTarget:
        """The target under the cursor, kept inside the grid when it shrank (a layout switch)."""
        rows = grid(editor)
        self.row = min(self.row, len(rows) - 1)
        self.column = min(self.column, len(rows[self.row]) - 1)
        return rows[self.row][self.column]

    def move(self, editor: FieldEditor, rows_down: int, columns_right: int) -> KeyTarget:
        """One step; returns the target now under the cursor (the same one at an edge)."""
        rows = grid(editor)
        self.current(editor)
        if columns_right:
            self.column = max(0, min(len(rows[self.row]) - 1, self.column + columns_right))
        if rows_down:
            target_row = max(0, min(len(rows) - 1, self.row + rows_down))
            if target_row != self.row:
                here = _centres(rows[self.row])[self.column]
                centres = _centres(rows[target_row])
                self.column = min(range(len(centres)), key=lambda i: abs(centres[i] - here))
                self.row = target_row
        return rows[self.row][self.column]

    def follow_bar(self, editor: FieldEditor, had_bar: bool) -> None:
        """Keep the cursor on the same key when the candidate bar appears above it or goes away."""
        now = has_bar(editor)
        if now and not had_bar:
            self.row += 1
        elif had_bar and not now:
            self.row = max(0, self.row - 1)
