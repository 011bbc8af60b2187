"""Keypad focus: which control a visitor who cannot see the screen is on.

Focus walks the screen's fields and controls in reading order (only the overlay's while it is up)
and wraps at both ends, so there is no focus trap. It starts over whenever the screen changes, and
stays on the same control when only other controls come or go (an answered offer, a toggle).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.presenters.model import Action, Field, ScreenModel

Target = Action | Field


@dataclass
class KeypadFocus:
    """The focused control of the current screen, by position in :meth:`ScreenModel.focus_order`."""

    screen: str | None = None
    index: int | None = None
    widget_id: str | None = None

    def follow(self, model: ScreenModel) -> None:
        """Forget the focus when the screen, its overlay or its fields change (the next question of
        a form on the same screen is a new page to the visitor), or when the focused control is gone;
        find it again where controls before it came or went."""
        fields = ",".join(f.field_id for f in model.fields)
        key = f"{model.name}:{'overlay' if model.overlay else 'screen'}:{fields}"
        if key != self.screen:
            self.screen, self.index, self.widget_id = key, None, None
            return
        ids = [target.widget_id for target in model.focus_order()]
        if self.widget_id in ids:
            self.index = ids.index(self.widget_id)
        else:
            self.index, self.widget_id = None, None

    def move(self, model: ScreenModel, step: int) -> Target | None:
        """Move to the next (``step`` = 1) or previous (-1) control; returns it."""
        actions = model.focus_order()
        if not actions:
            return None
        if self.index is None:
            self.index = 0 if step > 0 else len(actions) - 1
        else:
            self.index = (self.index + step) % len(actions)
        self.widget_id = actions[self.index].widget_id
        return actions[self.index]

    def current(self, model: ScreenModel) -> Target | None:
        """The focused control, if any."""
        actions = model.focus_order()
        if self.index is None or not actions:
            return None
        return actions[min(self.index, len(actions) - 1)]

    def put_on(self, model: ScreenModel, widget_id: str) -> None:
        """Focus the control ``widget_id`` (the field the keypad just left the keyboard of)."""
        self.follow(model)
        ids = [target.widget_id for target in model.focus_order()]
        if widget_id in ids:
            self.index, self.widget_id = ids.index(widget_id), widget_id
