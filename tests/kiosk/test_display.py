"""Physical sizes and contrast of the themes."""

import pytest

from kiosk.display import (
    BODY_FONT_MM, CAP_HEIGHT_RATIO, DEFAULT_PALETTE, HIGH_CONTRAST_PALETTE, MIN_TOUCH_TARGET_MM, TEXT_PAIRS,
    Metrics, Panel, TextSize, contrast_ratio,
)

PANEL = Panel(1080, 1920, 21.5)


def test_the_default_panel_has_about_four_pixels_per_millimetre() -> None:
    assert PANEL.px_per_mm == pytest.approx(4.03, abs=0.01)


@pytest.mark.parametrize("size", list(TextSize))
def test_touch_targets_are_at_least_15_mm_in_every_text_size(size: TextSize) -> None:
    assert Metrics.for_panel(PANEL, size).touch_target_px >= PANEL.px(MIN_TOUCH_TARGET_MM)


def test_text_sizes_meet_the_cap_height_rules() -> None:
    assert BODY_FONT_MM[TextSize.NORMAL] * CAP_HEIGHT_RATIO >= 4.8  # ADA 707.7.2
    assert BODY_FONT_MM[TextSize.LARGE] * CAP_HEIGHT_RATIO >= 6.1  # EN 301 549 5.1.4 at 500 mm
    assert BODY_FONT_MM[TextSize.EXTRA_LARGE] > BODY_FONT_MM[TextSize.LARGE] > BODY_FONT_MM[TextSize.NORMAL]


@pytest.mark.parametrize("text_role,background_role", TEXT_PAIRS)
def test_default_palette_text_contrast_is_at_least_7_to_1(text_role: str, background_role: str) -> None:
    assert contrast_ratio(getattr(DEFAULT_PALETTE, text_role), getattr(DEFAULT_PALETTE, background_role)) >= 7


@pytest.mark.parametrize("text_role,background_role", TEXT_PAIRS)
def test_high_contrast_palette_text_contrast_is_at_least_7_to_1(text_role: str, background_role: str) -> None:
    assert contrast_ratio(getattr(HIGH_CONTRAST_PALETTE, text_role), getattr(HIGH_CONTRAST_PALETTE, background_role)) >= 7


@pytest.mark.parametrize("palette", [DEFAULT_PALETTE, HIGH_CONTRAST_PALETTE])
def test_the_focus_outline_stands_out_3_to_1_against_the_background(palette) -> None:
    assert contrast_ratio(palette.focus, palette.background) >= 3


def test_contrast_ratio_matches_wcag_extremes() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)
