"""The on-screen keyboard: field boxes, the candidate bar, the writing pad and the key rows.

It renders a :class:`~kiosk.textinput.editor.FieldEditor` and hands it every touched key; when
the text changes it tells the app (``edit_field``), so the visit keeps every keystroke.
"""

from __future__ import annotations

from collections.abc import Callable

from kivy.graphics import Color, Line, Rectangle
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.stacklayout import StackLayout
from kivy.uix.widget import Widget

from kiosk.i18n import Text, Translator
from kiosk.presenters.model import Field
from kiosk.textinput.editor import FieldEditor
from kiosk.textinput.key_cursor import NEXT_PAGE_KEY, PREVIOUS_PAGE_KEY, has_bar
from kiosk.textinput.layouts import Action, Key, LayoutName
from screens.theme import Theme
from screens.widgets import KioskButton, KioskLabel

OnChange = Callable[[str, str], None]
#: Height of the handwriting box relative to the touch target.
WRITING_PAD_TARGETS = 5


class FieldBox(BoxLayout):
    """A field's label, its text (with pinyin letters still being typed) and its error."""

    def __init__(self, theme: Theme, label: str, field_id: str, on_focus: Callable[[str], None],
                 masked: bool = False) -> None:
        super().__init__(orientation="vertical", size_hint_y=None, spacing=theme.spacing_px / 2)
        self.field_id = field_id
        self.masked = masked
        self.bind(minimum_height=self.setter("height"))
        self.add_widget(KioskLabel(theme, text=label, style="muted"))
        self.text_button = KioskButton(theme, text="", role="secondary", widget_id=f"field-{field_id}")
        self.text_button.halign = "left"
        self.text_button.bind(on_release=lambda *_: on_focus(field_id))
        self.add_widget(self.text_button)
        self.error = KioskLabel(theme, text="")
        self.add_widget(self.error)

    def show(self, text: str, letters: str, error: str, focused: bool) -> None:
        """Update in place: the value shows with a cursor when focused, letters in brackets."""
        composing = f" [{letters}]" if letters else ""
        text = "•" * len(text) if self.masked else text
        self.text_button.text = f"{text}{composing}{'▏' if focused else ''}" or " "
        self.text_button.focused = focused
        self.error.text = error


class WritingPad(Widget):
    """A box to write one character in with a finger; each lifted stroke updates the candidates."""

    def __init__(self, theme: Theme, on_strokes: Callable[[list[list[tuple[float, float]]], float, float], None]) -> None:
        super().__init__(size_hint_y=None, height=theme.target_px * WRITING_PAD_TARGETS)
        self._theme = theme
        self._on_strokes = on_strokes
        self.strokes: list[list[tuple[float, float]]] = []
        with self.canvas.before:
            Color(*theme.colour_surface)
            self._box = Rectangle()
        self.bind(pos=self._redraw, size=self._redraw)

    def _redraw(self, *_: object) -> None:
        self._box.pos, self._box.size = self.pos, self.size

    def clear(self) -> None:
        """Start a new character."""
        self.strokes = []
        self.canvas.after.clear()

    def _local(self, touch: object) -> tuple[float, float]:
        x, y = touch.pos  # type: ignore[attr-defined]
        return (x - self.x, self.top - y)  # y downwards, as the recognizer wants

    def on_touch_down(self, touch: object) -> bool:
        """A finger starts a stroke inside the box."""
        if not self.collide_point(*touch.pos):  # type: ignore[attr-defined]
            return False
        touch.grab(self)  # type: ignore[attr-defined]
        self.strokes.append([self._local(touch)])
        with self.canvas.after:
            Color(*self._theme.colour_on_surface)
            touch.ud["line"] = Line(points=list(touch.pos), width=4)  # type: ignore[attr-defined]
        return True

    def on_touch_move(self, touch: object) -> bool:
        """The stroke follows the finger."""
        if touch.grab_current is not self:  # type: ignore[attr-defined]
            return False
        self.strokes[-1].append(self._local(touch))
        touch.ud["line"].points += list(touch.pos)  # type: ignore[attr-defined]
        return True

    def on_touch_up(self, touch: object) -> bool:
        """The stroke ends: recognise what is written so far."""
        if touch.grab_current is not self:  # type: ignore[attr-defined]
            return False
        touch.ungrab(self)  # type: ignore[attr-defined]
        self._on_strokes(self.strokes, self.width, self.height)
        return True


class KeyboardPanel(BoxLayout):
    """Candidates, writing pad (in handwriting mode) and keys for the focused field."""

    def __init__(self, theme: Theme, translator: Translator, language: str, field: Field, editor: FieldEditor,
                 on_change: OnChange, on_refresh: Callable[[], None]) -> None:
        super().__init__(orientation="vertical", size_hint_y=None, spacing=theme.spacing_px / 2)
        self.bind(minimum_height=self.setter("height"))
        self.theme, self.translator, self.language = theme, translator, language
        self.buttons: dict[str, KioskButton] = {}
        self.pad: WritingPad | None = None
        self._shown: tuple[object, ...] = ()
        self.attach(field, editor, on_change, on_refresh)

    def attach(self, field: Field, editor: FieldEditor, on_change: OnChange, on_refresh: Callable[[], None]) -> None:
        """Serve ``field`` with these keys: they are rebuilt only if its editor wants another layout or shift."""
        self.field, self.editor = field, editor
        self._on_change, self._on_refresh = on_change, on_refresh
        if self.pad is not None:
            self.pad.clear()
        self.sync()

    def _keys_state(self) -> tuple[object, ...]:
        # The layout itself, not its name: a pinyin pad re-attached to another field may differ in its keys.
        return (self.editor.layout, self.editor.shift)

    def _bar_state(self) -> tuple[object, ...]:
        composer = self.editor.composer
        return (*self._keys_state(), tuple(self.editor.candidates), composer.has_previous_page, composer.has_next_page)

    def sync(self) -> None:
        """Show what the editor holds now, when the keypad changed it (a touch redraws at once)."""
        if self._keys_state() != self._shown[:2]:
            self.rebuild()
        elif self._bar_state() != self._shown:
            self.refresh_candidates()

    def rebuild(self) -> None:
        """Lay out the current layout (after a layout switch or a shift)."""
        self.clear_widgets()
        self.buttons = {}
        self.pad = None
        self.candidate_slot = BoxLayout(orientation="vertical", size_hint_y=None, height=0)
        self.candidate_slot.bind(minimum_height=self.candidate_slot.setter("height"))
        self.add_widget(self.candidate_slot)
        self.refresh_candidates()
        if self.editor.layout.name is LayoutName.HANDWRITING:
            self.pad = WritingPad(self.theme, self._written)
            self.add_widget(self.pad)
        for row in self.editor.layout.rows:
            self.add_widget(self._row(row))

    def refresh_candidates(self) -> None:
        """Show the editor's current candidates (or nothing) above the keys."""
        self.candidate_slot.clear_widgets()
        for widget_id in [w for w in self.buttons if w.startswith(("candidate-", "key-‹", "key-›"))]:
            del self.buttons[widget_id]
        self._shown = self._bar_state()
        if has_bar(self.editor):
            self.candidate_slot.add_widget(self._candidate_bar(self.editor.candidates))

    def _candidate_bar(self, candidates: list[str]) -> StackLayout:
        """Paging keys and candidates, each as wide as its words: a bar of equal cells would wrap a
        three-character word one character a line; a long page flows onto a second line."""
        bar = StackLayout(size_hint_y=None, spacing=self.theme.spacing_px / 2)
        bar.bind(minimum_height=bar.setter("height"))
        bar.add_widget(self._paging_key(PREVIOUS_PAGE_KEY, self.editor.composer.has_previous_page))
        for index, text in enumerate(candidates):
            button = KioskButton(self.theme, text=text, role="primary", widget_id=f"candidate-{index}",
                                 size_hint_x=None, width=self._candidate_width(text))
            button.bind(on_release=lambda *_, i=index: self._choose(i))
            self.buttons[button.widget_id] = button
            bar.add_widget(button)
        bar.add_widget(self._paging_key(NEXT_PAGE_KEY, self.editor.composer.has_next_page))
        return bar

    def _paging_key(self, key: Key, enabled: bool) -> KioskButton:
        button = self._key_button(key, enabled)
        button.size_hint_x, button.width = None, self.theme.key_px
        return button

    def _candidate_width(self, text: str) -> float:
        """Room for the characters at the candidate font plus the button's padding."""
        return max(self.theme.key_px, len(text) * self.theme.title_px * 1.1 + self.theme.spacing_px * 3)

    def _row(self, keys: tuple[Key, ...]) -> BoxLayout:
        row = BoxLayout(size_hint_y=None, spacing=self.theme.spacing_px / 2)
        row.bind(minimum_height=row.setter("height"))
        for key in keys:
            row.add_widget(self._key_button(key))
        row.height = self.theme.key_px
        return row

    def _key_button(self, key: Key, enabled: bool = True) -> KioskButton:
        label = key.label.upper() if self.editor.shift and key.action is None and key.label.isalpha() else key.label
        button = KioskButton(self.theme, text=label, widget_id=f"key-{key.label}", enabled=enabled,
                             role="key")
        button.size_hint_x = key.width
        button.bind(on_release=lambda *_: self.press(key))
        self.buttons[button.widget_id] = button
        return button

    def press(self, key: Key) -> None:
        """A key touched on screen or typed on the keypad."""
        shifted = self.editor.shift
        if self.editor.press(key):
            self._on_change(self.field.field_id, self.editor.value)
        if key.action is Action.SWITCH or self.editor.shift != shifted:
            self.rebuild()
        else:
            if key.action is Action.CLEAR_WRITING and self.pad is not None:
                self.pad.clear()
            self.refresh_candidates()
        self._on_refresh()

    def _choose(self, index: int) -> None:
        if self.editor.choose(index):
            self._on_change(self.field.field_id, self.editor.value)
        if self.pad is not None:
            self.pad.clear()
        self.refresh_candidates()
        self._on_refresh()

    def _written(self, strokes: list[list[tuple[float, float]]], width: float, height: float) -> None:
        self.editor.write(strokes, width, height)
        self.refresh_candidates()
        self._on_refresh()

    def error_text(self) -> str:
        """A pad's complaint about what was typed, translated."""
        problem = self.editor.problem
        return self.translator.text(Text(problem), self.language) if problem else ""
