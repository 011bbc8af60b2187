"""Speaking rate and volume as steps the visitor moves with the speech keys, reset every visit.

Steps rather than free values, so each key press makes an audible difference and a visitor can
count their way back. The default volume leaves two steps of headroom: the installer calibrates
the amplifier so the default is at most 65 dB(A) (EN 301 549 5.1.3.13) and "louder" can go above.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Words per minute; espeak-ng's own default is 175, a little fast for a first-time visitor.
RATE_STEPS_WPM: tuple[int, ...] = (100, 120, 140, 160, 185, 210, 240)
DEFAULT_RATE_STEP = 3
#: 长辈模式 speaks slower from the start.
ELDERLY_RATE_STEP = 1
#: Share of the synthesiser's full scale.
VOLUME_STEPS: tuple[float, ...] = (0.4, 0.55, 0.7, 0.85, 1.0)
DEFAULT_VOLUME_STEP = 2


@dataclass
class Levels:
    """The visitor's rate and volume steps; ``None`` rate means "the default for this visitor"."""

    rate_step: int | None = None
    volume_step: int = DEFAULT_VOLUME_STEP

    def rate_wpm(self, *, elderly: bool) -> int:
        """The rate now: the visitor's choice, else the default for their mode."""
        return RATE_STEPS_WPM[self._rate(elderly)]

    @property
    def volume(self) -> float:
        """The volume now."""
        return VOLUME_STEPS[self.volume_step]

    def change_rate(self, delta: int, *, elderly: bool) -> bool:
        """Move the rate ``delta`` steps; False when already at the end."""
        step = min(max(self._rate(elderly) + delta, 0), len(RATE_STEPS_WPM) - 1)
        moved = step != self._rate(elderly)
        self.rate_step = step
        return moved

    def change_volume(self, delta: int) -> bool:
        """Move the volume ``delta`` steps; False when already at the end."""
        step = min(max(self.volume_step + delta, 0), len(VOLUME_STEPS) - 1)
        moved, self.volume_step = step != self.volume_step, step
        return moved

    def _rate(self, elderly: bool) -> int:
        if self.rate_step is not None:
            return self.rate_step
        return ELDERLY_RATE_STEP if elderly else DEFAULT_RATE_STEP
