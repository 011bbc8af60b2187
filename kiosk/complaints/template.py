"""Complaint templates: one TOML file per case type under ``assets/templates/complaints``.

A template is data, not code, so a court can add a case type or reword a question without a release.
Visitor-facing texts (name, prompts, options, help) are per-language tables (``zh_CN`` required, ``en``
and ``ko`` expected); the text that ends up in the complaint (claims, facts, evidence purposes) is
Chinese only, because the complaint is filed with a Chinese court.

Loading checks everything a template's author can get wrong before a visitor meets it: unknown question
ids in conditions and placeholders, conditions on later questions, option values that do not exist,
claim-amount formulas over non-amount questions.
"""

from __future__ import annotations

import string
import tomllib
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kiosk.court.contract.filings import CaseType
from kiosk.domain.fees import KINDS
from kiosk.paths import ASSETS_DIR

TEMPLATES_DIR = ASSETS_DIR / "templates" / "complaints"
SOURCE_LANGUAGE = "zh_CN"
BUILT_IN_PLACEHOLDERS = frozenset({"claim_amount", "plaintiffs", "defendants"})
"""Placeholders the composer fills from the filing rather than from an answer."""

TEXT_LIMIT = 2000
"""Longest text answer: the court contract carries each answer in at most 2,000 characters."""


class QuestionKind(StrEnum):
    """How an answer is entered and checked."""

    TEXT = "text"
    AMOUNT = "amount"
    DATE = "date"
    YES_NO = "yes_no"
    CHOICE = "choice"
    NUMBER = "number"


class _Model(BaseModel):
    """Validators are built when the first template is loaded (a filing), not when the kiosk starts."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class LocalText(_Model):
    """One text in several languages; a missing language falls back to zh_CN."""

    zh_CN: Annotated[str, Field(min_length=1)]
    en: str | None = None
    ko: str | None = None

    def get(self, language: str) -> str:
        """The text in ``language``, or the zh_CN text when that language is missing."""
        return getattr(self, language, None) or self.zh_CN

    def languages(self) -> set[str]:
        """The languages this text is written in."""
        return {name for name in ("zh_CN", "en", "ko") if getattr(self, name)}


ConditionValue = bool | str | list[str]
"""A yes/no answer, one choice value, or a list of choice values any of which satisfies."""


class Option(_Model):
    """One answer of a choice question: a stable value and its label."""

    value: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    text: LocalText
    document: str | None = None
    """How the answer reads in the complaint; the zh_CN label when absent."""

    def in_document(self) -> str:
        """The Chinese wording of this option inside the complaint."""
        return self.document or self.text.zh_CN


class Question(_Model):
    """One guided question and the rules its answer must meet."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    kind: QuestionKind
    prompt: LocalText
    help: LocalText | None = None
    required: bool = True
    when: dict[str, ConditionValue] = {}
    """Asked only if every named earlier answer has the given value (or one of the listed values)."""
    options: list[Option] = []
    min: Decimal | None = None
    max: Decimal | None = None
    integer: bool = False
    min_length: Annotated[int, Field(ge=0)] = 1
    max_length: Annotated[int, Field(ge=1, le=TEXT_LIMIT)] = 500
    multiline: bool = False
    allow_future: bool = False
    not_before: str | None = None
    """For a date: the id of an earlier date question this date may not precede."""
    earliest: date | None = None
    not_above: str | None = None
    """For an amount: the id of an earlier amount question this amount may not exceed."""
    must_be: bool | None = None
    """For yes/no: the only answer with which the court can take the case (e.g. arbitration done first)."""
    refusal: LocalText | None = None
    """Why ``must_be`` is required, told to the visitor who answers otherwise."""

    @model_validator(mode="after")
    def _rules_fit_kind(self) -> Self:
        if self.kind is QuestionKind.CHOICE:
            values = [option.value for option in self.options]
            if len(values) < 2 or len(set(values)) != len(values):
                raise ValueError(f"{self.id}: a choice needs at least two distinct option values")
        elif self.options:
            raise ValueError(f"{self.id}: only a choice question has options")
        if (self.min is not None or self.max is not None) and self.kind not in (QuestionKind.AMOUNT, QuestionKind.NUMBER):
            raise ValueError(f"{self.id}: min and max apply to amounts and numbers")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"{self.id}: min is above max")
        if (self.not_before or self.earliest or self.allow_future) and self.kind is not QuestionKind.DATE:
            raise ValueError(f"{self.id}: date rules on a {self.kind} question")
        if self.not_above and self.kind is not QuestionKind.AMOUNT:
            raise ValueError(f"{self.id}: not_above applies to amounts")
        if (self.must_be is not None or self.refusal) and self.kind is not QuestionKind.YES_NO:
            raise ValueError(f"{self.id}: must_be applies to yes/no questions")
        if (self.must_be is None) != (self.refusal is None):
            raise ValueError(f"{self.id}: must_be and refusal go together")
        if self.min_length > self.max_length:
            raise ValueError(f"{self.id}: min_length is above max_length")
        return self

    def option(self, value: str) -> Option | None:
        """The option with ``value``, if this question offers it."""
        return next((option for option in self.options if option.value == value), None)


class Clause(_Model):
    """A piece of complaint text, included when its condition holds and its placeholders are answered."""

    text: Annotated[str, Field(min_length=1)]
    when: dict[str, ConditionValue] = {}
    paragraph: bool = False
    """For facts: this sentence starts a new paragraph."""


class EvidenceSlot(_Model):
    """Evidence the visitor is asked to bring and scan, listed in the complaint."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    name: LocalText
    source: str = "原告提供"
    purpose: Annotated[str, Field(min_length=1)]
    when: dict[str, ConditionValue] = {}


class CaseTemplate(_Model):
    """A case type: its cause of action, its questions and how the answers become a complaint."""

    case_type: CaseType
    name: LocalText
    cause: LocalText
    """The cause of action (案由) as printed, e.g. 民间借贷纠纷."""
    element_style: bool = True
    fee_kind: str
    claim_amount: list[str] = []
    """Ids of amount questions whose sum is the amount claimed (and the basis of the fee)."""
    questions: Annotated[list[Question], Field(min_length=1)]
    claims: Annotated[list[Clause], Field(min_length=1)]
    facts: Annotated[list[Clause], Field(min_length=1)]
    evidence: list[EvidenceSlot] = []

    @field_validator("fee_kind")
    @classmethod
    def _known_fee_kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"unknown fee kind {value!r}")
        return value

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        by_id: dict[str, Question] = {}
        for question in self.questions:
            if question.id in by_id:
                raise ValueError(f"question id {question.id} is used twice")
            if question.id in BUILT_IN_PLACEHOLDERS:
                raise ValueError(f"question id {question.id} is reserved")
            _check_condition(question.when, by_id, question.id)
            if question.not_before is not None:
                earlier = by_id.get(question.not_before)
                if earlier is None or earlier.kind is not QuestionKind.DATE:
                    raise ValueError(f"{question.id}: not_before names no earlier date question")
            if question.not_above is not None:
                earlier = by_id.get(question.not_above)
                if earlier is None or earlier.kind is not QuestionKind.AMOUNT:
                    raise ValueError(f"{question.id}: not_above names no earlier amount question")
            by_id[question.id] = question
        for amount_id in self.claim_amount:
            if amount_id not in by_id or by_id[amount_id].kind is not QuestionKind.AMOUNT:
                raise ValueError(f"claim_amount names {amount_id!r}, which is not an amount question")
        for clause in [*self.claims, *self.facts]:
            _check_condition(clause.when, by_id, "a clause")
            for name in placeholders(clause.text):
                if name not in by_id and name not in BUILT_IN_PLACEHOLDERS:
                    raise ValueError(f"placeholder {{{name}}} names no question")
        for slot in self.evidence:
            _check_condition(slot.when, by_id, slot.id)
        return self

    def question(self, question_id: str) -> Question:
        """The question with ``question_id``; ``KeyError`` if there is none."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


def placeholders(text: str) -> list[str]:
    """The ``{name}`` or ``{name:spec}`` fields of a clause, in order."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def _check_condition(when: dict[str, ConditionValue], earlier: dict[str, Question], owner: str) -> None:
    for question_id, expected in when.items():
        question = earlier.get(question_id)
        if question is None:
            raise ValueError(f"{owner}: the condition names {question_id!r}, which is not an earlier question")
        if question.kind is QuestionKind.YES_NO:
            if not isinstance(expected, bool):
                raise ValueError(f"{owner}: {question_id} is yes/no, the condition must be true or false")
        elif question.kind is QuestionKind.CHOICE:
            values = [expected] if isinstance(expected, str) else expected
            if not isinstance(values, list) or any(question.option(value) is None for value in values):
                raise ValueError(f"{owner}: the condition on {question_id} names an option it does not have")
        else:
            raise ValueError(f"{owner}: conditions may test yes/no and choice questions only")


def load_template(path: Path) -> CaseTemplate:
    """Read and check one template file; ``ValueError`` names the file and what is wrong."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        return CaseTemplate.model_validate(data)
    except (tomllib.TOMLDecodeError, ValueError) as error:
        raise ValueError(f"complaint template {path.name}: {error}") from error


@cache
def templates(directory: Path = TEMPLATES_DIR) -> dict[str, CaseTemplate]:
    """Every template in ``directory`` by case type, in file-name order."""
    loaded: dict[str, CaseTemplate] = {}
    for path in sorted(directory.glob("*.toml")):
        template = load_template(path)
        if template.case_type in loaded:
            raise ValueError(f"complaint template {path.name}: case type {template.case_type} is defined twice")
        loaded[template.case_type] = template
    return loaded


def template_for(case_type: str) -> CaseTemplate:
    """The template of ``case_type``; ``KeyError`` when none is installed."""
    return templates()[case_type]

