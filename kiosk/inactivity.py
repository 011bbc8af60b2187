"""The inactivity watch: every visitor state warns, lets the visitor extend, then gives up.

Pure and clock-injected, so the whole warning → extension → wipe path is tested without waiting.
While a device job runs (printing, reading a card) the watch is held and cannot expire.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class IdlePhase(enum.Enum):
    """Where the visitor stands with the time limit."""

    ACTIVE = "active"
    WARNING = "warning"  # "Do you need more time?" with a countdown
    EXPIRED = "expired"  # the visit is to be wiped


@dataclass
class IdleWatch:
    """Counts idle time against a limit that each state sets."""

    warning_s: float
    max_extensions: int
    limit_s: float = 90.0
    _last_activity: float = 0.0
    _held: int = 0
    extensions_used: int = 0

    def restart(self, now: float, limit_s: float) -> None:
        """A new state was entered: its own limit applies from now."""
        self.limit_s = limit_s
        self._last_activity = now

    def reset_visit(self, now: float) -> None:
        """A new visit starts with all its extensions."""
        self.extensions_used = 0
        self._held = 0
        self._last_activity = now

    def activity(self, now: float) -> bool:
        """The visitor touched or pressed a key. Returns True when that answered the warning.

        A touch during the warning extends the time, while extensions remain; once they are used
        up the countdown runs on.
        """
        if self.phase(now) is IdlePhase.WARNING:
            if not self.can_extend:
                return False
            self.extensions_used += 1
            self._last_activity = now
            return True
        self._last_activity = now
        return False

    @property
    def can_extend(self) -> bool:
        """Whether a touch during the warning still buys more time."""
        return self.extensions_used < self.max_extensions

    def hold(self) -> None:
        """A device job started; the visit cannot time out until :meth:`release`."""
        self._held += 1

    def release(self, now: float) -> None:
        """A device job ended; idle time counts again from now."""
        self._held = max(0, self._held - 1)
        self._last_activity = now

    def idle_s(self, now: float) -> float:
        """Seconds since the last activity (zero while held)."""
        return 0.0 if self._held else max(0.0, now - self._last_activity)

    def phase(self, now: float) -> IdlePhase:
        """The current phase."""
        idle = self.idle_s(now)
        if idle < self.limit_s:
            return IdlePhase.ACTIVE
        if idle < self.limit_s + self.warning_s:
            return IdlePhase.WARNING
        return IdlePhase.EXPIRED

    def countdown_s(self, now: float) -> int:
        """Whole seconds left in the warning (for display and speech)."""
        left = self.limit_s + self.warning_s - self.idle_s(now)
        return max(0, int(left + 0.999))
