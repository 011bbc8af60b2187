"""Growing lock-outs after failed unlock attempts, remembered across restarts.

One counter per kiosk, not per staff id: whoever stands at the kiosk could otherwise guess PINs by
cycling through staff numbers. Times are wall-clock seconds because a restart resets the monotonic
clock; a wall clock set backwards cannot stretch a lock-out beyond its cap.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.staff.state_file import read_state, write_state


@dataclass(frozen=True)
class LockoutPolicy:
    """``free_attempts`` failures lock for ``first_lockout_s``; every further failure doubles it, up to the cap."""

    free_attempts: int = 3
    first_lockout_s: float = 30.0
    growth: float = 2.0
    max_lockout_s: float = 3600.0
    forget_after_s: float = 86400.0

    def lockout_s(self, failures: int) -> float:
        """How long ``failures`` consecutive failures lock the kiosk (0 while attempts are free)."""
        if failures < self.free_attempts:
            return 0.0
        return min(self.first_lockout_s * self.growth ** (failures - self.free_attempts), self.max_lockout_s)


@dataclass(frozen=True)
class LockState:
    """Whether an attempt may be made now, and if not, for how long not."""

    failures: int
    retry_after_s: float

    @property
    def locked(self) -> bool:
        """True while attempts are refused unchecked."""
        return self.retry_after_s > 0


class AttemptLimiter:
    """Counts consecutive failures in a JSON file; a success or a quiet day clears them."""

    def __init__(self, path: Path, policy: LockoutPolicy, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.policy = policy
        self._clock = clock
        self._lock = threading.Lock()
        stored = read_state(path)
        self._failures = int(stored.get("failures", 0))
        self._last_failure = float(stored.get("last_failure", 0.0))
        self._locked_until = float(stored.get("locked_until", 0.0))

    def state(self) -> LockState:
        """The lock as of now."""
        with self._lock:
            return self._state(self._clock())

    def record_failure(self) -> LockState:
        """Count a failed attempt and start the lock-out it earns."""
        with self._lock:
            now = self._clock()
            self._forget_if_quiet(now)
            self._failures += 1
            self._last_failure = now
            self._locked_until = now + self.policy.lockout_s(self._failures)
            self._save()
            return self._state(now)

    def record_success(self) -> None:
        """A successful unlock clears the count."""
        with self._lock:
            self._failures, self._last_failure, self._locked_until = 0, 0.0, 0.0
            self._save()

    def _state(self, now: float) -> LockState:
        # A clock set back must not leave the kiosk locked for longer than the cap.
        self._locked_until = min(self._locked_until, now + self.policy.max_lockout_s)
        return LockState(self._failures, max(self._locked_until - now, 0.0))

    def _forget_if_quiet(self, now: float) -> None:
        if self._failures and now - self._last_failure >= self.policy.forget_after_s:
            self._failures = 0

    def _save(self) -> None:
        write_state(
            self.path,
            {"failures": self._failures, "last_failure": self._last_failure, "locked_until": self._locked_until},
        )
