"""Models of the special-purpose pads: amounts, phone numbers, ID numbers and case numbers.

Each pad refuses keys that can never be right where they are pressed (a third decimal, an X before
the last place of an ID number) and reports, after every key, whether the text is still being
typed, complete and valid, or wrong, with a message key the screen translates and voice mode reads.
Rules of the domain (check digit, case-number shape) stay in :mod:`kiosk.domain`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from kiosk.domain import case_number, identity
from kiosk.textinput.layouts import CASE_SUFFIXES, Action

BACKSPACE = Action.BACKSPACE.value
CLEAR = Action.CLEAR.value


class Status(StrEnum):
    """Where the text stands; values are translation-key suffixes."""

    EMPTY = "empty"
    TYPING = "typing"
    VALID = "valid"
    INVALID = "invalid"


@dataclass
class Pad(ABC):
    """Text built key by key; subclasses decide which keys fit and what the text means."""

    chunks: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """What the field shows."""
        return "".join(self.chunks)

    def press(self, key: str) -> bool:
        """Applies a key (its value, :data:`BACKSPACE` or :data:`CLEAR`); False if refused."""
        if key == BACKSPACE:
            if not self.chunks:
                return False
            self.chunks.pop()
            return True
        if key == CLEAR:
            self.chunks.clear()
            return True
        chunk = self._accept(key)
        if chunk is None:
            return False
        self.chunks.append(chunk)
        return True

    def type(self, keys: str) -> str:
        """Presses each character in turn (for tests and pasted text); returns the text."""
        for key in keys:
            self.press(key)
        return self.text

    @property
    def status(self) -> Status:
        """Empty, still being typed, complete and valid, or wrong."""
        return Status.EMPTY if not self.chunks else self._status()

    @property
    def problem(self) -> str | None:
        """A message key saying what is wrong, when the status is invalid."""
        return None

    @abstractmethod
    def _accept(self, key: str) -> str | None:
        """The text a key adds here, or None to refuse it."""

    @abstractmethod
    def _status(self) -> Status:
        """The status of a non-empty text."""


@dataclass
class AmountPad(Pad):
    """Yuan with at most two decimals (fen), as a claim amount or a payment."""

    max_integer_digits: int = 12

    def _accept(self, key: str) -> str | None:
        text = self.text
        integer, dot, decimals = text.partition(".")
        if key == ".":
            if dot:
                return None
            return "0." if not text else "."
        if not key.isdigit() or not key.isascii() or len(key) != 1:
            return None
        if dot:
            return key if len(decimals) < 2 else None
        if integer == "0":
            return None
        return key if len(integer) < self.max_integer_digits else None

    def value(self) -> Decimal | None:
        """The amount, once it is a number."""
        text = self.text.rstrip(".")
        return Decimal(text) if text else None

    def _status(self) -> Status:
        if self.text.endswith("."):
            return Status.TYPING
        amount = self.value()
        return Status.VALID if amount is not None and amount > 0 else Status.INVALID

    @property
    def problem(self) -> str | None:
        return "pad.amount.zero" if self.status is Status.INVALID else None


@dataclass
class PhonePad(Pad):
    """A mainland mobile number (11 digits from 1) or a landline (with or without area code)."""

    def _accept(self, key: str) -> str | None:
        if len(key) != 1 or not key.isascii() or not key.isdigit():
            return None
        return key if len(self.text) < self._longest(self.text + key) else None

    @staticmethod
    def _longest(text: str) -> int:
        if text.startswith("1"):
            return 11
        return 12 if text.startswith("0") else 8

    def _status(self) -> Status:
        text = self.text
        if text.startswith("1"):
            if len(text) > 1 and text[1] in "012":
                return Status.INVALID
            return Status.VALID if len(text) == 11 else Status.TYPING
        shortest = 10 if text.startswith("0") else 7
        return Status.VALID if len(text) >= shortest else Status.TYPING

    @property
    def problem(self) -> str | None:
        return "pad.phone.mobile_prefix" if self.status is Status.INVALID else None


ID_LENGTH = 18


@dataclass
class IdNumberPad(Pad):
    """A resident ID number: 17 digits and a check character (digit or X), checked as typed."""

    def _accept(self, key: str) -> str | None:
        position = len(self.text)
        if position >= ID_LENGTH or len(key) != 1:
            return None
        if key in "xX":
            return "X" if position == ID_LENGTH - 1 else None
        return key if key.isascii() and key.isdigit() else None

    def _status(self) -> Status:
        text = self.text
        if _impossible_birth_prefix(text[6:14]):
            return Status.INVALID
        if len(text) < ID_LENGTH:
            return Status.TYPING
        return Status.VALID if identity.is_valid_id_number(text) else Status.INVALID

    @property
    def problem(self) -> str | None:
        if self.status is not Status.INVALID:
            return None
        if _impossible_birth_prefix(self.text[6:14]):
            return f"pad.id.{identity.IdProblem.BIRTH_DATE}"
        try:
            identity.check_id_number(self.text)
        except identity.InvalidIdNumber as error:
            return f"pad.id.{error.problem}"
        return None


def _impossible_birth_prefix(digits: str) -> bool:
    """Whether the birth-date digits typed so far (YYYYMMDD) can no longer be a date.

    The full check (real calendar date, not in the future) is the domain's, once all is typed.
    """
    allowed = [
        "12",
        {"1": "9", "2": "0"}.get(digits[:1], ""),
        "0123456789",
        "0123456789",
        "01",
        "123456789" if digits[4:5] == "0" else "012",
        "0123",
        {"0": "123456789", "3": "01"}.get(digits[6:7], "0123456789"),
    ]
    return any(digit not in allowed[place] for place, digit in enumerate(digits[:8]))


@dataclass
class CaseNumberPad(Pad):
    """A case number built from whole parts: （2024）, 京, 0105, 民初, 123, 号."""

    def _accept(self, key: str) -> str | None:
        text = self.text
        if key in CASE_SUFFIXES:
            return key if text.endswith("号") else None
        return key if key and "号" not in text else None

    def _status(self) -> Status:
        text = self.text
        if not (text.endswith("号") or text.endswith(CASE_SUFFIXES)):
            return Status.TYPING
        return Status.INVALID if self.problem else Status.VALID

    @property
    def problem(self) -> str | None:
        text = self.text
        if not (text.endswith("号") or text.endswith(CASE_SUFFIXES)):
            return None
        try:
            case_number.parse(text)
        except ValueError:
            return "pad.case_number.shape"
        return None
