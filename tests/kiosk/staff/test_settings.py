"""The staff and audit settings refuse what would fail later: bad hashes, keys, staff ids, gestures."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from kiosk.staff.settings import AuditSettings, StaffSettings


def test_defaults_are_usable() -> None:
    staff = StaffSettings()
    assert staff.gesture.pattern().hold_s == 3.0
    assert staff.lockout.policy().lockout_s(3) == 30
    assert AuditSettings().key_bytes() is None


@pytest.mark.parametrize(
    "values",
    [
        {"members": {"zhao01": {"role": "operator", "pin_hash": "123456"}}},
        {"members": {"zhao01": {"role": "janitor"}}},
        {"members": {"110101199003074514": {"role": "operator"}}},
        {"members": {"张三": {"role": "operator"}}},
        {"badge_public_keys": ["abc"]},
        {"gesture": {"hold_s": 0.5}},
        {"gesture": {"taps": ["top_right"]}},
        {"lockout": {"free_attempts": 0}},
        {"unknown": 1},
    ],
)
def test_bad_staff_settings_are_refused(values: dict) -> None:
    with pytest.raises(ValidationError):
        StaffSettings(**values)


def test_a_short_audit_key_is_refused() -> None:
    with pytest.raises(ValidationError):
        AuditSettings(key="c2hvcnQ")
