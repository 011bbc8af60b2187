"""What a visitor would see wrong on a screen: text cut off, boxes overlapping or off screen,
touch targets under 15 mm, text too faint against what is behind it.

Measured on the live widget tree, so it checks what Kivy actually laid out in every language,
text size and contrast mode.
"""

from __future__ import annotations

from collections.abc import Iterator

from kivy.core.window import Window
from kivy.uix.label import Label
from kivy.uix.scrollview import ScrollView
from kivy.uix.widget import Widget

from kiosk.display import MIN_TOUCH_TARGET_MM, contrast_ratio
from screens.theme import Theme
from screens.widgets import KioskButton

#: WCAG 2.2 AA for text; the default palette is designed for 7:1 (checked in the palette tests).
MIN_TEXT_CONTRAST = 4.5
Rect = tuple[float, float, float, float]


def _hex(rgba: object) -> str:
    r, g, b = (round(float(c) * 255) for c in list(rgba)[:3])  # type: ignore[call-overload]
    return f"#{r:02X}{g:02X}{b:02X}"


def _rect(widget: Widget) -> Rect:
    x, y = widget.to_window(widget.x, widget.y)
    return x, y, x + widget.width, y + widget.height


def _overlap(a: Rect, b: Rect) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 1 and height > 1 else 0.0


def _texts(layer: Widget) -> Iterator[Label]:
    for widget in layer.walk(restrict=True):
        if isinstance(widget, Label) and widget.text and widget.opacity > 0:
            yield widget


def _viewport(widget: Widget) -> Rect | None:
    """The visible window area of the scroll view ``widget`` sits in (None when it is not in one)."""
    parent = widget.parent
    while parent is not None and parent is not parent.parent:
        if isinstance(parent, ScrollView):
            return _rect(parent)
        parent = parent.parent
    return None


def _clip(rect: Rect, viewport: Rect | None) -> Rect | None:
    """The part of ``rect`` a visitor can see now (scrolled-away content is reachable, not cut off)."""
    if viewport is None:
        return rect
    clipped = (max(rect[0], viewport[0]), max(rect[1], viewport[1]), min(rect[2], viewport[2]), min(rect[3], viewport[3]))
    return clipped if clipped[2] - clipped[0] > 1 and clipped[3] - clipped[1] > 1 else None


def screen_problems(screen: Widget, layers: list[Widget], theme: Theme) -> list[str]:
    """Every problem on ``screen``; ``layers`` are its stacked layers (content, then any overlay)."""
    smallest = theme.panel.px(MIN_TOUCH_TARGET_MM) - 1
    problems: list[str] = []
    for layer in layers:
        placed: list[tuple[str, Rect]] = []
        for widget in _texts(layer):
            name = repr(widget.text[:20].replace("\n", " "))
            viewport = _viewport(widget)
            if viewport is not None and (viewport[0] < -1 or viewport[1] < -1 or viewport[2] > Window.width + 1
                                         or viewport[3] > Window.height + 1):
                problems.append(f"{name}: its scrolling area leaves the window")
            tex_w, tex_h = widget.texture_size
            if tex_w > widget.width + 1 or tex_h > widget.height + 1:
                problems.append(f"{name}: text {tex_w:.0f}x{tex_h:.0f} exceeds its box {widget.width:.0f}x{widget.height:.0f}")
            background = theme.colour_background
            if isinstance(widget, KioskButton):
                if widget.width < smallest or widget.height < smallest:
                    problems.append(f"button {widget.widget_id!r} is {widget.width:.0f}x{widget.height:.0f} px, under 15 mm")
                # Inactive controls are exempt from contrast (WCAG 1.4.3).
                background = widget._fill_colour.rgba if widget.enabled else None  # noqa: SLF001 - its drawn colour
            if background is not None:
                ratio = contrast_ratio(_hex(widget.color), _hex(background))
                if ratio < MIN_TEXT_CONTRAST:
                    problems.append(f"{name}: contrast {ratio:.1f}:1 under {MIN_TEXT_CONTRAST}:1")
            rect = _clip(_rect(widget), viewport)
            if rect is None:
                continue  # scrolled out of view: reachable by scrolling, so neither off screen nor overlapping
            if rect[0] < -1 or rect[1] < -1 or rect[2] > Window.width + 1 or rect[3] > Window.height + 1:
                problems.append(f"{name}: box ({rect[0]:.0f},{rect[1]:.0f})-({rect[2]:.0f},{rect[3]:.0f}) leaves the window")
            for other_name, other in placed:
                if _overlap(rect, other):
                    problems.append(f"{name} overlaps {other_name}")
            placed.append((name, rect))
    return problems
