"""The door into maintenance end to end: PIN and badge unlocks, lock-outs, sessions, and the audit trail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.audit import AuditLog, verify
from kiosk.staff.access import LOCKED_OUT, WRONG_CREDENTIALS, StaffAccess
from kiosk.staff.badge import encode_public_key, issue_badge
from kiosk.staff.roles import Role, StaffAction
from kiosk.staff.session import SessionEnd
from kiosk.staff.settings import StaffSettings
from tests.kiosk.staff.conftest import PIN, Clock

COURT = "京0191"
VISITOR_ID = "110101199003074514"
VISITOR_NAME = "张伟"


@pytest.fixture
def staff_settings(pin_hash: str, signing_key: Ed25519PrivateKey) -> StaffSettings:
    return StaffSettings(
        members={"zhao01": {"role": "operator", "pin_hash": pin_hash}, "admin1": {"role": "administrator", "pin_hash": pin_hash}},
        badge_public_keys=[encode_public_key(signing_key.public_key())],
        session_idle_s=300,
        session_max_s=1800,
    )


def open_access(settings: StaffSettings, tmp_path: Path, clock: Clock) -> StaffAccess:
    audit = AuditLog(tmp_path / "audit.jsonl", clock=clock)
    return StaffAccess(settings, COURT, tmp_path, audit, clock=clock, wall_clock=clock)


def test_the_right_pin_unlocks_with_the_members_role(staff_settings: StaffSettings, tmp_path: Path, clock: Clock) -> None:
    access = open_access(staff_settings, tmp_path, clock)
    result = access.unlock_with_pin("admin1", PIN)
    assert result.ok and result.session.role is Role.ADMINISTRATOR and result.session.staff_id == "admin1"
    operator = access.unlock_with_pin("zhao01", PIN).session
    assert operator.role is Role.OPERATOR
    assert not access.authorise(operator, StaffAction.SYSTEM_EXIT)
    assert access.authorise(result.session, StaffAction.SYSTEM_EXIT)


def test_wrong_pins_lock_out_for_growing_times_and_the_lock_survives_a_restart(
    staff_settings: StaffSettings, tmp_path: Path, clock: Clock
) -> None:
    access = open_access(staff_settings, tmp_path, clock)
    waits = []
    for _ in range(6):
        result = access.unlock_with_pin("zhao01", "000000")
        assert result.reason == WRONG_CREDENTIALS
        waits.append(result.retry_after_s)
        clock.advance(result.retry_after_s)
    assert waits == [0, 0, 30, 60, 120, 240]
    assert access.unlock_with_pin("zhao01", "111111").retry_after_s == 480

    clock.advance(5)
    restarted = open_access(staff_settings, tmp_path, clock)
    locked = restarted.unlock_with_pin("zhao01", PIN)
    assert (locked.ok, locked.reason, locked.retry_after_s) == (False, LOCKED_OUT, 475)
    clock.advance(475)
    assert restarted.unlock_with_pin("zhao01", PIN).ok
    assert restarted.lock_state().failures == 0


def test_an_unknown_staff_id_is_refused_like_a_wrong_pin(staff_settings: StaffSettings, tmp_path: Path, clock: Clock) -> None:
    access = open_access(staff_settings, tmp_path, clock)
    assert access.unlock_with_pin("nobody", PIN).reason == WRONG_CREDENTIALS
    assert access.lock_state().failures == 1


def test_a_valid_badge_unlocks_with_its_role_and_a_bad_one_counts_as_a_failure(
    staff_settings: StaffSettings, signing_key: Ed25519PrivateKey, tmp_path: Path, clock: Clock
) -> None:
    access = open_access(staff_settings, tmp_path, clock)
    expired, _ = issue_badge(signing_key, "li-na", Role.OPERATOR, COURT, 60, clock() - 120)
    refused = access.unlock_with_badge(expired)
    assert (refused.ok, refused.reason) == (False, "expired")
    assert access.lock_state().failures == 1
    token, _ = issue_badge(signing_key, "li-na", Role.ADMINISTRATOR, COURT, 86400, clock())
    result = access.unlock_with_badge(token)
    assert result.ok and result.session.role is Role.ADMINISTRATOR and result.session.staff_id == "li-na"


def test_sessions_expire_idle_and_absolute_and_the_end_is_audited(
    staff_settings: StaffSettings, tmp_path: Path, clock: Clock
) -> None:
    access = open_access(staff_settings, tmp_path, clock)
    idle = access.unlock_with_pin("zhao01", PIN).session
    clock.advance(299)
    assert access.expired(idle) is None
    clock.advance(1)
    assert access.expired(idle) is SessionEnd.IDLE

    busy = access.unlock_with_pin("zhao01", PIN).session
    for _ in range(8):
        clock.advance(200)
        assert access.expired(busy) is None
        access.authorise(busy, StaffAction.DEVICE_SELF_TEST)
    clock.advance(200)
    assert access.expired(busy) is SessionEnd.ABSOLUTE
    text = (tmp_path / "audit.jsonl").read_text()
    assert '"status":"idle"' in text and '"status":"absolute"' in text


def test_the_audit_trail_records_every_attempt_but_no_pin_and_no_personal_data(
    staff_settings: StaffSettings, signing_key: Ed25519PrivateKey, tmp_path: Path, clock: Clock
) -> None:
    access = open_access(staff_settings, tmp_path, clock)
    access.unlock_requested()
    access.unlock_with_pin(VISITOR_ID, "135792")  # a visitor types their ID number as the staff id
    access.unlock_with_pin(VISITOR_NAME, "864200")
    access.unlock_with_pin("zhao01", "975310")
    access.unlock_with_badge(VISITOR_ID)
    clock.advance(600)
    session = access.unlock_with_pin("zhao01", PIN).session
    access.authorise(session, StaffAction.OUTBOX_EXPORT)
    access.end(session, SessionEnd.EXIT)
    forged, _ = issue_badge(Ed25519PrivateKey.generate(), "zhao01", Role.ADMINISTRATOR, COURT, 86400, clock())
    access.unlock_with_badge(forged)

    path = tmp_path / "audit.jsonl"
    text = path.read_text(encoding="utf-8")
    statuses = re.findall(r'"status":"([^"]+)"', text)
    assert statuses == [
        "pin.wrong_credentials", "pin.wrong_credentials", "pin.wrong_credentials", "badge.locked_out",
        "pin.ok", "denied", "exit", "badge.unknown_key",
    ]
    for secret in ("135792", "864200", "975310", PIN, VISITOR_ID, VISITOR_ID[-4:] + '"', VISITOR_NAME, forged[5:40]):
        assert secret not in text
    assert text.count('"actor":"unknown"') == 4
    assert verify(path).ok
