"""The card-read payload: the 256-byte UCS-2LE text block, validated, plus the opaque photo.

Payload of READ_TEXT_PHOTO: text length (2 bytes BE, 256), photo length (2 bytes BE, 1024), the
text, the WLT photo. The text layout is data (:data:`LAYOUT`); every decoded field is checked, so a
card that decodes is one the kiosk can trust. The photo stays bytes: decoding WLT needs the vendor's
licensed library, and it is never written to disk.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from drivers.base import ResidentCard
from drivers.idcard.errors import BadPayload, MalformedTextBlock, UnsupportedCardType
from drivers.idcard.tables import NATION_CODES, NATIONS, SEX, SEX_CODES
from kiosk.domain.identity import is_valid_id_number

TEXT_SIZE = 256
PHOTO_SIZE = 1024
LENGTHS_SIZE = 4
#: Byte where other card types (permanent-residence, residence permits) put a type letter.
CARD_TYPE_OFFSET = 248
LONG_TERM = "长期"
_PADDING = " \x00"
#: A chip holds the plain form; typed-in variants (full-width digits, spaces) are not accepted.
_CHIP_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_SUCCESS = 0x90


@dataclass(frozen=True)
class Field:
    """One slot of the text block: where it is and how many bytes it takes."""

    name: str
    offset: int
    size: int


LAYOUT: tuple[Field, ...] = (
    Field("name", 0, 30),
    Field("sex", 30, 2),
    Field("nation", 32, 4),
    Field("birth_date", 36, 16),
    Field("address", 52, 70),
    Field("id_number", 122, 36),
    Field("issuing_authority", 158, 30),
    Field("valid_from", 188, 16),
    Field("valid_until", 204, 16),
)


def is_card_payload(sw3: int, payload: bytes) -> bool:
    """True when a success payload announces a 256-byte text block, as only a card read does."""
    return sw3 == _SUCCESS and len(payload) >= LENGTHS_SIZE and int.from_bytes(payload[:2], "big") == TEXT_SIZE


def decode_card_payload(payload: bytes) -> ResidentCard:
    """Split a READ_TEXT_PHOTO payload and decode its text block."""
    if len(payload) < LENGTHS_SIZE:
        raise BadPayload(f"a card payload starts with 4 length bytes, this one has {len(payload)} bytes")
    text_size = int.from_bytes(payload[0:2], "big")
    photo_size = int.from_bytes(payload[2:4], "big")
    if text_size != TEXT_SIZE:
        raise BadPayload(f"text length is {text_size}, the resident layout has {TEXT_SIZE}")
    if len(payload) != LENGTHS_SIZE + text_size + photo_size:
        raise BadPayload(
            f"payload has {len(payload)} bytes but its header announces {LENGTHS_SIZE + text_size + photo_size}"
        )
    text = payload[LENGTHS_SIZE : LENGTHS_SIZE + text_size]
    return decode_text_block(text, photo=payload[LENGTHS_SIZE + text_size :])


def encode_card_payload(card: ResidentCard) -> bytes:
    """The READ_TEXT_PHOTO payload for ``card`` (the emulator's side)."""
    return TEXT_SIZE.to_bytes(2, "big") + len(card.photo).to_bytes(2, "big") + encode_text_block(card) + card.photo


def _slots(block: bytes) -> dict[str, str]:
    slots: dict[str, str] = {}
    for field in LAYOUT:
        raw = block[field.offset : field.offset + field.size]
        try:
            slots[field.name] = raw.decode("utf-16-le").rstrip(_PADDING)
        except UnicodeDecodeError:
            raise MalformedTextBlock(field.name, "is not valid UCS-2") from None
    return slots


def _text(slots: dict[str, str], name: str) -> str:
    value = slots[name]
    if not value:
        raise MalformedTextBlock(name, "is empty")
    if not value.isprintable():
        raise MalformedTextBlock(name, "holds control characters")
    return value


def _date(slots: dict[str, str], name: str) -> date:
    value = slots[name]
    if len(value) != 8 or not (value.isascii() and value.isdigit()):
        raise MalformedTextBlock(name, "is not eight digits YYYYMMDD")
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise MalformedTextBlock(name, "is not a real calendar date") from None


def _coded(slots: dict[str, str], name: str, table: Mapping[str, str]) -> str:
    decoded = table.get(slots[name])
    if decoded is None:
        raise MalformedTextBlock(name, "holds a code outside its table")
    return decoded


def decode_text_block(block: bytes, photo: bytes = b"") -> ResidentCard:
    """Decode and validate the 256-byte text block of a resident ID card."""
    if len(block) != TEXT_SIZE:
        raise BadPayload(f"a text block has {TEXT_SIZE} bytes, not {len(block)}")
    if block[CARD_TYPE_OFFSET] not in b" \x00":
        raise UnsupportedCardType(f"card-type byte is {block[CARD_TYPE_OFFSET]:02X}, not a resident ID card")
    slots = _slots(block)
    sex = _coded(slots, "sex", SEX)
    nation = _coded(slots, "nation", NATIONS)
    birth_date = _date(slots, "birth_date")
    id_number = slots["id_number"].upper()
    if not (_CHIP_ID_SHAPE.fullmatch(id_number) and is_valid_id_number(id_number)):
        raise MalformedTextBlock("id_number", "is not a valid GB 11643 number")
    valid_from = _date(slots, "valid_from")
    valid_until = None if slots["valid_until"] == LONG_TERM else _date(slots, "valid_until")
    if valid_until is not None and valid_until <= valid_from:
        raise MalformedTextBlock("valid_until", "is not after valid_from")
    return ResidentCard(
        name=_text(slots, "name"),
        sex=sex,
        nation=nation,
        birth_date=birth_date,
        address=_text(slots, "address"),
        id_number=id_number,
        issuing_authority=_text(slots, "issuing_authority"),
        valid_from=valid_from,
        valid_until=valid_until,
        photo=bytes(photo),
    )


def _slot(field: Field, value: str) -> bytes:
    raw = value.encode("utf-16-le")
    if len(raw) > field.size:
        raise ValueError(f"{field.name} needs {len(raw)} bytes, its slot has {field.size}")
    return raw + " ".encode("utf-16-le") * ((field.size - len(raw)) // 2)


def encode_text_block(card: ResidentCard) -> bytes:
    """The 256-byte text block for ``card``, space-padded as cards are."""
    values = {
        "name": card.name,
        "sex": SEX_CODES[card.sex],
        "nation": NATION_CODES[card.nation],
        "birth_date": card.birth_date.strftime("%Y%m%d"),
        "address": card.address,
        "id_number": card.id_number,
        "issuing_authority": card.issuing_authority,
        "valid_from": card.valid_from.strftime("%Y%m%d"),
        "valid_until": LONG_TERM if card.valid_until is None else card.valid_until.strftime("%Y%m%d"),
    }
    block = b"".join(_slot(field, values[field.name]) for field in LAYOUT)
    return block + " ".encode("utf-16-le") * ((TEXT_SIZE - len(block)) // 2)
