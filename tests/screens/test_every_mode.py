"""Screens in every language, text size and contrast: nothing cut off, overlapping, tiny or faint."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kiosk.display import TextSize
from kiosk.i18n import LANGUAGES
from kiosk.router import SCREENS
from tests.screens.conftest import RunScript

pytestmark = pytest.mark.ui


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_every_screen_in_every_locale_size_and_contrast_lays_out_cleanly(run_in_app: RunScript, tmp_path: Path) -> None:
    """Every screen in every language in extra-large text, and in zh_CN at every size (see scripts_modes)."""
    halves = ("every_screen_first_half", "every_screen_second_half")
    with ThreadPoolExecutor(len(halves)) as pool:
        results = list(pool.map(lambda half: run_in_app(f"tests.screens.scripts_modes:{half}", timeout_s=840,
                                                         XDG_DATA_HOME=str(tmp_path / half)), halves))
    assert sum(result["checked"] for result in results) == len(SCREENS) * (len(LANGUAGES) + len(TextSize) - 1)
    assert [result["problems"] for result in results] == [{}, {}]


def test_the_layout_check_finds_cut_off_text_small_targets_overlaps_and_faint_text(run_in_app: RunScript) -> None:
    problems = "\n".join(run_in_app("tests.screens.scripts_modes:a_broken_screen")["problems"])
    assert "exceeds its box" in problems
    assert "'tiny'" in problems and "under 15 mm" in problems
    assert "overlaps" in problems
    assert "contrast" in problems
