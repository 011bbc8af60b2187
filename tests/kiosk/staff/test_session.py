"""Staff sessions end when left idle and, however busy, after their absolute limit."""

from __future__ import annotations

from kiosk.staff.roles import Role, StaffAction
from kiosk.staff.session import SessionEnd, StaffSession, UnlockMethod


def session(role: Role = Role.OPERATOR) -> StaffSession:
    return StaffSession("zhao01", role, UnlockMethod.PIN, started_at=100.0, idle_limit_s=300, max_duration_s=1800)


def test_an_untouched_session_ends_after_the_idle_limit() -> None:
    s = session()
    assert s.end_reason(399.9) is None
    assert s.end_reason(400) is SessionEnd.IDLE


def test_activity_keeps_it_open_until_the_absolute_limit() -> None:
    s = session()
    for now in range(300, 1900, 200):
        assert s.end_reason(now) is None
        s.touch(now)
    assert s.end_reason(1899.9) is None
    assert s.end_reason(1900) is SessionEnd.ABSOLUTE


def test_operators_cannot_take_administrator_actions() -> None:
    operator, admin = session(Role.OPERATOR), session(Role.ADMINISTRATOR)
    assert operator.allows(StaffAction.DEVICE_SELF_TEST)
    assert not operator.allows(StaffAction.SYSTEM_EXIT)
    assert not operator.allows(StaffAction.SETTINGS_CHANGE)
    assert all(admin.allows(action) for action in StaffAction)
