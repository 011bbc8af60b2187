"""Shared pieces for the staff tests: a hand-moved clock, cheap PIN hashes and a badge key."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.staff.pins import hash_pin

#: Test hashes use a low scrypt cost so the suite stays fast; the format and the check are the same.
CHEAP_N = 2**10
PIN = "246810"


class Clock:
    """One clock the test moves by hand; serves as both wall and monotonic clock."""

    def __init__(self, now: float = 1_750_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="session")
def pin_hash() -> str:
    return hash_pin(PIN, n=CHEAP_N)


@pytest.fixture(scope="session")
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()
