"""The text fields of the screen on show: their editors, the field the keyboard serves, the keypad on it.

Both hands reach the same editors: a touch on an on-screen key and a keypad key pressed on the
keyboard change one :class:`~kiosk.textinput.editor.FieldEditor`, so a visitor may switch between
them in the middle of a word. The keypad walks the screen's controls until Enter on a field puts
it on that field's keyboard ("typing"): then arrows move over the keys and candidates, Enter
presses, the digits pick candidates, and Back leaves the keyboard for the screen's controls again.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.presenters.model import Field
from kiosk.textinput.editor import FieldEditor
from kiosk.textinput.key_cursor import KeyCursor, KeyTarget, has_bar
from kiosk.textinput.layouts import FieldType

#: Keypad arrows on the keyboard: (rows down, columns right).
DIRECTIONS = {"focus_up": (-1, 0), "focus_down": (1, 0), "focus_left": (0, -1), "focus_right": (0, 1)}


class FormInput:
    """Editors of the screen's fields, the focused field, and the keypad's cursor on its keyboard."""

    def __init__(self) -> None:
        self.editors: dict[str, FieldEditor] = {}
        self.focused: str | None = None
        self.typing = False
        self.cursor = KeyCursor()

    def follow(self, fields: Sequence[Field]) -> None:
        """Keep each field's editor while its text is the visit's; start afresh otherwise (a new
        screen, or a visit wiped). A new set of fields also takes the keypad off the keyboard."""
        fresh: dict[str, FieldEditor] = {}
        for field in fields:
            editor = self.editors.get(field.field_id)
            if editor is None or editor.value != field.value:
                editor = FieldEditor(FieldType(field.kind), field.value)
            fresh[field.field_id] = editor
        if fresh.keys() != self.editors.keys():
            self.typing = False
        self.editors = fresh
        if self.focused not in fresh:
            self.focused = fields[0].field_id if fields else None

    @property
    def editor(self) -> FieldEditor | None:
        """The focused field's editor."""
        return self.editors.get(self.focused) if self.focused else None

    def focus(self, field_id: str) -> None:
        """Serve ``field_id`` with the keyboard (a touch on the field, or the keypad's Enter on it)."""
        if field_id in self.editors and field_id != self.focused:
            self.focused = field_id
            self.typing = False

    def start_typing(self, field_id: str) -> KeyTarget | None:
        """Put the keypad on ``field_id``'s keyboard; returns the key it starts on."""
        self.focus(field_id)
        editor = self.editor
        if editor is None:
            return None
        self.typing = True
        self.cursor.reset(editor)
        return self.cursor.current(editor)

    def stop_typing(self) -> None:
        """Back from the keyboard to the screen's controls."""
        self.typing = False

    def move(self, direction: str) -> KeyTarget | None:
        """An arrow on the keyboard; returns the key or candidate now under the cursor."""
        editor = self.editor
        if editor is None:
            return None
        return self.cursor.move(editor, *DIRECTIONS[direction])

    def press(self) -> tuple[KeyTarget, bool] | None:
        """Enter on the keyboard: press the key under the cursor or choose the candidate.

        Returns what was pressed and whether the field's text changed; the cursor stays on the same
        key when the candidate bar comes or goes above it."""
        editor = self.editor
        if editor is None:
            return None
        target = self.cursor.current(editor)
        had_bar = has_bar(editor)
        if target.candidate is not None:
            changed = editor.choose(target.candidate)
        else:
            assert target.key is not None
            changed = editor.press(target.key)
        self.cursor.follow_bar(editor, had_bar)
        return target, changed

    def type_character(self, character: str) -> bool:
        """A keypad digit, X or point for the focused field; True when its text changed."""
        editor = self.editor
        if editor is None:
            return False
        had_bar = has_bar(editor)
        changed = editor.type_character(character)
        if self.typing:
            self.cursor.follow_bar(editor, had_bar)
        return changed

    @property
    def cursor_widget(self) -> str | None:
        """The widget id under the keypad's cursor while typing, for the screen to outline."""
        editor = self.editor
        return self.cursor.current(editor).widget_id if self.typing and editor is not None else None
