"""The keypad's walk over a screen: between its controls, and over the keys of a field's keyboard.

Arrows move the focus (announced in voice mode); Enter activates the focused control, or puts the
keypad on a focused field's keyboard, whose keys it then walks; Back leaves the keyboard. The
controller hands each keypad intent here with the screen's model and keeps the visit's data.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.focus import KeypadFocus
from kiosk.form import FormInput
from kiosk.keypad import FORWARD_INTENTS
from kiosk.presenters import Field, ScreenModel
from kiosk.voice import VoiceGuide

#: The keyboard's cursor moves sideways where the screen's focus moves to the next or previous control.
_ON_KEYBOARD = {"focus_next": "focus_right", "focus_previous": "focus_left"}


class KeypadWalk:
    """Moves the keypad focus over a screen's controls and a field's keys, pressing what it lands on."""

    def __init__(self, focus: KeypadFocus, form: FormInput, voice: VoiceGuide | None,
                 activate: Callable[..., None], edit_field: Callable[[str, str], None]) -> None:
        self.focus = focus
        self.form = form
        self.voice = voice
        self._activate = activate
        self._edit_field = edit_field

    def press(self, name: str, model: ScreenModel) -> bool:
        """A focus or activate key on ``model``. True when it activated a control, whose intent then
        told the listeners itself."""
        self.focus.follow(model)
        if self.form.typing and model.overlay is None:
            self._on_keyboard(name, model)
        elif name == "activate":
            target = self.focus.current(model)
            if isinstance(target, Field):
                key = self.form.start_typing(target.field_id)
                if key is not None and self.voice is not None:
                    self.voice.announce_key(key, opening=True)
            elif target is not None and target.enabled:
                self._activate(target.intent, **target.params)
                return True
        else:
            target = self.focus.move(model, 1 if name in FORWARD_INTENTS else -1)
            if target is not None and self.voice is not None:
                self.voice.announce(target)
        return False

    def _on_keyboard(self, name: str, model: ScreenModel) -> None:
        """The keypad on a field's keyboard: arrows move over the keys, Enter presses, Back leaves."""
        field = next(f for f in model.fields if f.field_id == self.form.focused)
        if name == "back":
            self.form.stop_typing()
            self.focus.put_on(model, field.widget_id)
            if self.voice is not None:
                self.voice.announce(field)
            return
        if name == "activate":
            pressed = self.form.press()
            if pressed is not None and pressed[1]:
                self._edit_field(field.field_id, self.form.editors[field.field_id].value)
                return  # what was typed or chosen is echoed
        else:
            self.form.move(_ON_KEYBOARD.get(name, name))
        if self.voice is not None and self.form.editor is not None:
            self.voice.announce_key(self.form.cursor.current(self.form.editor))

    def type_character(self, character: str) -> None:
        """A keypad digit (or X, or the point) for the focused field: typed, or a candidate picked."""
        if self.form.focused is not None and self.form.type_character(character):
            self._edit_field(self.form.focused, self.form.editors[self.form.focused].value)

    def focused_widget(self, model: ScreenModel) -> str | None:
        """The widget id of the focused control or key on ``model``, for the screen to outline."""
        if self.form.typing and model.overlay is None:
            return self.form.cursor_widget
        self.focus.follow(model)
        target = self.focus.current(model)
        return target.widget_id if target else None
