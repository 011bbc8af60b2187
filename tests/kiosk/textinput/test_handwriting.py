"""Handwriting recognition on real stroke data written the way a finger would, and stroke clean-up."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kiosk.textinput import handwriting, strokes
from kiosk.textinput.zinnia import HandwritingUnavailable, Recognizer
from tests.kiosk.textinput import finger_strokes

Sample = tuple[str, list[list[tuple[float, float]]]]


@pytest.fixture(scope="session")
def stroke_data() -> Path:
    try:
        return finger_strokes.fetch()
    except (finger_strokes.DataUnavailable, OSError) as error:
        pytest.skip(f"hanzi-writer-data could not be fetched with npm: {error}")


@pytest.fixture(scope="session")
def samples(stroke_data: Path) -> list[Sample]:
    return finger_strokes.samples(stroke_data)


def rates(guesses: list[tuple[str, list[str]]]) -> tuple[float, float]:
    count = len(guesses)
    first = sum(found[:1] == [char] for char, found in guesses)
    top5 = sum(char in found[:5] for char, found in guesses)
    return first / count, top5 / count


def test_finger_written_common_characters_are_recognised(samples: list[Sample]) -> None:
    """GIVEN stroke medians of 600 common characters written like a finger (scaled, slanted,
    shaky, unevenly sampled) WHEN recognised raw and after clean-up THEN the clean-up helps and
    the right character is in the top five for at least 80 %."""
    assert len(samples) >= 500
    pad = finger_strokes.PAD
    raw = handwriting.recognizer()
    raw_rates = rates(
        [(char, [c for c, _ in raw.classify(written, pad, pad, 10)]) for char, written in samples]
    )
    improved = rates([(char, handwriting.recognize(written, pad, pad)) for char, written in samples])
    print(
        f"{len(samples)} characters: raw top-1 {raw_rates[0]:.1%}, top-5 {raw_rates[1]:.1%}; "
        f"cleaned up top-1 {improved[0]:.1%}, top-5 {improved[1]:.1%}"
    )
    assert improved[0] > raw_rates[0] and improved[1] > raw_rates[1]
    assert improved[1] >= 0.80


def test_recognition_is_safe_from_several_threads(samples: list[Sample]) -> None:
    chosen = samples[:40]
    pad = finger_strokes.PAD
    alone = [handwriting.recognize(written, pad, pad, 5) for _, written in chosen]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda s: handwriting.recognize(s[1], pad, pad, 5), chosen))
    assert together == alone


def test_a_horizontal_line_is_one() -> None:
    assert handwriting.recognize([[(20, 100), (100, 98), (180, 96)]], 200, 200)[0] == "一"


def test_nothing_written_gives_nothing() -> None:
    assert handwriting.recognize([], 200, 200) == []
    assert handwriting.recognize([[]], 200, 200) == []
    assert handwriting.recognize([[(1, 1)]], 200, 200, limit=0) == []


def test_limit() -> None:
    assert len(handwriting.recognize([[(20, 100), (180, 100)]], 200, 200, limit=3)) == 3


def test_a_box_without_area_is_refused() -> None:
    with pytest.raises(ValueError):
        handwriting.recognize([[(1, 1), (2, 2)]], 0, 200)


def test_a_missing_model_is_named_with_its_package(tmp_path: Path) -> None:
    with pytest.raises(HandwritingUnavailable, match="tegaki-zinnia-simplified-chinese"):
        Recognizer(model=tmp_path / "missing.model")


def test_a_missing_library_is_named_with_its_package() -> None:
    with pytest.raises(HandwritingUnavailable, match="libzinnia0"):
        Recognizer(library="libzinnia-that-is-not-there.so")


def test_a_closed_recognizer_refuses_work() -> None:
    recognizer = Recognizer()
    recognizer.close()
    with pytest.raises(HandwritingUnavailable, match="closed"):
        recognizer.classify([[(1, 1), (5, 5)]], 10, 10, 3)


class TestStrokes:
    def test_repeated_points_are_dropped(self) -> None:
        assert strokes.dedupe([(1, 1), (1, 1), (2, 2), (2, 2), (1, 1)]) == [(1, 1), (2, 2), (1, 1)]

    def test_resampling_spaces_points_evenly_and_keeps_the_ends(self) -> None:
        out = strokes.resample([(0.0, 0.0), (10.0, 0.0), (10.0, 7.0)], 2.0)
        assert out[0] == (0.0, 0.0) and out[-1] == (10.0, 7.0)
        gaps = [math.dist(a, b) for a, b in zip(out, out[1:])]
        assert all(g <= 2.0 + 1e-9 for g in gaps)
        assert len(out) == 10

    def test_a_small_off_centre_character_is_centred_and_fills_the_box(self) -> None:
        out = strokes.normalise([[(10, 10), (30, 10)], [(20, 5), (20, 25)]])
        xs = [x for s in out for x, _ in s]
        ys = [y for s in out for _, y in s]
        margin = strokes.BOX * strokes.MARGIN
        assert min(ys) == pytest.approx(margin) and max(ys) == pytest.approx(strokes.BOX - margin)
        assert (min(xs) + max(xs)) / 2 == pytest.approx(strokes.BOX / 2)

    def test_a_flat_character_stays_flat(self) -> None:
        out = strokes.normalise([[(10, 50), (90, 52)]])
        ys = [y for s in out for _, y in s]
        assert max(ys) - min(ys) < strokes.BOX * 0.05
        assert sum(ys) / len(ys) == pytest.approx(strokes.BOX / 2, abs=strokes.BOX * 0.02)

    def test_a_single_point_is_placed_in_the_middle(self) -> None:
        assert strokes.normalise([[(3, 3)]]) == [[(strokes.BOX / 2, strokes.BOX / 2)]]

    def test_smoothing_keeps_the_ends_and_takes_out_a_spike(self) -> None:
        line = [(float(x), 0.0) for x in range(7)]
        line[3] = (3.0, 5.0)
        out = strokes.smooth(line, 2)
        assert out[0] == line[0] and out[-1] == line[-1]
        assert max(abs(y) for _, y in out) < 5.0
