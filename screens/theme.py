"""The live theme: sizes and colours as Kivy properties, so a mode switch re-lays out in place."""

from __future__ import annotations

from kivy.event import EventDispatcher
from kivy.properties import ColorProperty, NumericProperty

from kiosk.display import MIN_TOUCH_TARGET_MM, Metrics, Panel, palette_for, rgb
from kiosk.session import Preferences


class Theme(EventDispatcher):
    """Bound by every widget; :meth:`apply` changes it when the visitor changes a mode."""

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
        self.apply(Preferences())

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

