"""The hidden gesture: it fires for the configured sequence and for nothing a visitor plausibly does."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.staff.gesture import Corner, GesturePattern, GestureRecognizer, TouchDown, TouchEvent, TouchUp

W, H = 1080, 1920
PATTERN = GesturePattern()  # hold top-left 3 s, then tap top-right, bottom-right, top-right within 5 s
POINTS = {
    Corner.TOP_LEFT: (20, H - 20),
    Corner.TOP_RIGHT: (W - 20, H - 20),
    Corner.BOTTOM_LEFT: (20, 20),
    Corner.BOTTOM_RIGHT: (W - 20, 20),
}


def press(touch_id: int, corner: Corner, t: float, duration: float) -> list[TouchEvent]:
    x, y = POINTS[corner]
    return [TouchDown(touch_id, x, y, t), TouchUp(touch_id, x, y, t + duration)]


def gesture(t: float = 0.0, hold_s: float = 3.2, gap_s: float = 0.3, taps: tuple[Corner, ...] = PATTERN.taps) -> list[TouchEvent]:
    events = press(1, PATTERN.hold_corner, t, hold_s)
    t += hold_s
    for n, corner in enumerate(taps):
        t += gap_s
        events += press(2 + n, corner, t, 0.1)
        t += 0.1
    return events


def fired(events: list[TouchEvent], recogniser: GestureRecognizer | None = None) -> list[int]:
    recogniser = recogniser or GestureRecognizer(PATTERN, W, H)
    return [n for n, event in enumerate(events) if recogniser.feed(event)]


def test_the_configured_sequence_fires_once_on_its_last_tap() -> None:
    events = gesture()
    assert fired(events) == [len(events) - 1]


def test_it_can_be_done_twice_in_a_row() -> None:
    events = gesture() + gesture(t=20)
    assert len(fired(events)) == 2


@pytest.mark.parametrize(
    "events",
    [
        gesture(hold_s=2.9),  # held too briefly
        gesture(taps=(Corner.TOP_RIGHT, Corner.BOTTOM_LEFT, Corner.TOP_RIGHT)),  # a wrong corner
        gesture(taps=(Corner.TOP_RIGHT, Corner.BOTTOM_RIGHT)),  # one tap short
        gesture(gap_s=1.8),  # taps too slow for the window
        gesture()[:2] + [TouchDown(9, 540, 960, 3.3), TouchUp(9, 540, 960, 3.4)] + gesture()[2:],  # a touch in between
    ],
    ids=["short-hold", "wrong-corner", "too-few-taps", "too-slow", "interrupted"],
)
def test_near_misses_do_not_fire(events: list[TouchEvent]) -> None:
    assert fired(events) == []


def test_a_second_finger_during_the_hold_cancels_it() -> None:
    events = [TouchDown(1, *POINTS[Corner.TOP_LEFT], 0.0), TouchDown(2, 540, 960, 1.0), TouchUp(2, 540, 960, 1.1),
              TouchUp(1, *POINTS[Corner.TOP_LEFT], 3.5)] + gesture(t=3.5)[2:]
    assert fired(events) == []


def test_a_hold_that_slides_out_of_the_corner_does_not_count() -> None:
    events = [TouchDown(1, *POINTS[Corner.TOP_LEFT], 0.0), TouchUp(1, 540, 960, 3.5)] + gesture(t=3.5)[2:]
    assert fired(events) == []


def test_a_long_tap_does_not_count() -> None:
    events = gesture()
    events[3] = TouchUp(2, *POINTS[PATTERN.taps[0]], events[2].t + 1.0)
    assert fired(events) == []


def test_corners_follow_the_screen_size() -> None:
    recogniser = GestureRecognizer(PATTERN, W, H)
    assert recogniser.corner_of(W - 1, H - 1) is Corner.TOP_RIGHT
    recogniser.resize(H, W)
    assert recogniser.corner_of(W - 1, H - 1) is None
    assert recogniser.corner_of(H - 1, W - 1) is Corner.TOP_RIGHT


def test_patterns_too_easy_to_hit_by_accident_are_refused() -> None:
    with pytest.raises(ValueError):
        GesturePattern(hold_s=1)
    with pytest.raises(ValueError):
        GesturePattern(taps=(Corner.TOP_RIGHT,))


def visitor_touches(rng: random.Random, count: int) -> list[TouchEvent]:
    """Touches like a visitor's: mostly quick taps anywhere, some long presses, corners included,
    sometimes two fingers at once."""
    events: list[TouchEvent] = []
    t = 0.0
    for touch_id in range(count):
        t += rng.choice([rng.uniform(0.05, 0.6), rng.uniform(0.5, 4.0)])
        if rng.random() < 0.15:
            x, y = rng.choice(list(POINTS.values()))
        else:
            x, y = rng.uniform(0, W), rng.uniform(0, H)
        duration = rng.choice([rng.uniform(0.03, 0.3), rng.uniform(0.03, 0.3), rng.uniform(0.5, 6.0)])
        events.append(TouchDown(touch_id, x, y, t))
        events.append(TouchUp(touch_id, x + rng.uniform(-8, 8), y + rng.uniform(-8, 8), t + duration))
    events.sort(key=lambda e: e.t)
    return events


def test_ten_thousand_random_visitor_touches_never_fire() -> None:
    events = visitor_touches(random.Random(20240917), 10_000)
    assert fired(events) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(Corner) + [None]), st.floats(0.01, 5.0), st.floats(0.0, 2.0)), max_size=40))
def test_sequences_missing_the_last_tap_never_fire(touches: list[tuple[Corner | None, float, float]]) -> None:
    """Whatever comes before, a stream that never taps the last corner of the pattern cannot fire."""
    events: list[TouchEvent] = []
    t = 0.0
    for touch_id, (corner, duration, gap) in enumerate(touches):
        if corner is PATTERN.taps[-1]:
            continue
        x, y = POINTS[corner] if corner else (W / 2, H / 2)
        events += [TouchDown(touch_id, x, y, t), TouchUp(touch_id, x, y, t + duration)]
        t += duration + gap
    assert fired(events) == []
