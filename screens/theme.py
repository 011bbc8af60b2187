"""The live theme: sizes and colours as Kivy properties, so a mode switch re-lays out in place."""

from __future__ import annotations

import weakref
from typing import Protocol

from kivy.clock import Clock
from kivy.event import EventDispatcher
from kivy.properties import ColorProperty, NumericProperty

from kiosk.display import MIN_TOUCH_TARGET_MM, Metrics, Panel, palette_for, rgb
from kiosk.session import Preferences


class Styled(Protocol):
    """A widget that takes its sizes and colours from the theme."""

    def restyle(self) -> None:
        """Take the theme's current sizes and colours."""


class Theme(EventDispatcher):
    """Followed by every widget; :meth:`apply` changes it when the visitor changes a mode.

    Widgets register with :meth:`follow` rather than binding each property: Kivy keeps a binding
    of a widget that is gone until the property next changes, and ``bind`` looks through all of
    them for a duplicate, so with screens rebuilt at every step each new button took longer to make
    (7 ms, then 90 ms after some 3,600 buttons) and the bindings held memory. The followers are
    weak: a dropped widget leaves the set with its last reference.
    """

    body_px = NumericProperty(28)
    title_px = NumericProperty(38)
    target_px = NumericProperty(60)
    key_px = NumericProperty(60)
    spacing_px = NumericProperty(12)
    colour_background = ColorProperty((1, 1, 1, 1))
    colour_on_background = ColorProperty((0, 0, 0, 1))
    colour_surface = ColorProperty((0.9, 0.9, 0.9, 1))
    colour_on_surface = ColorProperty((0, 0, 0, 1))
    colour_primary = ColorProperty((0, 0.3, 0.5, 1))
    colour_on_primary = ColorProperty((1, 1, 1, 1))
    colour_muted_text = ColorProperty((0.2, 0.2, 0.2, 1))
    colour_focus = ColorProperty((0.7, 0.3, 0, 1))
    colour_danger = ColorProperty((0.6, 0.1, 0.1, 1))
    colour_on_danger = ColorProperty((1, 1, 1, 1))

    def __init__(self, panel: Panel, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.panel = panel
        self._followers: weakref.WeakSet[Styled] = weakref.WeakSet()
        # One restyle before the next frame however many properties a mode change sets.
        self._restyle = Clock.create_trigger(lambda _dt: self._restyle_followers(), -1)
        for name in self.properties():
            self.fbind(name, self._restyle)
        self.apply(Preferences())

    def follow(self, widget: Styled) -> None:
        """Restyle ``widget`` whenever a size or colour changes, for as long as it lives."""
        self._followers.add(widget)

    def _restyle_followers(self) -> None:
        for widget in list(self._followers):
            widget.restyle()

    def apply(self, preferences: Preferences) -> None:
        """Take the sizes and palette of the visitor's preferences."""
        metrics = Metrics.for_panel(self.panel, preferences.text_size)
        self.body_px = metrics.body_px
        self.title_px = metrics.title_px
        self.target_px = metrics.touch_target_px
        # Keyboard keys hold a character or two: 15 mm is enough, so a whole pad fits in large text.
        self.key_px = self.panel.px(MIN_TOUCH_TARGET_MM)
        self.spacing_px = metrics.spacing_px
        palette = palette_for(preferences.high_contrast)
        for role in ("background", "on_background", "surface", "on_surface", "primary", "on_primary",
                     "muted_text", "focus", "danger", "on_danger"):
            setattr(self, f"colour_{role}", (*rgb(getattr(palette, role)), 1))

