"""The staff and audit sections of the kiosk's configuration, to be nested into ``Settings``."""

from __future__ import annotations

import base64
import binascii

from pydantic import BaseModel, ConfigDict, Field, field_validator

from kiosk.logs import redact
from kiosk.staff.badge import STAFF_ID_PATTERN, parse_public_key
from kiosk.staff.gesture import Corner, GesturePattern
from kiosk.staff.lockout import LockoutPolicy
from kiosk.staff.pins import parse_pin_hash
from kiosk.staff.roles import Role


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StaffMember(_Section):
    """One staff member who may unlock this kiosk with a PIN."""

    role: Role = Field(description="operator or administrator")
    pin_hash: str = Field(
        "", description="output of `kiosk staff hash-pin`; empty = badge only", json_schema_extra={"secret": True}
    )

    @field_validator("pin_hash")
    @classmethod
    def _parses(cls, value: str) -> str:
        if value:
            parse_pin_hash(value)
        return value


class LockoutSettings(_Section):
    """Growing lock-outs after failed unlock attempts (PIN or badge) at this kiosk."""

    free_attempts: int = Field(3, ge=1, le=10, description="failures allowed before the first lock-out")
    first_lockout_s: float = Field(30, gt=0, description="length of the first lock-out, seconds")
    growth: float = Field(2.0, ge=1, description="each further failure multiplies the lock-out by this")
    max_lockout_s: float = Field(3600, gt=0, description="longest lock-out, seconds")
    forget_after_s: float = Field(86400, gt=0, description="failures are forgotten after this long without one, seconds")

    def policy(self) -> LockoutPolicy:
        """The limiter's policy."""
        return LockoutPolicy(**self.model_dump())


class GestureSettings(_Section):
    """The hidden gesture that opens the staff prompt on the attract and out-of-service screens."""

    hold_corner: Corner = Field(Corner.TOP_LEFT, description="corner to long-press")
    hold_s: float = Field(3.0, ge=2, description="how long to press it, seconds")
    taps: list[Corner] = Field(
        [Corner.TOP_RIGHT, Corner.BOTTOM_RIGHT, Corner.TOP_RIGHT], min_length=2, description="corners to tap next, in order"
    )
    tap_window_s: float = Field(5.0, gt=0, description="time for all the taps after the press, seconds")
    max_tap_s: float = Field(0.8, gt=0, description="longest touch that counts as a tap, seconds")
    corner_fraction: float = Field(0.1, gt=0, le=0.25, description="corner square's side as a share of the short side")

    def pattern(self) -> GesturePattern:
        """The recogniser's pattern."""
        return GesturePattern(
            self.hold_corner, self.hold_s, tuple(self.taps), self.tap_window_s, self.max_tap_s, self.corner_fraction
        )


class StaffSettings(_Section):
    """Who may enter maintenance, how, and for how long."""

    members: dict[str, StaffMember] = Field(default_factory=dict, description="staff id → role and PIN hash")
    badge_public_keys: list[str] = Field(
        default_factory=list, description="public keys whose badges this kiosk accepts (`kiosk staff keygen`)"
    )
    revoked_badges: list[str] = Field(default_factory=list, description="badge ids refused (lost or reissued badges)")
    badge_clock_skew_s: float = Field(300, ge=0, description="tolerance for a badge issued by a clock ahead, seconds")
    session_idle_s: float = Field(300, gt=0, description="a staff session ends after this long untouched, seconds")
    session_max_s: float = Field(3600, gt=0, description="a staff session ends after this long in any case, seconds")
    lockout: LockoutSettings = LockoutSettings()
    gesture: GestureSettings = GestureSettings()

    @field_validator("members")
    @classmethod
    def _staff_ids(cls, members: dict[str, StaffMember]) -> dict[str, StaffMember]:
        for staff_id in members:
            # Staff ids are written to the audit trail, which refuses anything shaped like personal data.
            if not STAFF_ID_PATTERN.fullmatch(staff_id) or redact(staff_id) != staff_id:
                raise ValueError(f"staff id {staff_id!r}: 1 to 32 letters, digits, '-' or '_', not an ID or phone number")
        return members

    @field_validator("badge_public_keys")
    @classmethod
    def _keys(cls, keys: list[str]) -> list[str]:
        for key in keys:
            parse_public_key(key)
        return keys


class AuditSettings(_Section):
    """The tamper-evident audit trail in the data directory."""

    file_name: str = Field("audit.jsonl", pattern=r"^[A-Za-z0-9_.-]+$", description="file name in the data directory")
    key: str = Field(
        "", description="HMAC key (urlsafe base64, 32 bytes); empty = plain hash chain", json_schema_extra={"secret": True}
    )

    @field_validator("key")
    @classmethod
    def _key(cls, value: str) -> str:
        if value:
            parse_audit_key(value)
        return value

    def key_bytes(self) -> bytes | None:
        """The key, or None for an unkeyed chain."""
        return parse_audit_key(self.key) if self.key else None


def parse_audit_key(text: str) -> bytes:
    """A configured audit key's bytes."""
    try:
        key = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except (binascii.Error, ValueError):
        raise ValueError("the audit key is not urlsafe base64") from None
    if len(key) < 32:
        raise ValueError("the audit key must be at least 32 bytes")
    return key
