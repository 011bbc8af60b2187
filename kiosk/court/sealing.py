"""Encryption at rest of the outbox's personal data (AES-256-GCM), and where its key comes from."""

from __future__ import annotations

import base64
import binascii
import os
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # cryptography loads with the first seal or open, not with the kiosk's start
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEYRING_SERVICE = "courtkiosk"
KEYRING_ENTRY = "outbox-key"


class KeyUnavailable(Exception):
    """No key was configured and the OS keyring cannot hold one."""


class Unsealable(Exception):
    """A sealed payload was altered, moved to another row, or sealed under another key."""


def new_key() -> str:
    """A fresh key, as written into the configuration (urlsafe base64 of 32 random bytes from the OS)."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def parse_key(text: str) -> bytes:
    """The 32 key bytes of a configured key; a malformed key is refused at start, not at first use."""
    try:
        key = base64.urlsafe_b64decode(text.strip().encode())
    except (binascii.Error, ValueError):
        raise ValueError("the outbox key is not urlsafe base64") from None
    if len(key) != 32:
        raise ValueError("the outbox key must be 32 bytes (256 bits)")
    return key


def outbox_key(configured: str | None) -> bytes:
    """The configured key, else one kept in the OS keyring (created there on first use)."""
    if configured:
        return parse_key(configured)
    try:
        import keyring
        import keyring.errors
    except ImportError:
        raise KeyUnavailable("configure an outbox key, or install keyring") from None
    try:
        stored = keyring.get_password(KEYRING_SERVICE, KEYRING_ENTRY)
        if stored is None:
            stored = new_key()
            keyring.set_password(KEYRING_SERVICE, KEYRING_ENTRY, stored)
    except keyring.errors.KeyringError as exc:
        raise KeyUnavailable(f"the OS keyring refused: {type(exc).__name__}") from None
    return parse_key(stored)


class Sealer:
    """Seals a payload to its row: the row's identity is authenticated data, so rows cannot be swapped."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    @cached_property
    def _aead(self) -> AESGCM:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: PLC0415

        return AESGCM(self._key)

    def seal(self, plaintext: bytes, row_id: str) -> bytes:
        """Nonce followed by ciphertext and tag."""
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, plaintext, row_id.encode())

    def open(self, sealed: bytes, row_id: str) -> bytes:
        """The plaintext, or :class:`Unsealable`."""
        from cryptography.exceptions import InvalidTag  # noqa: PLC0415 - loaded with the cipher already

        try:
            return self._aead.decrypt(sealed[:12], sealed[12:], row_id.encode())
        except (InvalidTag, ValueError):
            raise Unsealable(row_id) from None
