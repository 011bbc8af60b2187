"""Names typed by touch in the real app under Xvfb: one on the pinyin keyboard, one in handwriting."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.court.demo.seed import ZHANG
from tests.kiosk.textinput import finger_strokes
from tests.screens import textinput_scripts as script
from tests.screens.conftest import RunScript

PNG = b"\x89PNG"
CURSOR = "▏"


@pytest.fixture(scope="module")
def stroke_data() -> Path:
    """The same npm package the handwriting test writes with; without it there is nothing real to write."""
    try:
        return finger_strokes.fetch()
    except (finger_strokes.DataUnavailable, OSError) as error:
        pytest.skip(f"hanzi-writer-data could not be fetched with npm: {error}")


def test_two_defendants_are_named_by_pinyin_keys_and_by_handwriting(
    run_in_app: RunScript, stroke_data: Path, tmp_path: Path
) -> None:
    """GIVEN a filing by card WHEN one defendant's name is typed letter by letter and picked among the
    pinyin candidates, and another's is written stroke by stroke on the pad THEN the visit, the field
    on screen and the saved parties all hold the intended names."""
    results = run_in_app("tests.screens.textinput_scripts:two_defendants",
                         **{script.STROKE_DATA: str(stroke_data), script.SHOTS: str(tmp_path)})

    pinyin = results["pinyin"]
    assert pinyin["layout"] == "pinyin" and pinyin["letters"] == script.PINYIN_LETTERS
    assert script.PINYIN_NAME in pinyin["offered"]
    assert pinyin["read_back"]["visit"] == script.PINYIN_NAME
    assert pinyin["read_back"]["widget"].removesuffix(CURSOR) == script.PINYIN_NAME

    written = results["written"]
    assert written["layout"] == "handwriting"
    assert [c in offered for c, offered in zip(script.WRITTEN_NAME, written["offered"], strict=True)] == [True, True]
    assert written["read_back"]["visit"] == script.WRITTEN_NAME
    assert written["read_back"]["widget"].removesuffix(CURSOR) == script.WRITTEN_NAME

    assert results["parties"] == [
        ["plaintiff", ZHANG.name, ZHANG.id_number],
        ["defendant", script.PINYIN_NAME, script.DEFENDANT_IDS[script.PINYIN_NAME]],
        ["defendant", script.WRITTEN_NAME, script.DEFENDANT_IDS[script.WRITTEN_NAME]],
    ]
    for shot in ("pinyin_candidates.png", "handwriting_candidates.png"):
        assert (tmp_path / shot).read_bytes().startswith(PNG)
