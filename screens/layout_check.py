"""What a visitor would see wrong on a screen: text cut off, boxes overlapping or off screen,
touch targets under 15 mm, text too faint against what is behind it.

Measured on the live widget tree, so it checks what Kivy actually laid out in every language,
text size and contrast mode.
"""

from __future__ import annotations

from collections.abc import Iterator

from kivy.core.window import Window
from kivy.uix.label import Label
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


def screen_problems(screen: Widget, layers: list[Widget], theme: Theme) -> list[str]:
    """Every problem on ``screen``; ``layers`` are its stacked layers (content, then any overlay)."""
    smallest = theme.panel.px(MIN_TOUCH_TARGET_MM) - 1
    problems: list[str] = []
    for layer in layers:
        placed: list[tuple[str, Rect]] = []
        for widget in _texts(layer):
            name = repr(widget.text[:20].replace("\n", " "))
            rect = _rect(widget)
            tex_w, tex_h = widget.texture_size
            if tex_w > widget.width + 1 or tex_h > widget.height + 1:
                problems.append(f"{name}: text {tex_w:.0f}x{tex_h:.0f} exceeds its box {widget.width:.0f}x{widget.height:.0f}")
            if rect[0] < -1 or rect[1] < -1 or rect[2] > Window.width + 1 or rect[3] > Window.height + 1:
                problems.append(f"{name}: box ({rect[0]:.0f},{rect[1]:.0f})-({rect[2]:.0f},{rect[3]:.0f}) leaves the window")
            if isinstance(widget, KioskButton):
                if widget.width < smallest or widget.height < smallest:
                    problems.append(f"button {widget.widget_id!r} is {widget.width:.0f}x{widget.height:.0f} px, under 15 mm")
                background = widget._fill_colour.rgba  # noqa: SLF001 - the colour the button is drawn in
                if not widget.enabled:
                    background = None  # inactive controls are exempt (WCAG 1.4.3)
            else:
                background = theme.colour_background
            if background is not None:
                ratio = contrast_ratio(_hex(widget.color), _hex(background))
                if ratio < MIN_TEXT_CONTRAST:
                    problems.append(f"{name}: contrast {ratio:.1f}:1 under {MIN_TEXT_CONTRAST}:1")
            for other_name, other in placed:
                if _overlap(rect, other):
                    problems.append(f"{name} overlaps {other_name}")
            placed.append((name, rect))
    return problems
