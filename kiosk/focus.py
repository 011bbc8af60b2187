"""Keypad focus: which control a visitor who cannot see the screen is on.

Focus walks the screen's controls in reading order (the overlay's first when it is up) and wraps
at both ends, so there is no focus trap. It starts over whenever the screen changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.presenters.model import Action, ScreenModel


@dataclass
class KeypadFocus:
    """The focused control of the current screen, by position in :meth:`ScreenModel.all_actions`."""

    screen: str | None = None
    index: int | None = None

    def follow(self, model: ScreenModel) -> None:
        """Forget the focus when the screen (or its overlay) changes."""
        key = f"{model.name}:{'overlay' if model.overlay else 'screen'}"
        if key != self.screen:
            self.screen, self.index = key, None

    def move(self, model: ScreenModel, step: int) -> Action | None:
        """Move to the next (``step`` = 1) or previous (-1) control; returns it."""
        actions = model.all_actions()
        if not actions:
            return None
        if self.index is None:
            self.index = 0 if step > 0 else len(actions) - 1
        else:
            self.index = (self.index + step) % len(actions)
        return actions[self.index]

    def current(self, model: ScreenModel) -> Action | None:
        """The focused control, if any."""
        actions = model.all_actions()
        if self.index is None or not actions:
            return None
        return actions[min(self.index, len(actions) - 1)]
