"""PIN hashes: salted, self-describing, slow by default, compared in constant time."""

from __future__ import annotations

import time

import pytest

from kiosk.staff.pins import DEFAULT_N, PinFormatError, hash_pin, parse_pin_hash, verify_pin
from tests.kiosk.staff.conftest import CHEAP_N, PIN


def test_the_right_pin_matches_and_a_wrong_one_does_not(pin_hash: str) -> None:
    assert verify_pin(PIN, pin_hash)
    assert not verify_pin("246811", pin_hash)
    assert not verify_pin("", pin_hash)


def test_the_stored_form_names_algorithm_and_cost_and_never_holds_the_pin(pin_hash: str) -> None:
    assert pin_hash.startswith(f"scrypt$n={CHEAP_N},r=8,p=1$")
    assert PIN not in pin_hash
    assert parse_pin_hash(pin_hash).n == CHEAP_N


def test_each_hash_has_its_own_salt() -> None:
    first, second = hash_pin(PIN, n=CHEAP_N), hash_pin(PIN, n=CHEAP_N)
    assert first != second
    assert verify_pin(PIN, first) and verify_pin(PIN, second)


def test_the_default_cost_is_scrypt_n_2_15_and_still_verifies() -> None:
    started = time.perf_counter()
    encoded = hash_pin(PIN)
    elapsed = time.perf_counter() - started
    assert parse_pin_hash(encoded).n == DEFAULT_N == 2**15
    assert verify_pin(PIN, encoded)
    print(f"scrypt n=2**15 hash: {elapsed * 1000:.0f} ms")


@pytest.mark.parametrize("pin", ["12345", "1234567890123", "12a456", "１２３４５６", ""])
def test_pins_a_keypad_cannot_type_or_too_short_are_refused(pin: str) -> None:
    with pytest.raises(PinFormatError):
        hash_pin(pin, n=CHEAP_N)


@pytest.mark.parametrize(
    "encoded",
    ["", "246810", "pbkdf2$n=1024,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "scrypt$n=1000,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
     "scrypt$n=1024$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "scrypt$n=1024,r=8,p=1$!!$aGFzaGhhc2hoYXNoaGFzaA"],
)
def test_malformed_stored_hashes_are_refused_with_a_reason(encoded: str) -> None:
    with pytest.raises(PinFormatError):
        parse_pin_hash(encoded)
