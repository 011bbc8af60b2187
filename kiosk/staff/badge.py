"""Staff badges: a short Ed25519-signed token printed as a QR code; the kiosk holds only public keys.

Token: ``CKB1.`` + urlsafe base64 (no padding) of ``body ‖ signature``; the signature covers the
prefix and the body. Body: version (1 byte), key id (8: start of SHA-256 of the public key), role (1),
issued-at and expires-at (4 each, Unix seconds), badge id (12 random bytes), then the court code and
the staff id, each as one length byte and UTF-8. About 150 characters, a version-8 QR code.

The key id comes before the signature check so "signed with another key" and "altered" are told
apart. A badge is a bearer token: a photocopy of a valid badge cannot be told from the original. What
the kiosk does detect: a badge for another court (court code bound into the signature), a badge whose
id is on the revocation list, and a badge older than one already used here by the same staff member
(after a reissue, the old badge and its copies stop working at every kiosk that has seen the new one).
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import os
import re
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.staff.roles import Role
from kiosk.staff.state_file import read_state, write_state

if TYPE_CHECKING:  # cryptography loads with the first key: a kiosk without badge keys never needs it
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "CKB1."
VERSION = 1
KEY_ID_BYTES = 8
BADGE_ID_BYTES = 12
SIGNATURE_BYTES = 64
STAFF_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,32}")

_HEAD = struct.Struct(">B8sBII12s")
_ROLE_CODES = {Role.OPERATOR: 1, Role.ADMINISTRATOR: 2}
_ROLES_BY_CODE = {code: role for role, code in _ROLE_CODES.items()}


class BadgeRefusal(enum.StrEnum):
    """Why a badge was not accepted; each is a status key in the audit trail."""

    MALFORMED = "malformed"
    UNKNOWN_KEY = "unknown_key"
    ALTERED = "altered"
    WRONG_COURT = "wrong_court"
    REVOKED = "revoked"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"


class BadgeRefused(Exception):
    """A badge was refused for ``reason``; ``badge`` is what it says when its signature held."""

    def __init__(self, reason: BadgeRefusal, badge: Badge | None = None) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.badge = badge


@dataclass(frozen=True)
class Badge:
    """What a verified badge says."""

    staff_id: str
    role: Role
    court_code: str
    issued_at: int
    expires_at: int
    badge_id: str


def key_id(public_key: Ed25519PublicKey) -> bytes:
    """The short name of a public key carried in its badges."""
    return hashlib.sha256(public_key.public_bytes_raw()).digest()[:KEY_ID_BYTES]


def encode_public_key(public_key: Ed25519PublicKey) -> str:
    """A public key as written into the configuration."""
    return _b64(public_key.public_bytes_raw())


def parse_public_key(text: str) -> Ed25519PublicKey:
    """A configured public key; a malformed one is refused at start."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey  # noqa: PLC0415

    try:
        raw = _unb64(text.strip())
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        raise ValueError("a badge public key is 32 bytes in urlsafe base64") from None


def issue_badge(
    private_key: Ed25519PrivateKey, staff_id: str, role: Role, court_code: str, valid_s: int, now: float
) -> tuple[str, Badge]:
    """A signed token and what it says, for the court's administrator (see ``kiosk staff issue-badge``)."""
    if not STAFF_ID_PATTERN.fullmatch(staff_id):
        raise ValueError("a staff id is 1 to 32 letters, digits, '-' or '_'")
    court = court_code.encode()
    if not 0 < len(court) < 256:
        raise ValueError("the court code must be 1 to 255 bytes of UTF-8")
    issued = int(now)
    badge = Badge(staff_id, role, court_code, issued, issued + int(valid_s), os.urandom(BADGE_ID_BYTES).hex())
    head = _HEAD.pack(
        VERSION, key_id(private_key.public_key()), _ROLE_CODES[role], badge.issued_at, badge.expires_at,
        bytes.fromhex(badge.badge_id),
    )
    body = head + bytes([len(court)]) + court + bytes([len(staff_id)]) + staff_id.encode()
    signature = private_key.sign(PREFIX.encode() + body)
    return PREFIX + _b64(body + signature), badge


def read_badge(token: str, public_keys: Iterable[Ed25519PublicKey]) -> Badge:
    """The badge's contents once its signature is checked; says nothing yet about validity in time."""
    from cryptography.exceptions import InvalidSignature  # noqa: PLC0415 - the keys brought cryptography in

    token = token.strip()
    if not token.startswith(PREFIX):
        raise BadgeRefused(BadgeRefusal.MALFORMED)
    try:
        data = _unb64(token[len(PREFIX):])
    except (binascii.Error, ValueError):
        raise BadgeRefused(BadgeRefusal.MALFORMED) from None
    if len(data) < _HEAD.size + 2 + SIGNATURE_BYTES or data[0] != VERSION:
        raise BadgeRefused(BadgeRefusal.MALFORMED)
    body, signature = data[:-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:]
    keys = {key_id(key): key for key in public_keys}
    key = keys.get(body[1 : 1 + KEY_ID_BYTES])
    if key is None:
        raise BadgeRefused(BadgeRefusal.UNKNOWN_KEY)
    try:
        key.verify(signature, PREFIX.encode() + body)
    except InvalidSignature:
        raise BadgeRefused(BadgeRefusal.ALTERED) from None
    return _parse_body(body)


def _parse_body(body: bytes) -> Badge:
    # Only a correctly signed body gets here, so a failure means the issuer built it wrong.
    try:
        _version, _key, role_code, issued, expires, badge_id = _HEAD.unpack_from(body)
        rest = body[_HEAD.size:]
        court_len = rest[0]
        court = rest[1 : 1 + court_len].decode()
        staff_len = rest[1 + court_len]
        staff = rest[2 + court_len : 2 + court_len + staff_len].decode()
        if len(rest) != 2 + court_len + staff_len:
            raise ValueError("trailing bytes")
        return Badge(staff, _ROLES_BY_CODE[role_code], court, issued, expires, badge_id.hex())
    except (IndexError, KeyError, UnicodeDecodeError, ValueError, struct.error):
        raise BadgeRefused(BadgeRefusal.MALFORMED) from None


class BadgeVerifier:
    """Checks badges for this kiosk's court against the configured keys, the revocation list and its memory.

    The memory (newest issued-at per staff id used here) lives in a JSON file in the data directory.
    """

    def __init__(
        self,
        public_keys: Iterable[str],
        court_code: str,
        revoked: Iterable[str],
        seen_path: Path,
        clock: Callable[[], float] = time.time,
        clock_skew_s: float = 300.0,
    ) -> None:
        self.public_keys = [parse_public_key(text) for text in public_keys]
        self.court_code = court_code
        self.revoked = frozenset(badge_id.strip().lower() for badge_id in revoked)
        self.seen_path = seen_path
        self._clock = clock
        self.clock_skew_s = clock_skew_s
        self._lock = threading.Lock()
        self._newest: dict[str, int] = {
            str(k): int(v) for k, v in read_state(seen_path).items() if isinstance(v, int)
        }

    def verify(self, token: str) -> Badge:
        """The badge if it may open a staff session now; otherwise :class:`BadgeRefused`."""
        badge = read_badge(token, self.public_keys)
        now = self._clock()
        if badge.court_code != self.court_code:
            raise BadgeRefused(BadgeRefusal.WRONG_COURT, badge)
        if badge.badge_id in self.revoked:
            raise BadgeRefused(BadgeRefusal.REVOKED, badge)
        if badge.issued_at > now + self.clock_skew_s:
            raise BadgeRefused(BadgeRefusal.NOT_YET_VALID, badge)
        if badge.expires_at <= now:
            raise BadgeRefused(BadgeRefusal.EXPIRED, badge)
        with self._lock:
            if badge.issued_at < self._newest.get(badge.staff_id, 0):
                raise BadgeRefused(BadgeRefusal.SUPERSEDED, badge)
            self._newest[badge.staff_id] = badge.issued_at
            write_state(self.seen_path, self._newest)
        return badge


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)) if re.fullmatch(r"[A-Za-z0-9_-]*", text) else b""
    # Only the canonical spelling is accepted, so no two tokens carry the same bytes.
    if _b64(data) != text:
        raise ValueError("not canonical urlsafe base64")
    return data
