"""The payload of the QR code on a work-order slip, which the work order's track step scans back.

Format: ``CKW1:<reference>:<check>``, e.g. ``CKW1:K7Q2M-9XBD-4H0T:R2``: ``CKW`` marks a courtkiosk work
order and ``1`` the format version, like the filing receipt's ``CKR1`` (``kiosk.documents.receipt_code``).
The reference is the kiosk reference of the submission: it exists before the court answers (so a slip
printed while the court is offline works too) and, unlike the court's sequential tracking number, it
cannot be guessed, which is why scanning it may show the court's reply. Two check characters (CRC-32,
base 32) keep a misread from passing; every character is in the QR alphanumeric set.
"""

from __future__ import annotations

import re
import zlib

PREFIX = "CKW1"
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE = re.compile(r"K[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")
TRACKING_NUMBER = re.compile(r"GD\d{12,14}")


def _check(reference: str) -> str:
    value = zlib.crc32(PREFIX.encode("ascii") + reference.encode("ascii")) % (len(_ALPHABET) ** 2)
    return _ALPHABET[value // len(_ALPHABET)] + _ALPHABET[value % len(_ALPHABET)]


def encode_slip_code(reference: str) -> str:
    """The QR payload for a work order's kiosk reference; ``ValueError`` if ``reference`` is not one."""
    if not REFERENCE.fullmatch(reference):
        raise ValueError("not a kiosk reference")
    return f"{PREFIX}:{reference}:{_check(reference)}"


def decode_slip_code(text: str) -> str:
    """The reference inside a scanned slip code; ``ValueError`` for anything else.

    Whitespace and letter case are ignored (a keyboard-wedge scanner adds Enter, and inverts case under
    Caps Lock).
    """
    parts = text.strip().upper().split(":")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise ValueError("not a work-order slip code")
    _, reference, check = parts
    if not REFERENCE.fullmatch(reference) or check != _check(reference):
        raise ValueError("the slip code is damaged")
    return reference


def typed_number(text: str) -> str:
    """A typed tracking number (GD…) or slip reference (K…-…-…), normalised; ``ValueError`` otherwise."""
    compact = "".join(text.split()).upper()
    if TRACKING_NUMBER.fullmatch(compact) or REFERENCE.fullmatch(compact):
        return compact
    if len(compact) == 13 and compact.startswith("K") and "-" not in compact:
        dashed = f"{compact[:5]}-{compact[5:9]}-{compact[9:]}"
        if REFERENCE.fullmatch(dashed):
            return dashed
    raise ValueError("neither a tracking number nor a slip reference")
