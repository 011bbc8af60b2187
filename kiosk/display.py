"""Text sizes, palettes and touch-target sizes, in physical units, independent of Kivy.

Sizes are millimetres on the configured panel, so a 15 mm touch target is 15 mm on any screen.
Large text follows EN 301 549 5.1.4 (capital H at least 0.7° of arc at 500 mm ≈ 6.1 mm); normal
text meets ADA 707.7.2 (capital I at least 4.8 mm). Palettes are checked for WCAG contrast.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

MM_PER_INCH = 25.4
#: The smallest touch target on any screen (accessibility.md, issue 2).
MIN_TOUCH_TARGET_MM = 15.0
#: Capital letters are about 0.7 of the font size in the fonts we ship (Noto Sans CJK).
CAP_HEIGHT_RATIO = 0.7


class TextSize(enum.StrEnum):
    """The three text sizes a visitor can choose."""

    NORMAL = "normal"
    LARGE = "large"
    EXTRA_LARGE = "extra_large"

    def next(self) -> TextSize:
        """The next size in the cycle the text-size button walks through."""
        order = list(TextSize)
        return order[(order.index(self) + 1) % len(order)]


#: Body font size (em height) per text size, millimetres.
BODY_FONT_MM: dict[TextSize, float] = {
    TextSize.NORMAL: 7.0,  # cap height ≈ 4.9 mm (ADA 707.7.2: ≥ 4.8 mm)
    TextSize.LARGE: 9.5,  # cap height ≈ 6.7 mm (EN 301 549 5.1.4 at 500 mm: ≥ 6.1 mm)
    TextSize.EXTRA_LARGE: 12.0,
}
TITLE_SCALE = 1.35


@dataclass(frozen=True)
class Panel:
    """A physical panel: pixel size and diagonal give the pixel pitch."""

    width_px: int
    height_px: int
    diagonal_in: float

    @property
    def px_per_mm(self) -> float:
        """Pixels per millimetre along the panel."""
        return math.hypot(self.width_px, self.height_px) / (self.diagonal_in * MM_PER_INCH)

    def px(self, mm: float) -> float:
        """Millimetres on this panel in pixels."""
        return mm * self.px_per_mm


@dataclass(frozen=True)
class Palette:
    """Colours by role, as hex RGB strings."""

    name: str
    background: str
    on_background: str
    surface: str  # buttons
    on_surface: str
    primary: str  # the main action of a screen
    on_primary: str
    muted_text: str
    focus: str  # the keypad focus outline
    danger: str
    on_danger: str


DEFAULT_PALETTE = Palette(
    name="default",
    background="#F7F7F2",
    on_background="#161616",
    surface="#E2E8EF",
    on_surface="#10202F",
    primary="#0B4F8A",
    on_primary="#FFFFFF",
    muted_text="#3A3A3A",
    focus="#B8520A",
    danger="#9B1C1C",
    on_danger="#FFFFFF",
)

HIGH_CONTRAST_PALETTE = Palette(
    name="high_contrast",
    background="#000000",
    on_background="#FFFFFF",
    surface="#1A1A1A",
    on_surface="#FFFF00",
    primary="#FFFF00",
    on_primary="#000000",
    muted_text="#FFFFFF",
    focus="#00FFFF",
    danger="#FF6B6B",
    on_danger="#000000",
)

#: (text role, background role) pairs that appear on screen; each must meet the contrast floor.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("on_background", "background"),
    ("muted_text", "background"),
    ("on_surface", "surface"),
    ("on_primary", "primary"),
    ("on_danger", "danger"),
)


def palette_for(high_contrast: bool) -> Palette:
    """The palette of the chosen contrast mode."""
    return HIGH_CONTRAST_PALETTE if high_contrast else DEFAULT_PALETTE


def rgb(hex_colour: str) -> tuple[float, float, float]:
    """``#RRGGBB`` as floats in 0..1 (Kivy's colour form)."""
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one panel and text size, as the Kivy theme applies them."""

    body_px: float
    title_px: float
    touch_target_px: float
    spacing_px: float

    @classmethod
    def for_panel(cls, panel: Panel, size: TextSize) -> Metrics:
        """Sizes for ``size`` on ``panel``; targets grow with the text but never below 15 mm."""
        body = panel.px(BODY_FONT_MM[size])
        return cls(
            body_px=body,
            title_px=body * TITLE_SCALE,
            touch_target_px=max(panel.px(MIN_TOUCH_TARGET_MM), body * 2.2),
            spacing_px=panel.px(3.0),
        )
