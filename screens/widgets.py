"""The few widgets every screen is made of: wrapping text and big buttons bound to the theme.

Text wraps to its box and the box grows to the text, so nothing is cut off in any size or
language; a word too long for its box shows up as a texture wider than the box, which the
layout check reports.
"""

from __future__ import annotations

from kivy.graphics import Color, Line, RoundedRectangle
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.label import Label
from kivy.uix.scrollview import ScrollView

from screens.fonts import FONT_NAME
from screens.theme import Theme

ROLE_COLOURS = {
    "primary": ("primary", "on_primary"),
    "secondary": ("surface", "on_surface"),
    "toggle": ("surface", "on_surface"),
    "key": ("surface", "on_surface"),
    "danger": ("danger", "on_danger"),
}


class KioskLabel(Label):
    """Wrapping text whose height follows its content."""

    theme = ObjectProperty(None)
    style = StringProperty("body")  # body | title | muted

    def __init__(self, theme: Theme, **kwargs: object) -> None:
        # 适老化 1.2: line spacing at least 1.3
        super().__init__(font_name=FONT_NAME, halign="left", valign="middle", size_hint_y=None, height=0,
                         line_height=1.3, theme=theme, **kwargs)
        self.fbind("width", self._wrap)
        self.fbind("texture_size", self._fit)
        theme.follow(self)
        self.restyle()

    def restyle(self) -> None:
        """Take the theme's text size and colour for this label's style."""
        self.font_size = self.theme.title_px if self.style == "title" else self.theme.body_px
        self.color = self.theme.colour_muted_text if self.style == "muted" else self.theme.colour_on_background

    def _wrap(self, *_: object) -> None:
        self.text_size = (self.width, None)

    def _fit(self, *_: object) -> None:
        self.height = self.texture_size[1]


class KioskButton(ButtonBehavior, Label):
    """A touch target at least 15 mm high that grows with its text; fires on release inside it."""

    theme = ObjectProperty(None)
    role = StringProperty("secondary")
    widget_id = StringProperty("")
    checked = ObjectProperty(None, allownone=True)
    enabled = BooleanProperty(True)
    focused = BooleanProperty(False)

    def __init__(self, theme: Theme, **kwargs: object) -> None:
        super().__init__(font_name=FONT_NAME, halign="center", valign="middle", size_hint_y=None, theme=theme, **kwargs)
        with self.canvas.before:
            self._fill_colour = Color()
            self._fill = RoundedRectangle(radius=[theme.spacing_px])
            self._outline_colour = Color(0, 0, 0, 0)
            self._outline = Line(width=3)  # drawn only while focused: a wide rounded line is many vertices
        for name, callback in (("pos", self._redraw), ("size", self._redraw), ("width", self._wrap),
                               ("texture_size", self._fit), ("focused", self.restyle), ("checked", self.restyle),
                               ("enabled", self.restyle)):
            self.fbind(name, callback)
        theme.follow(self)
        self.restyle()

    def restyle(self, *_: object) -> None:
        """Take the theme's sizes and colours for this button's role and state."""
        fill, text = ROLE_COLOURS.get(self.role, ROLE_COLOURS["secondary"])
        if self.checked:
            fill, text = "primary", "on_primary"  # a checked toggle also says so in its text
        self._fill_colour.rgba = getattr(self.theme, f"colour_{fill}")
        self.color = getattr(self.theme, f"colour_{text}")
        self.opacity = 1 if self.enabled else 0.45
        self.font_size = self.theme.title_px if self.role == "primary" else self.theme.body_px
        self._outline_colour.rgba = self.theme.colour_focus
        self._fit()
        self._redraw()

    def _wrap(self, *_: object) -> None:
        padding = self.theme.spacing_px * 2
        self.text_size = (max(1, self.width - padding), None)

    def _fit(self, *_: object) -> None:
        minimum = {"primary": self.theme.target_px * 1.5, "key": self.theme.key_px}.get(self.role, self.theme.target_px)
        self.height = max(minimum, self.texture_size[1] + self.theme.spacing_px * 2)

    def _redraw(self, *_: object) -> None:
        self._fill.pos, self._fill.size = self.pos, self.size
        if self.focused:
            self._outline.rounded_rectangle = (self.x, self.y, self.width, self.height, self.theme.spacing_px)
        else:
            self._outline.points = []

    def on_touch_down(self, touch: object) -> bool:
        """Disabled buttons swallow the touch without reacting."""
        if not self.enabled and self.collide_point(*touch.pos):  # type: ignore[attr-defined]
            return True
        return super().on_touch_down(touch)


class TapScrollView(ScrollView):
    """A scroll view whose taps reach the button under the finger on release, not 0.2 s later.

    Kivy's ScrollView holds a touch back until it knows it is not a drag, then replays it to the
    content and delivers the release on a timer. Delivered at once, a tap on a field row focuses
    that field before the next key is touched, by a visitor or by the robot.
    """

    def on_scroll_stop(self, touch: object, check_children: bool = True) -> bool:
        """A touch that never became a drag is released in the content right away."""
        ud = touch.ud  # type: ignore[attr-defined]
        tap = (self._get_uid("svavoid") not in ud and self._get_uid() in ud
               and ud[self._get_uid()]["mode"] == "unknown")
        handled = super().on_scroll_stop(touch, check_children)
        if tap:
            ud[self._get_uid("released")] = True
            super()._do_touch_up(touch)
        return handled

    def _do_touch_up(self, touch: object, *args: object) -> None:
        """The timed release Kivy schedules is skipped when the tap was already released."""
        if self._get_uid("released") not in touch.ud:  # type: ignore[attr-defined]
            super()._do_touch_up(touch, *args)

    def _bind_inactive_bar_color(self, *args: object) -> None:
        """The bar fades only when it is drawn: with content that fits there is no bar, and its fade
        repaints the whole window every frame for half a second after each screen (Kivy's trigger
        calls this by name)."""
        if self.bar_drawn():
            super()._bind_inactive_bar_color(*args)

    def bar_drawn(self) -> bool:
        """Whether Kivy draws a scroll bar: the content is larger than the view in a scrolling direction."""
        width, height = self.viewport_size
        return bool((self.do_scroll_y and height > self.height) or (self.do_scroll_x and width > self.width))
