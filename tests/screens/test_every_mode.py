"""Screens in every language, text size and contrast: nothing cut off, overlapping, tiny or faint."""

from pathlib import Path

import pytest

from kiosk.display import TextSize
from kiosk.i18n import LANGUAGES
from kiosk.router import SCREENS
from tests.screens.conftest import RunScript
from tests.screens.scripts_modes import COMBINATIONS, HALVES

pytestmark = pytest.mark.ui


def test_the_halves_cover_every_screen_in_every_language_and_text_size() -> None:
    assert len(COMBINATIONS) == len(set(COMBINATIONS)) == len(SCREENS) * len(LANGUAGES) * len(TextSize)
    assert sorted(combination for half in HALVES.values() for combination in half) == sorted(COMBINATIONS)


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("half", sorted(HALVES))
def test_every_screen_in_every_locale_size_and_contrast_lays_out_cleanly(
    run_in_app: RunScript, tmp_path: Path, half: str
) -> None:
    """Every screen in every language and text size, each screen in both palettes (see scripts_modes)."""
    result = run_in_app(f"tests.screens.scripts_modes:{half}", timeout_s=840)
    assert result["checked"] == len(HALVES[half])
    assert result["problems"] == {}


def test_the_layout_check_finds_cut_off_text_small_targets_overlaps_and_faint_text(run_in_app: RunScript) -> None:
    problems = "\n".join(run_in_app("tests.screens.scripts_modes:a_broken_screen")["problems"])
    assert "exceeds its box" in problems
    assert "'tiny'" in problems and "under 15 mm" in problems
    assert "overlaps" in problems
    assert "contrast" in problems
