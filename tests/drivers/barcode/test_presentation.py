"""Once per presentation: a code in view is reported when it arrives, again only after it has left."""

from __future__ import annotations

import pytest

from drivers.barcode.presentation import PresentationTracker

RECEIPT = ("QRCode", "R-1")
SLIP = ("Code128", "S-2")


def test_a_code_held_still_is_reported_once() -> None:
    tracker = PresentationTracker(leave_after_frames=3)
    reported = [tracker.update([RECEIPT]) for _ in range(20)]
    assert reported[0] == [RECEIPT]
    assert all(r == [] for r in reported[1:])


def test_a_code_missed_in_a_few_frames_is_not_reported_again() -> None:
    tracker = PresentationTracker(leave_after_frames=3)
    frames = [[RECEIPT], [], [], [RECEIPT], [], [RECEIPT]]
    assert [tracker.update(f) for f in frames] == [[RECEIPT], [], [], [], [], []]


def test_a_code_that_left_the_view_is_reported_when_shown_again() -> None:
    tracker = PresentationTracker(leave_after_frames=3)
    frames = [[RECEIPT], [], [], [], [RECEIPT]]
    assert [tracker.update(f) for f in frames] == [[RECEIPT], [], [], [], [RECEIPT]]


def test_two_codes_in_view_are_tracked_apart() -> None:
    tracker = PresentationTracker(leave_after_frames=2)
    assert tracker.update([RECEIPT]) == [RECEIPT]
    assert tracker.update([RECEIPT, SLIP, SLIP]) == [SLIP]


def test_reset_reports_the_code_in_view_again() -> None:
    tracker = PresentationTracker()
    tracker.update([RECEIPT])
    tracker.reset()
    assert tracker.update([RECEIPT]) == [RECEIPT]


def test_leave_after_must_be_positive() -> None:
    with pytest.raises(ValueError):
        PresentationTracker(leave_after_frames=0)
