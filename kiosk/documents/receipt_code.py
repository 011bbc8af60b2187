"""The payload of the QR code on a filing receipt, which the lookup journey scans back.

Format: ``CKR1:<reference>:<check>``, e.g. ``CKR1:K7Q2M-9XBD-4H0T:R2``. ``CKR`` marks a courtkiosk
receipt and ``1`` the format version; the reference is the kiosk reference printed on the receipt; the
two check characters (CRC-32 of the reference, base 32) keep a random QR code or a misread from passing
for a receipt. Every character is in the QR alphanumeric set, so the code stays small. The payload
carries no personal data: a finder of a lost receipt learns nothing without the court's own checks.
"""

from __future__ import annotations

import re
import zlib

PREFIX = "CKR1"
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_REFERENCE = re.compile(r"K[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")
"""The kiosk reference as the court contract defines it."""


def _check(reference: str) -> str:
    value = zlib.crc32(reference.encode("ascii")) % (len(_ALPHABET) ** 2)
    return _ALPHABET[value // len(_ALPHABET)] + _ALPHABET[value % len(_ALPHABET)]


def encode_receipt_code(reference: str) -> str:
    """The QR payload for a kiosk reference; ``ValueError`` if ``reference`` is not one."""
    if not _REFERENCE.fullmatch(reference):
        raise ValueError("not a kiosk reference")
    return f"{PREFIX}:{reference}:{_check(reference)}"


def decode_receipt_code(text: str) -> str:
    """The reference inside a scanned receipt code; ``ValueError`` saying why for anything else.

    Surrounding whitespace (a keyboard-wedge scanner's Enter) is ignored, and so is letter case, since
    a wedge scanner types inverted case when Caps Lock is on.
    """
    parts = text.strip().upper().split(":")
    if len(parts) != 3 or not parts[0].startswith("CKR"):
        raise ValueError("not a kiosk receipt code")
    version, reference, check = parts
    if version != PREFIX:
        raise ValueError(f"unsupported receipt code version {version}")
    if not _REFERENCE.fullmatch(reference):
        raise ValueError("the receipt code holds no valid reference")
    if check != _check(reference):
        raise ValueError("the receipt code's check characters do not match")
    return reference
