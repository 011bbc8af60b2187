"""The GA 467 reader protocol as data plus small pure functions over bytes.

Frame layout (both directions)::

    AA AA AA 96 69 | Len1 Len2 | body | CHK

``Len`` is big-endian and counts the body plus CHK; CHK is the XOR of the length bytes and the body.
A request body is ``CMD PARA [data]``, a response body ``SW1 SW2 SW3 [data]``. Nothing here does
I/O, so the serial driver, the emulator and the tests share one codec.
"""

from __future__ import annotations

import enum
import operator
from dataclasses import dataclass
from functools import reduce
from types import MappingProxyType

from drivers.base import ResidentCard
from drivers.idcard.errors import (
    BadCheck,
    BadLength,
    BadPayload,
    BadPreamble,
    CardUnreadable,
    FrameError,
    MalformedTextBlock,
    NoCard,
    ReaderFault,
    ReaderStatusError,
    RequestRejected,
    Truncated,
    UnknownStatus,
    UnsupportedCardType,
)
from drivers.idcard.text_block import decode_card_payload, encode_card_payload, is_card_payload

__all__ = [
    "BadCheck",
    "BadLength",
    "BadPayload",
    "BadPreamble",
    "CardUnreadable",
    "Command",
    "FrameError",
    "FrameSplitter",
    "MalformedTextBlock",
    "NoCard",
    "ReaderFault",
    "ReaderStatusError",
    "Request",
    "RequestRejected",
    "Response",
    "STATUS_TABLE",
    "StatusCode",
    "Sw3",
    "Truncated",
    "UnknownStatus",
    "UnsupportedCardType",
    "decode_request",
    "decode_response",
    "encode_card_response",
    "encode_frame",
    "encode_request",
    "encode_response",
    "format_sam_id",
]

PREAMBLE = bytes.fromhex("AAAAAA9669")
HEADER_SIZE = len(PREAMBLE) + 2
#: The smallest length field: a request's CMD PARA CHK.
MIN_LENGTH = 3
STATUS_SIZE = 3
#: Larger than any real frame (text + photo + fingerprint is 0x090A); the splitter resyncs past more.
MAX_LENGTH = 0x1000


class Command(enum.Enum):
    """Request codes as (CMD, PARA)."""

    SAM_STATUS = (0x11, 0xFF)
    SAM_ID = (0x12, 0xFF)
    FIND_CARD = (0x20, 0x01)
    SELECT_CARD = (0x20, 0x02)
    READ_TEXT_PHOTO = (0x30, 0x01)
    READ_APPENDED_ADDRESS = (0x30, 0x03)

    @property
    def cmd(self) -> int:
        """The CMD byte."""
        return self.value[0]

    @property
    def para(self) -> int:
        """The PARA byte."""
        return self.value[1]


class Sw3(enum.IntEnum):
    """Every SW3 status code the reader is known to send."""

    SUCCESS = 0x90
    NO_SUCH_ITEM = 0x91
    FIND_CARD_SUCCESS = 0x9F
    FRAME_CHECKSUM_ERROR = 0x10
    FRAME_LENGTH_ERROR = 0x11
    COMMAND_ERROR = 0x21
    UNAUTHORISED_OPERATION = 0x23
    UNRECOGNISED_ERROR = 0x24
    CARD_FAILED_TO_AUTHENTICATE_SAM = 0x31
    SAM_FAILED_TO_AUTHENTICATE_CARD = 0x32
    INFORMATION_VERIFICATION_ERROR = 0x33
    FINGERPRINT_VERIFICATION_ERROR = 0x37
    INFORMATION_LENGTH_ERROR = 0x3F
    UNRECOGNISED_CARD_TYPE = 0x40
    CARD_READ_FAILED = 0x41
    RANDOM_NUMBER_FAILURE = 0x47
    SAM_SELF_TEST_FAILED = 0x60
    SAM_NOT_AUTHORISED = 0x66
    FIND_CARD_FAILED = 0x80
    SELECT_CARD_FAILED = 0x81


@dataclass(frozen=True)
class StatusCode:
    """One row of the status table; ``error`` is None for the success codes."""

    sw3: Sw3
    meaning: str
    error: type[ReaderStatusError] | None


STATUS_TABLE: MappingProxyType[int, StatusCode] = MappingProxyType(
    {
        row.sw3: row
        for row in (
            StatusCode(Sw3.SUCCESS, "success", None),
            StatusCode(Sw3.FIND_CARD_SUCCESS, "card found", None),
            StatusCode(Sw3.NO_SUCH_ITEM, "no such item on the card", CardUnreadable),
            StatusCode(Sw3.FRAME_CHECKSUM_ERROR, "checksum error in the host's frame", RequestRejected),
            StatusCode(Sw3.FRAME_LENGTH_ERROR, "length error in the host's frame", RequestRejected),
            StatusCode(Sw3.COMMAND_ERROR, "command error", RequestRejected),
            StatusCode(Sw3.UNAUTHORISED_OPERATION, "unauthorised operation", ReaderFault),
            StatusCode(Sw3.UNRECOGNISED_ERROR, "unrecognised error", ReaderFault),
            StatusCode(Sw3.CARD_FAILED_TO_AUTHENTICATE_SAM, "card failed to authenticate the SAM", CardUnreadable),
            StatusCode(Sw3.SAM_FAILED_TO_AUTHENTICATE_CARD, "SAM failed to authenticate the card", CardUnreadable),
            StatusCode(Sw3.INFORMATION_VERIFICATION_ERROR, "information verification error", CardUnreadable),
            StatusCode(Sw3.FINGERPRINT_VERIFICATION_ERROR, "fingerprint verification error", CardUnreadable),
            StatusCode(Sw3.INFORMATION_LENGTH_ERROR, "information length error", CardUnreadable),
            StatusCode(Sw3.UNRECOGNISED_CARD_TYPE, "unrecognised card type", CardUnreadable),
            StatusCode(Sw3.CARD_READ_FAILED, "card read failed", CardUnreadable),
            StatusCode(Sw3.RANDOM_NUMBER_FAILURE, "random-number failure", CardUnreadable),
            StatusCode(Sw3.SAM_SELF_TEST_FAILED, "SAM self-test failed", ReaderFault),
            StatusCode(Sw3.SAM_NOT_AUTHORISED, "SAM not authorised", ReaderFault),
            StatusCode(Sw3.FIND_CARD_FAILED, "no card found", NoCard),
            StatusCode(Sw3.SELECT_CARD_FAILED, "select card failed", CardUnreadable),
        )
    }
)


@dataclass(frozen=True)
class Request:
    """A decoded request; ``command`` is None for a (CMD, PARA) pair the table does not know."""

    cmd: int
    para: int
    data: bytes
    command: Command | None


@dataclass(frozen=True)
class Response:
    """A successful response other than a card read: its status and raw payload."""

    sw3: Sw3
    payload: bytes


def checksum(data: bytes) -> int:
    """XOR of all bytes: the protocol's check over the length field and the body."""
    return reduce(operator.xor, data, 0)


def encode_frame(body: bytes) -> bytes:
    """Wrap a body in preamble, length and check byte."""
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([checksum(length + body)])


def encode_request(command: Command, data: bytes = b"") -> bytes:
    """The request frame for ``command`` (every documented request but one has no data)."""
    return encode_frame(bytes([command.cmd, command.para]) + data)


def encode_response(sw3: int, payload: bytes = b"", *, sw1: int = 0, sw2: int = 0) -> bytes:
    """A response frame as the reader sends it."""
    return encode_frame(bytes([sw1, sw2, sw3]) + payload)


def encode_card_response(card: ResidentCard) -> bytes:
    """The reader's answer to READ_TEXT_PHOTO for ``card``."""
    return encode_response(Sw3.SUCCESS, encode_card_payload(card))


def unframe(frame: bytes) -> bytes:
    """Check preamble, length and check byte of one whole frame; return its body."""
    frame = bytes(frame)
    if frame[: len(PREAMBLE)] != PREAMBLE[: min(len(frame), len(PREAMBLE))]:
        raise BadPreamble("frame does not start with AA AA AA 96 69")
    if len(frame) < HEADER_SIZE:
        raise Truncated(f"{len(frame)} bytes is shorter than the {HEADER_SIZE}-byte header")
    length = int.from_bytes(frame[len(PREAMBLE) : HEADER_SIZE], "big")
    if length < MIN_LENGTH:
        raise BadLength(f"length field {length} is below the minimum {MIN_LENGTH}")
    following = len(frame) - HEADER_SIZE
    if following < length:
        raise Truncated(f"length field promises {length} bytes but only {following} follow")
    if following > length:
        raise BadLength(f"length field says {length} bytes but {following} follow")
    expected = checksum(frame[len(PREAMBLE) : -1])
    if frame[-1] != expected:
        raise BadCheck(f"check byte is {frame[-1]:02X}, content gives {expected:02X}")
    return frame[HEADER_SIZE:-1]


def decode_request(frame: bytes) -> Request:
    """Decode a host request (the emulator's side of the line)."""
    body = unframe(frame)
    cmd, para, data = body[0], body[1], body[2:]
    known = next((c for c in Command if c.value == (cmd, para)), None)
    return Request(cmd=cmd, para=para, data=data, command=known)


def _raise_for_status(sw1: int, sw2: int, sw3: int) -> Sw3:
    row = STATUS_TABLE.get(sw3)
    if row is None or sw1 or sw2:
        name = row.sw3.name if row else "UNKNOWN"
        raise UnknownStatus(sw1, sw2, sw3, name, "status not in the GA 467 table")
    if row.error is not None:
        raise row.error(sw1, sw2, sw3, row.sw3.name, row.meaning)
    return row.sw3


def decode_response(frame: bytes, command: Command | None = None) -> ResidentCard | Response:
    """Decode one response frame, or raise the :class:`FrameError` subclass that says what is wrong.

    A text-and-photo read returns the validated :class:`ResidentCard`; anything else returns a
    :class:`Response`. Without ``command`` a card read is recognised by its payload header.
    """
    body = unframe(frame)
    if len(body) < STATUS_SIZE:
        raise BadLength(f"a response needs {STATUS_SIZE} status bytes, this one has {len(body)}")
    sw3 = _raise_for_status(body[0], body[1], body[2])
    payload = body[STATUS_SIZE:]
    if command is Command.READ_TEXT_PHOTO or (command is None and is_card_payload(sw3, payload)):
        return decode_card_payload(payload)
    return Response(sw3=sw3, payload=payload)


def format_sam_id(payload: bytes) -> str:
    """The SAM's identity (``05.01-20101028-0012345678-1234567890``) from a SAM_ID payload."""
    if len(payload) != 16:
        raise BadPayload(f"a SAM ID has 16 bytes, not {len(payload)}")
    words = [int.from_bytes(payload[i : i + 2], "little") for i in (0, 2)]
    longs = [int.from_bytes(payload[i : i + 4], "little") for i in (4, 8, 12)]
    return f"{words[0]:02d}.{words[1]:02d}-{longs[0]:08d}-{longs[1]:010d}-{longs[2]:010d}"


class FrameSplitter:
    """Cuts whole frames out of a byte stream, skipping whatever lies between them.

    It checks only the preamble and a plausible length; :func:`decode_response` judges the rest,
    so a corrupted frame still surfaces as a typed error instead of silence.
    """

    def __init__(self, max_length: int = MAX_LENGTH) -> None:
        self._buffer = bytearray()
        self._max_length = max_length
        #: Bytes discarded as garbage since construction, for diagnostics.
        self.skipped = 0

    def feed(self, data: bytes) -> list[bytes]:
        """Add received bytes; return the frames now complete, in order."""
        self._buffer += data
        frames: list[bytes] = []
        while True:
            start = self._buffer.find(PREAMBLE)
            if start < 0:
                self._drop(len(self._buffer) - self._partial_preamble_tail())
                return frames
            self._drop(start)
            if len(self._buffer) < HEADER_SIZE:
                return frames
            length = int.from_bytes(self._buffer[len(PREAMBLE) : HEADER_SIZE], "big")
            if not MIN_LENGTH <= length <= self._max_length:
                self._drop(1)  # a false preamble: resynchronise just past it
                continue
            end = HEADER_SIZE + length
            if len(self._buffer) < end:
                return frames
            frames.append(bytes(self._buffer[:end]))
            del self._buffer[:end]

    def clear(self) -> None:
        """Forget any partial frame (before a new request, after a timeout)."""
        self._buffer.clear()

    def _drop(self, count: int) -> None:
        del self._buffer[:count]
        self.skipped += count

    def _partial_preamble_tail(self) -> int:
        # The stream may end in the first bytes of a preamble whose rest has not arrived yet.
        for size in range(min(len(PREAMBLE) - 1, len(self._buffer)), 0, -1):
            if self._buffer[-size:] == PREAMBLE[:size]:
                return size
        return 0
