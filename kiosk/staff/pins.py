"""Staff PINs, kept only as salted scrypt hashes in one self-describing string.

Format: ``scrypt$n=32768,r=8,p=1$<salt>$<hash>`` (salt and hash urlsafe base64 without padding), so
the cost can be raised later without breaking the hashes already in a court's configuration. A
six-digit PIN has only a million values: the slow hash makes reading the configuration file worth
little, but the file must still be readable by the kiosk account only.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

ALGORITHM = "scrypt"
#: 32 MiB and roughly a quarter of a second on a small kiosk PC: noticeable to nobody at the PIN pad,
#: costly for anyone guessing offline.
DEFAULT_N = 2**15
DEFAULT_R = 8
DEFAULT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
PIN_PATTERN = re.compile(r"[0-9]{6,12}")

_PARAMS = re.compile(r"n=(\d+),r=(\d+),p=(\d+)")


class PinFormatError(ValueError):
    """A PIN or a stored PIN hash is not in the expected form."""


@dataclass(frozen=True)
class PinHash:
    """A parsed PIN hash."""

    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    def encode(self) -> str:
        """The one-line form stored in the configuration."""
        return f"{ALGORITHM}$n={self.n},r={self.r},p={self.p}${_b64(self.salt)}${_b64(self.digest)}"


def check_pin_shape(pin: str) -> None:
    """Refuse PINs a keypad could not type or that are too short to resist guessing at the kiosk."""
    if not PIN_PATTERN.fullmatch(pin):
        raise PinFormatError("a PIN is 6 to 12 digits")


def hash_pin(pin: str, *, n: int = DEFAULT_N, r: int = DEFAULT_R, p: int = DEFAULT_P) -> str:
    """A fresh salted hash of ``pin`` in the stored form."""
    check_pin_shape(pin)
    salt = os.urandom(SALT_BYTES)
    return PinHash(n, r, p, salt, _scrypt(pin, salt, n, r, p)).encode()


def parse_pin_hash(encoded: str) -> PinHash:
    """The parts of a stored hash; raises :class:`PinFormatError` naming what is wrong."""
    parts = encoded.split("$")
    if len(parts) != 4 or parts[0] != ALGORITHM:
        raise PinFormatError("a PIN hash looks like scrypt$n=…,r=…,p=…$salt$hash")
    params = _PARAMS.fullmatch(parts[1])
    if not params:
        raise PinFormatError("PIN hash parameters must read n=…,r=…,p=…")
    n, r, p = (int(v) for v in params.groups())
    if n < 2 or n & (n - 1) or r < 1 or p < 1:
        raise PinFormatError("scrypt needs n a power of two, r ≥ 1 and p ≥ 1")
    try:
        salt, digest = _unb64(parts[2]), _unb64(parts[3])
    except (binascii.Error, ValueError):
        raise PinFormatError("PIN hash salt or hash is not urlsafe base64") from None
    if len(salt) < 8 or len(digest) < 16:
        raise PinFormatError("PIN hash salt or hash is too short")
    return PinHash(n, r, p, salt, digest)


def verify_pin(pin: str, encoded: str) -> bool:
    """Whether ``pin`` matches the stored hash, compared in constant time."""
    stored = parse_pin_hash(encoded)
    candidate = _scrypt(pin, stored.salt, stored.n, stored.r, stored.p, len(stored.digest))
    return hmac.compare_digest(candidate, stored.digest)


def burn_time() -> None:
    """Spend what checking a real PIN costs, so an unknown staff id answers as slowly as a known one."""
    verify_pin("000000", _decoy_hash())


@functools.cache
def _decoy_hash() -> str:
    return hash_pin("000000")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int = HASH_BYTES) -> bytes:
    # scrypt needs 128·r·n bytes; OpenSSL's default ceiling (32 MiB) is too low for n = 2**15.
    maxmem = 128 * r * n * 2 + 1024 * 1024
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=length)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
