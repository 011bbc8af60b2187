"""Checking one answer against its question: parse what the visitor entered, or say why not.

Each refusal carries a reason (a translation-key suffix under ``complaints.answer.``) and parameters, so
the screen and the voice can tell the visitor what to change. Text must print: the complaint is set in a
GB character set font, so emoji and other characters it lacks are refused here rather than printed as
empty boxes (``kiosk.documents.charset``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from kiosk.complaints.template import TEXT_LIMIT, LocalText, Question, QuestionKind
from kiosk.documents.charset import unprintable
from kiosk.domain.money import FEN, to_decimal

Value = str | Decimal | int | date | bool
"""A checked answer: text or choice value (str), amount (Decimal), number, date, or yes/no (bool)."""

MAX_AMOUNT = Decimal("9999999999.99")
"""The largest amount the court contract carries."""
MAX_NUMBER = Decimal(10**9)
"""Bound on numbers a template leaves open, so a typed 1e30 cannot reach the document."""
EARLIEST_DATE = date(1950, 1, 1)

_YES = frozenset({"yes", "y", "true", "1", "是", "有", "예"})
_NO = frozenset({"no", "n", "false", "0", "否", "无", "没有", "아니요"})
_DATE_FORMS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


class AnswerProblem(StrEnum):
    """Why an answer was refused (values are translation-key suffixes)."""

    REQUIRED = "required"
    NOT_ASKED = "not_asked"
    NOT_AN_AMOUNT = "not_an_amount"
    AMOUNT_TOO_SMALL = "amount_too_small"
    AMOUNT_TOO_LARGE = "amount_too_large"
    AMOUNT_ABOVE_OTHER = "amount_above_other"
    TOO_MANY_DECIMALS = "too_many_decimals"
    NOT_A_NUMBER = "not_a_number"
    NOT_A_WHOLE_NUMBER = "not_a_whole_number"
    NUMBER_TOO_SMALL = "number_too_small"
    NUMBER_TOO_LARGE = "number_too_large"
    NOT_A_DATE = "not_a_date"
    DATE_IN_FUTURE = "date_in_future"
    DATE_TOO_EARLY = "date_too_early"
    DATE_BEFORE_OTHER = "date_before_other"
    NOT_YES_NO = "not_yes_no"
    NOT_AN_OPTION = "not_an_option"
    REFUSED = "refused"
    NOT_TEXT = "not_text"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    CONTROL_CHARACTERS = "control_characters"
    UNPRINTABLE_CHARACTERS = "unprintable_characters"


class InvalidAnswer(ValueError):
    """An answer the question cannot take; ``key`` and ``params`` tell the visitor why."""

    def __init__(
        self,
        question_id: str,
        problem: AnswerProblem,
        params: Mapping[str, Any] | None = None,
        explanation: LocalText | None = None,
    ) -> None:
        super().__init__(f"{question_id}: {problem.value}")
        self.question_id = question_id
        self.problem = problem
        self.params = dict(params or {})
        self.explanation = explanation

    @property
    def key(self) -> str:
        """The translation key of the reason, e.g. ``complaints.answer.date_in_future``."""
        return f"complaints.answer.{self.problem.value}"


def check_answer(question: Question, raw: object, *, today: date, answers: Mapping[str, Value]) -> Value:
    """The answer as its typed value, or ``InvalidAnswer``.

    ``answers`` are the earlier answers, for rules that compare with them (a repayment date not before
    the loan date). Screens pass strings as typed; typed values (a ``date`` from a date picker) pass too.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise InvalidAnswer(question.id, AnswerProblem.REQUIRED)
    checker = _CHECKERS[question.kind]
    return checker(question, raw, today, answers)


def clean_text(question_id: str, raw: object, *, max_length: int = TEXT_LIMIT, min_length: int = 1, multiline: bool = False) -> str:
    """Text as it will print: NFC, trimmed, one kind of line break; refused with a reason otherwise."""
    if not isinstance(raw, str):
        raise InvalidAnswer(question_id, AnswerProblem.NOT_TEXT)
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")).strip()
    if not multiline:
        text = " ".join(text.split("\n"))
    if len(text) > max_length:
        raise InvalidAnswer(question_id, AnswerProblem.TOO_LONG, {"max": max_length, "length": len(text)})
    if len(text) < min_length:
        raise InvalidAnswer(question_id, AnswerProblem.TOO_SHORT, {"min": min_length})
    control = sorted({f"U+{ord(c):04X}" for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co")})
    if control:
        raise InvalidAnswer(question_id, AnswerProblem.CONTROL_CHARACTERS, {"characters": " ".join(control)})
    missing = unprintable(text)
    if missing:
        raise InvalidAnswer(question_id, AnswerProblem.UNPRINTABLE_CHARACTERS, {"characters": missing})
    return text


def _text(question: Question, raw: object, today: date, answers: Mapping[str, Value]) -> Value:
    return clean_text(
        question.id, raw, max_length=question.max_length, min_length=question.min_length, multiline=question.multiline
    )


def _number_text(raw: object) -> str | Decimal | int:
    if isinstance(raw, bool) or not isinstance(raw, str | Decimal | int):
        raise ValueError("not a number")
    return unicodedata.normalize("NFKC", raw).strip() if isinstance(raw, str) else raw


def _amount(question: Question, raw: object, today: date, answers: Mapping[str, Value]) -> Value:
    try:
        amount = to_decimal(_number_text(raw))
    except ValueError:
        raise InvalidAnswer(question.id, AnswerProblem.NOT_AN_AMOUNT) from None
    low = question.min if question.min is not None else FEN
    high = min(question.max, MAX_AMOUNT) if question.max is not None else MAX_AMOUNT
    if amount < low:
        raise InvalidAnswer(question.id, AnswerProblem.AMOUNT_TOO_SMALL, {"min": low})
    if amount > high:
        raise InvalidAnswer(question.id, AnswerProblem.AMOUNT_TOO_LARGE, {"max": high})
    if amount != amount.quantize(FEN):
        raise InvalidAnswer(question.id, AnswerProblem.TOO_MANY_DECIMALS)
    other = answers.get(question.not_above) if question.not_above else None
    if isinstance(other, Decimal) and amount > other:
        raise InvalidAnswer(question.id, AnswerProblem.AMOUNT_ABOVE_OTHER, {"other": question.not_above, "amount": other})
    return amount.quantize(FEN)


def _number(question: Question, raw: object, today: date, answers: Mapping[str, Value]) -> Value:
    try:
        number = to_decimal(_number_text(raw))
    except ValueError:
        raise InvalidAnswer(question.id, AnswerProblem.NOT_A_NUMBER) from None
    if question.integer and number != number.to_integral_value():
        raise InvalidAnswer(question.id, AnswerProblem.NOT_A_WHOLE_NUMBER)
    low = question.min if question.min is not None else -MAX_NUMBER
    if number < low:
        raise InvalidAnswer(question.id, AnswerProblem.NUMBER_TOO_SMALL, {"min": low})
    high = question.max if question.max is not None else MAX_NUMBER
    if number > high:
        raise InvalidAnswer(question.id, AnswerProblem.NUMBER_TOO_LARGE, {"max": high})
    if question.integer:
        return int(number)
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def parse_date(text: str) -> date:
    """A date as people type it: 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日 or 20230501."""
    text = unicodedata.normalize("NFKC", text).strip()
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            return date(*(int(part) for part in match.groups()))
    raise ValueError(f"not a date: {text!r}")


def _date(question: Question, raw: object, today: date, answers: Mapping[str, Value]) -> Value:
    try:
        day = raw if isinstance(raw, date) else parse_date(raw) if isinstance(raw, str) else None
    except ValueError:
        day = None
    if day is None:
        raise InvalidAnswer(question.id, AnswerProblem.NOT_A_DATE)
    earliest = question.earliest or EARLIEST_DATE
    if day < earliest:
        raise InvalidAnswer(question.id, AnswerProblem.DATE_TOO_EARLY, {"earliest": earliest})
    if day > today and not question.allow_future:
        raise InvalidAnswer(question.id, AnswerProblem.DATE_IN_FUTURE, {"today": today})
    other = answers.get(question.not_before) if question.not_before else None
    if isinstance(other, date) and day < other:
        raise InvalidAnswer(question.id, AnswerProblem.DATE_BEFORE_OTHER, {"other": question.not_before, "date": other})
    return day


def _yes_no(question: Question, raw: object, today: date, answers: Mapping[str, Value]) -> Value:
    if isinstance(raw, bool):
        value = raw
    elif isinstance(raw, str) and raw.strip().lower() in _YES | _NO:
        value = raw.strip().lower() in _YES
    else:
        raise InvalidAnswer(question.id, AnswerProblem.NOT_YES_NO)
    if question.must_be is not None and value is not question.must_be:
        raise InvalidAnswer(question.id, AnswerProblem.REFUSED, explanation=question.refusal)
    return value


def _choice(question: Question, raw: object, today: date, answers: Mapping[str, Value]) -> Value:
    if not isinstance(raw, str) or question.option(raw.strip()) is None:
        raise InvalidAnswer(question.id, AnswerProblem.NOT_AN_OPTION, {"options": [o.value for o in question.options]})
    return raw.strip()


_CHECKERS = {
    QuestionKind.TEXT: _text,
    QuestionKind.AMOUNT: _amount,
    QuestionKind.NUMBER: _number,
    QuestionKind.DATE: _date,
    QuestionKind.YES_NO: _yes_no,
    QuestionKind.CHOICE: _choice,
}
