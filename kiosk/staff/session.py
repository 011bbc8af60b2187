"""A staff session: opened by a successful unlock, closed by exit, inactivity or its absolute limit.

The absolute limit stops a session that someone keeps alive by touching the screen from lasting
past a shift; the idle limit closes a session that staff walked away from.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from kiosk.staff.roles import Role, StaffAction, allows


class SessionEnd(enum.StrEnum):
    """Why a staff session ended; a status key in the audit trail."""

    EXIT = "exit"
    IDLE = "idle"
    ABSOLUTE = "absolute"


class UnlockMethod(enum.StrEnum):
    """How a session was opened."""

    PIN = "pin"
    BADGE = "badge"


@dataclass
class StaffSession:
    """Who is in maintenance, with which role, since when; times are the controller's monotonic clock."""

    staff_id: str
    role: Role
    method: UnlockMethod
    started_at: float
    idle_limit_s: float
    max_duration_s: float
    last_activity: float = field(init=False)

    def __post_init__(self) -> None:
        self.last_activity = self.started_at

    def touch(self, now: float) -> None:
        """Staff did something: the idle limit starts again."""
        self.last_activity = now

    def end_reason(self, now: float) -> SessionEnd | None:
        """Why the session is over at ``now``, or None while it lasts."""
        if now - self.started_at >= self.max_duration_s:
            return SessionEnd.ABSOLUTE
        if now - self.last_activity >= self.idle_limit_s:
            return SessionEnd.IDLE
        return None

    def allows(self, action: StaffAction) -> bool:
        """Whether this session's role may take ``action``."""
        return allows(self.role, action)
