"""The one door into maintenance: unlock by PIN or badge, rate-limited, with every attempt audited.

The controller asks this object and nothing else, so no path into maintenance skips the lock-out or
the audit trail. Attempts are audited without the PIN, and with the staff id only when it names a
configured member or a genuinely signed badge: a visitor who types their ID number into the staff
field leaves ``unknown`` in the trail, not the number.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.audit import AuditEvent, AuditLog
from kiosk.audit.schema import UNKNOWN
from kiosk.staff.badge import BadgeRefused, BadgeVerifier
from kiosk.staff.lockout import AttemptLimiter, LockState
from kiosk.staff.pins import burn_time, verify_pin
from kiosk.staff.roles import Role, StaffAction
from kiosk.staff.session import SessionEnd, StaffSession, UnlockMethod
from kiosk.staff.settings import StaffSettings

LOCKOUT_FILE = "staff-lockout.json"
BADGES_SEEN_FILE = "staff-badges-seen.json"

OK = "ok"
WRONG_CREDENTIALS = "wrong_credentials"
LOCKED_OUT = "locked_out"


@dataclass(frozen=True)
class UnlockResult:
    """A session, or why not: ``reason`` is ``ok``, ``wrong_credentials``, ``locked_out`` or a badge refusal."""

    session: StaffSession | None
    reason: str
    retry_after_s: float = 0.0

    @property
    def ok(self) -> bool:
        """True when a staff session was opened."""
        return self.session is not None


class StaffAccess:
    """Unlocks, permission checks and session ends, each written to the audit trail.

    ``clock`` is the controller's monotonic clock (sessions); ``wall_clock`` dates lock-outs and badges,
    which must mean the same after a restart.
    """

    def __init__(
        self,
        settings: StaffSettings,
        court_code: str,
        data_dir: Path,
        audit: AuditLog,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.audit = audit
        self._clock = clock
        self.limiter = AttemptLimiter(data_dir / LOCKOUT_FILE, settings.lockout.policy(), wall_clock)
        self.badges = BadgeVerifier(
            settings.badge_public_keys, court_code, settings.revoked_badges, data_dir / BADGES_SEEN_FILE,
            wall_clock, settings.badge_clock_skew_s,
        )

    def lock_state(self) -> LockState:
        """Whether the staff prompt may take an attempt now (the prompt shows the wait, not the reason)."""
        return self.limiter.state()

    def unlock_requested(self) -> None:
        """The hidden gesture was recognised and the staff prompt opened."""
        self.audit.append(AuditEvent.STAFF_UNLOCK_REQUESTED)

    def unlock_with_pin(self, staff_id: str, pin: str) -> UnlockResult:
        """Check a staff id and PIN typed on the pad."""
        member = self.settings.members.get(staff_id)
        actor, role = (staff_id, member.role) if member else (UNKNOWN, None)
        locked = self._refuse_if_locked(UnlockMethod.PIN, actor, role)
        if locked:
            return locked
        if member is None or not member.pin_hash:
            burn_time()
            return self._fail(UnlockMethod.PIN, WRONG_CREDENTIALS, actor, role, None)
        if not verify_pin(pin, member.pin_hash):
            return self._fail(UnlockMethod.PIN, WRONG_CREDENTIALS, actor, role, None)
        return self._open(UnlockMethod.PIN, staff_id, member.role, None)

    def unlock_with_badge(self, token: str) -> UnlockResult:
        """Check a staff badge scanned at the staff prompt."""
        locked = self._refuse_if_locked(UnlockMethod.BADGE, UNKNOWN, None)
        if locked:
            return locked
        try:
            badge = self.badges.verify(token)
        except BadgeRefused as refused:
            # A genuinely signed badge names its holder and id, which tells a copied badge's trail.
            signed = refused.badge
            actor, role, ref = (signed.staff_id, signed.role, signed.badge_id) if signed else (UNKNOWN, None, None)
            return self._fail(UnlockMethod.BADGE, refused.reason.value, actor, role, ref)
        return self._open(UnlockMethod.BADGE, badge.staff_id, badge.role, badge.badge_id)

    def authorise(self, session: StaffSession, action: StaffAction) -> bool:
        """Whether the session's role may take ``action``; the attempt is audited and keeps the session alive."""
        session.touch(self._clock())
        allowed = session.allows(action)
        self.audit.append(
            AuditEvent.STAFF_ACTION, actor=session.staff_id, role=session.role, action=action,
            status="allowed" if allowed else "denied",
        )
        return allowed

    def expired(self, session: StaffSession) -> SessionEnd | None:
        """If the session has run out, end it (audited) and say why; called from the controller's tick."""
        reason = session.end_reason(self._clock())
        if reason is not None:
            self.end(session, reason)
        return reason

    def end(self, session: StaffSession, reason: SessionEnd) -> None:
        """Close a session (staff pressed exit, or it expired)."""
        self.audit.append(
            AuditEvent.STAFF_SESSION_ENDED, actor=session.staff_id, role=session.role, status=reason.value,
            seconds=int(self._clock() - session.started_at),
        )

    def _refuse_if_locked(self, method: UnlockMethod, actor: str, role: Role | None) -> UnlockResult | None:
        state = self.limiter.state()
        if not state.locked:
            return None
        self.audit.append(
            AuditEvent.STAFF_UNLOCK, actor=actor, role=role, status=f"{method}.{LOCKED_OUT}",
            seconds=math.ceil(state.retry_after_s),
        )
        return UnlockResult(None, LOCKED_OUT, state.retry_after_s)

    def _fail(self, method: UnlockMethod, reason: str, actor: str, role: Role | None, ref: str | None) -> UnlockResult:
        state = self.limiter.record_failure()
        self.audit.append(
            AuditEvent.STAFF_UNLOCK, actor=actor, role=role, status=f"{method}.{reason}", ref=ref,
            count=state.failures, seconds=math.ceil(state.retry_after_s) or None,
        )
        return UnlockResult(None, reason, state.retry_after_s)

    def _open(self, method: UnlockMethod, staff_id: str, role: Role, ref: str | None) -> UnlockResult:
        self.limiter.record_success()
        session = StaffSession(
            staff_id, role, method, self._clock(), self.settings.session_idle_s, self.settings.session_max_s
        )
        self.audit.append(AuditEvent.STAFF_UNLOCK, actor=staff_id, role=role, status=f"{method}.{OK}", ref=ref)
        return UnlockResult(session, OK)
