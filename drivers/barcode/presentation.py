"""Once per presentation: a code held in front of the camera is reported when it arrives, not every frame."""

from __future__ import annotations

from collections.abc import Iterable

CodeKey = tuple[str, str]
"""A code's identity across frames: (symbology, text)."""


class PresentationTracker:
    """Tells which codes in a frame are newly presented.

    A code counts as gone only after it has been missing from ``leave_after_frames`` frames in a
    row, so a frame where a shaky hand or a skipped fallback pass lost it does not report it twice.
    """

    def __init__(self, leave_after_frames: int = 8) -> None:
        if leave_after_frames < 1:
            raise ValueError("leave_after_frames must be at least 1")
        self.leave_after_frames = leave_after_frames
        self._missing_for: dict[CodeKey, int] = {}

    def update(self, seen: Iterable[CodeKey]) -> list[CodeKey]:
        """Feed one frame's codes; returns those not in view until now, in the order seen."""
        seen_now = list(dict.fromkeys(seen))
        new = [key for key in seen_now if key not in self._missing_for]
        for key in list(self._missing_for):
            self._missing_for[key] += 1
            if self._missing_for[key] >= self.leave_after_frames:
                del self._missing_for[key]
        for key in seen_now:
            self._missing_for[key] = 0
        return new

    def reset(self) -> None:
        """Forget every code, so the next frame reports whatever is in view as newly presented."""
        self._missing_for.clear()
