"""Staff badges: only this court's key, unaltered, in date, not revoked, not superseded."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.staff.badge import (
    PREFIX,
    BadgeRefusal,
    BadgeRefused,
    BadgeVerifier,
    encode_public_key,
    issue_badge,
    read_badge,
)
from kiosk.staff.roles import Role
from tests.kiosk.staff.conftest import Clock

COURT = "京0191"
DAY = 86400


def verifier(tmp_path: Path, key: Ed25519PrivateKey, clock: Clock, revoked: tuple[str, ...] = ()) -> BadgeVerifier:
    return BadgeVerifier([encode_public_key(key.public_key())], COURT, revoked, tmp_path / "seen.json", clock)


def refusal(check: BadgeVerifier, token: str) -> BadgeRefusal:
    with pytest.raises(BadgeRefused) as refused:
        check.verify(token)
    return refused.value.reason


def test_a_valid_badge_gives_its_holder_and_role(tmp_path: Path, signing_key: Ed25519PrivateKey, clock: Clock) -> None:
    token, issued = issue_badge(signing_key, "wang-li", Role.ADMINISTRATOR, COURT, 180 * DAY, clock())
    badge = verifier(tmp_path, signing_key, clock).verify(token)
    assert (badge.staff_id, badge.role, badge.badge_id) == ("wang-li", Role.ADMINISTRATOR, issued.badge_id)
    assert token.startswith(PREFIX) and len(token) < 200


def test_a_badge_signed_with_another_key_is_refused(tmp_path: Path, signing_key: Ed25519PrivateKey, clock: Clock) -> None:
    token, _ = issue_badge(Ed25519PrivateKey.generate(), "wang-li", Role.ADMINISTRATOR, COURT, DAY, clock())
    assert refusal(verifier(tmp_path, signing_key, clock), token) is BadgeRefusal.UNKNOWN_KEY


def test_a_badge_with_one_character_changed_is_refused_as_altered(
    tmp_path: Path, signing_key: Ed25519PrivateKey, clock: Clock
) -> None:
    token, _ = issue_badge(signing_key, "zhao01", Role.OPERATOR, COURT, DAY, clock())
    middle = len(token) // 2
    altered = token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1 :]
    assert refusal(verifier(tmp_path, signing_key, clock), altered) is BadgeRefusal.ALTERED


def test_a_badge_whose_role_was_raised_is_refused_as_altered(
    tmp_path: Path, signing_key: Ed25519PrivateKey, clock: Clock
) -> None:
    token, _ = issue_badge(signing_key, "zhao01", Role.OPERATOR, COURT, DAY, clock())
    raw = bytearray(base64.urlsafe_b64decode(token[len(PREFIX):] + "=="))
    raw[9] = 2  # the role byte: operator → administrator
    forged = PREFIX + base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")
    assert refusal(verifier(tmp_path, signing_key, clock), forged) is BadgeRefusal.ALTERED


def test_an_expired_badge_is_refused(tmp_path: Path, signing_key: Ed25519PrivateKey, clock: Clock) -> None:
    token, _ = issue_badge(signing_key, "zhao01", Role.OPERATOR, COURT, 30 * DAY, clock())
    check = verifier(tmp_path, signing_key, clock)
    clock.advance(30 * DAY - 1)
    check.verify(token)
    clock.advance(1)
    assert refusal(check, token) is BadgeRefusal.EXPIRED


def test_a_badge_from_the_future_is_refused(tmp_path: Path, signing_key: Ed25519PrivateKey, clock: Clock) -> None:
    token, _ = issue_badge(signing_key, "zhao01", Role.OPERATOR, COURT, DAY, clock() + 3600)
    assert refusal(verifier(tmp_path, signing_key, clock), token) is BadgeRefusal.NOT_YET_VALID


def test_a_revoked_badge_is_refused(tmp_path: Path, signing_key: Ed25519PrivateKey, clock: Clock) -> None:
    token, badge = issue_badge(signing_key, "zhao01", Role.OPERATOR, COURT, DAY, clock())
    check = verifier(tmp_path, signing_key, clock, revoked=(badge.badge_id.upper(),))
    assert refusal(check, token) is BadgeRefusal.REVOKED


def test_a_badge_for_another_court_is_refused(tmp_path: Path, signing_key: Ed25519PrivateKey, clock: Clock) -> None:
    token, _ = issue_badge(signing_key, "zhao01", Role.OPERATOR, "京0192", DAY, clock())
    assert refusal(verifier(tmp_path, signing_key, clock), token) is BadgeRefusal.WRONG_COURT


def test_after_a_reissue_is_used_the_old_badge_and_its_copies_are_refused_even_after_a_restart(
    tmp_path: Path, signing_key: Ed25519PrivateKey, clock: Clock
) -> None:
    old, _ = issue_badge(signing_key, "zhao01", Role.OPERATOR, COURT, 90 * DAY, clock())
    clock.advance(DAY)
    new, _ = issue_badge(signing_key, "zhao01", Role.OPERATOR, COURT, 90 * DAY, clock())
    check = verifier(tmp_path, signing_key, clock)
    check.verify(old)
    check.verify(new)
    assert refusal(check, old) is BadgeRefusal.SUPERSEDED
    assert refusal(verifier(tmp_path, signing_key, clock), old) is BadgeRefusal.SUPERSEDED
    verifier(tmp_path, signing_key, clock).verify(new)


@pytest.mark.parametrize("token", ["", "CKB1.", "CKB1.!!!", "https://example.org/case?id=1", "CKB1.AAAA", "CKB2.AYp77pIWahOt"])
def test_garbage_is_refused_as_malformed(tmp_path: Path, signing_key: Ed25519PrivateKey, clock: Clock, token: str) -> None:
    assert refusal(verifier(tmp_path, signing_key, clock), token) is BadgeRefusal.MALFORMED


def test_keys_are_refused_at_start_when_malformed(tmp_path: Path, clock: Clock) -> None:
    with pytest.raises(ValueError):
        BadgeVerifier(["not-a-key"], COURT, (), tmp_path / "seen.json", clock)


_TOKEN_KEY = Ed25519PrivateKey.generate()
_TOKEN, _ = issue_badge(_TOKEN_KEY, "zhao01", Role.OPERATOR, COURT, 365 * DAY, 1_750_000_000)
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@settings(max_examples=500, deadline=None)
@given(position=st.integers(len(PREFIX), len(_TOKEN) - 1), replacement=st.sampled_from(_ALPHABET))
def test_every_single_character_change_is_refused(position: int, replacement: str) -> None:
    if _TOKEN[position] == replacement:
        return
    changed = _TOKEN[:position] + replacement + _TOKEN[position + 1 :]
    with pytest.raises(BadgeRefused):
        read_badge(changed, [_TOKEN_KEY.public_key()])
