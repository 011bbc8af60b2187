"""Typed errors of the GA 467 codec: every way a response can be unusable has its own class.

All derive from :class:`FrameError`, so a caller can catch one thing and still tell a garbled line
from a card that would not read. Messages name the problem and the field, never a field's value,
because they reach logs.
"""

from __future__ import annotations


class FrameError(ValueError):
    """Bytes that are not a usable GA 467 frame, or a frame that reports a failure."""


class BadPreamble(FrameError):
    """The frame does not start with ``AA AA AA 96 69``."""


class Truncated(FrameError):
    """Fewer bytes than the header or the length field promises."""


class BadLength(FrameError):
    """The length field is impossible or disagrees with the bytes that follow it."""


class BadCheck(FrameError):
    """The XOR check byte does not match the frame's content."""


class ReaderStatusError(FrameError):
    """The reader answered with a failure status (SW1 SW2 SW3).

    ``code_name`` is the SW3 code's name from the status table, or ``"UNKNOWN"``.
    """

    def __init__(self, sw1: int, sw2: int, sw3: int, code_name: str, meaning: str) -> None:
        super().__init__(f"reader status {sw1:02X} {sw2:02X} {sw3:02X}: {code_name} ({meaning})")
        self.sw1 = sw1
        self.sw2 = sw2
        self.sw3 = sw3
        self.code_name = code_name
        self.meaning = meaning


class NoCard(ReaderStatusError):
    """No card lies on the reader (find card failed)."""


class CardUnreadable(ReaderStatusError):
    """A card is there but could not be selected, authenticated or read."""


class ReaderFault(ReaderStatusError):
    """The reader's security module (SAM) is failing or not authorised: staff must act."""


class RequestRejected(ReaderStatusError):
    """The reader refused the host's frame (check, length or command error)."""


class UnknownStatus(ReaderStatusError):
    """A status the table does not know, or non-zero SW1/SW2."""


class BadPayload(FrameError):
    """The data after the status bytes does not have the shape the command calls for."""


class MalformedTextBlock(BadPayload):
    """A field of the 256-byte card text is undecodable or fails validation; ``field`` names it."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"card text field {field!r} {problem}")
        self.field = field
        self.problem = problem


class UnsupportedCardType(BadPayload):
    """The card is not a resident ID card (a permanent-residence or residence-permit card)."""
