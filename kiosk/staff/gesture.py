"""The hidden gesture that asks for the staff prompt: a long press in one corner, then quick taps in others.

A pure recogniser: the screen forwards every touch-down and touch-up (position in pixels, origin at
the bottom left as Kivy reports, time in seconds) and gets True once the configured sequence is
complete. Anything off-pattern (a second finger, a tap elsewhere, too slow) starts over, so a
visitor's ordinary touches never complete it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Corner(enum.StrEnum):
    """A corner of the screen as the visitor sees it."""

    TOP_LEFT = "top_left"
    TOP_RIGHT = "top_right"
    BOTTOM_LEFT = "bottom_left"
    BOTTOM_RIGHT = "bottom_right"


@dataclass(frozen=True)
class TouchDown:
    """A finger touched the screen."""

    touch_id: int
    x: float
    y: float
    t: float


@dataclass(frozen=True)
class TouchUp:
    """A finger left the screen."""

    touch_id: int
    x: float
    y: float
    t: float


TouchEvent = TouchDown | TouchUp


@dataclass(frozen=True)
class GesturePattern:
    """Hold ``hold_corner`` for ``hold_s``, release, then tap ``taps`` in order within ``tap_window_s``.

    Corners are squares whose side is ``corner_fraction`` of the screen's short side.
    """

    hold_corner: Corner = Corner.TOP_LEFT
    hold_s: float = 3.0
    taps: tuple[Corner, ...] = (Corner.TOP_RIGHT, Corner.BOTTOM_RIGHT, Corner.TOP_RIGHT)
    tap_window_s: float = 5.0
    max_tap_s: float = 0.8
    corner_fraction: float = 0.1

    def __post_init__(self) -> None:
        if self.hold_s < 2:
            raise ValueError("the hold must last at least 2 s, or visitors resting a hand would trigger it")
        if len(self.taps) < 2:
            raise ValueError("at least two taps must follow the hold")
        if not 0 < self.corner_fraction <= 0.25:
            raise ValueError("corner_fraction must be in (0, 0.25]")
        if self.tap_window_s <= 0 or self.max_tap_s <= 0:
            raise ValueError("tap_window_s and max_tap_s must be positive")


@dataclass(frozen=True)
class _Press:
    touch_id: int
    t: float


class GestureRecognizer:
    """Feeds on touches; :meth:`feed` returns True when the unlock gesture is complete."""

    def __init__(self, pattern: GesturePattern, width: float, height: float) -> None:
        self.pattern = pattern
        self.resize(width, height)
        self.reset()

    def resize(self, width: float, height: float) -> None:
        """The screen's size in pixels changed (rotation, another panel)."""
        self.width, self.height = width, height
        self._corner_px = min(width, height) * self.pattern.corner_fraction

    def reset(self) -> None:
        """Forget any partial gesture."""
        self._hold: _Press | None = None
        self._tap: _Press | None = None
        self._armed_at: float | None = None
        self._next_tap = 0

    def feed(self, event: TouchEvent) -> bool:
        """Take one touch; True exactly when it completes the gesture."""
        if isinstance(event, TouchDown):
            self._down(event)
            return False
        return self._up(event)

    def corner_of(self, x: float, y: float) -> Corner | None:
        """The corner square holding (x, y), if any."""
        left, right = x <= self._corner_px, x >= self.width - self._corner_px
        bottom, top = y <= self._corner_px, y >= self.height - self._corner_px
        if top and left:
            return Corner.TOP_LEFT
        if top and right:
            return Corner.TOP_RIGHT
        if bottom and left:
            return Corner.BOTTOM_LEFT
        if bottom and right:
            return Corner.BOTTOM_RIGHT
        return None

    def _down(self, event: TouchDown) -> None:
        corner = self.corner_of(event.x, event.y)
        if self._armed_at is not None:
            in_time = event.t - self._armed_at <= self.pattern.tap_window_s
            if in_time and self._tap is None and corner == self.pattern.taps[self._next_tap]:
                self._tap = _Press(event.touch_id, event.t)
                return
            self.reset()
        if self._hold is not None:
            self.reset()  # a second finger: not the gesture
            return
        if corner == self.pattern.hold_corner:
            self._hold = _Press(event.touch_id, event.t)

    def _up(self, event: TouchUp) -> bool:
        corner = self.corner_of(event.x, event.y)
        if self._hold is not None and event.touch_id == self._hold.touch_id:
            held_long = event.t - self._hold.t >= self.pattern.hold_s
            self._hold = None
            if held_long and corner == self.pattern.hold_corner:
                self._armed_at, self._next_tap = event.t, 0
            return False
        if self._tap is None or event.touch_id != self._tap.touch_id or self._armed_at is None:
            return False
        quick = event.t - self._tap.t <= self.pattern.max_tap_s
        in_time = event.t - self._armed_at <= self.pattern.tap_window_s
        on_target = corner == self.pattern.taps[self._next_tap]
        self._tap = None
        if not (quick and in_time and on_target):
            self.reset()
            return False
        self._next_tap += 1
        if self._next_tap < len(self.pattern.taps):
            return False
        self.reset()
        return True
