"""Turning answers into complaint text: claims, facts and reasons, evidence, the amount claimed.

A clause is used when its condition holds and every placeholder in it has an answer, so an optional
question left blank drops the sentence about it instead of printing a gap. Placeholders take a format
spec: ``{principal}`` prints 50,000, ``{principal:capital}`` prints 伍万元整.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from kiosk.complaints.answers import Value
from kiosk.complaints.interview import condition_holds
from kiosk.complaints.template import CaseTemplate, Clause, EvidenceSlot, QuestionKind
from kiosk.domain.money import round_fen, to_capital


@dataclass(frozen=True)
class Yuan:
    """An amount in a clause: printed with separators, or in capitals with the ``capital`` spec."""

    amount: Decimal


def format_amount(amount: Decimal) -> str:
    """50,000 for whole yuan, 50,000.50 otherwise: how complaints write sums of money."""
    rounded = round_fen(amount)
    return f"{rounded:,.0f}" if rounded == rounded.to_integral_value() else f"{rounded:,.2f}"


def format_date(day: date) -> str:
    """2023年5月1日, as dates are written in Chinese court documents."""
    return f"{day.year}年{day.month}月{day.day}日"


class _Missing(Exception):
    """A placeholder without an answer: the clause is left out."""


class _ClauseFormatter(string.Formatter):
    def __init__(self, values: Mapping[str, Any]) -> None:
        super().__init__()
        self._values = values

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if not isinstance(key, str) or key not in self._values:
            raise _Missing(key)
        return self._values[key]

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Yuan):
            return to_capital(value.amount) if format_spec == "capital" else format_amount(value.amount)
        if isinstance(value, bool):
            return "是" if value else "否"
        if isinstance(value, date):
            return format_date(value)
        return str(value)


def clause_values(template: CaseTemplate, answers: Mapping[str, Value], context: Mapping[str, Any]) -> dict[str, Any]:
    """What each placeholder stands for: answers in document form, plus the filing's own values."""
    values: dict[str, Any] = dict(context)
    for question_id, answer in answers.items():
        question = template.question(question_id)
        if question.kind is QuestionKind.AMOUNT and isinstance(answer, Decimal):
            values[question_id] = Yuan(answer)
        elif question.kind is QuestionKind.CHOICE:
            option = question.option(str(answer))
            values[question_id] = option.in_document() if option else str(answer)
        else:
            values[question_id] = answer
    return values


def render_clauses(clauses: Sequence[Clause], answers: Mapping[str, Value], values: Mapping[str, Any]) -> list[Clause]:
    """The clauses that apply, each with its text filled in."""
    formatter = _ClauseFormatter(values)
    rendered: list[Clause] = []
    for clause in clauses:
        if not condition_holds(clause.when, answers):
            continue
        try:
            text = formatter.format(clause.text)
        except _Missing:
            continue
        rendered.append(clause.model_copy(update={"text": text}))
    return rendered


def compose_claims(template: CaseTemplate, answers: Mapping[str, Value], values: Mapping[str, Any]) -> list[str]:
    """The claims (诉讼请求), unnumbered: the document numbers them."""
    return [clause.text for clause in render_clauses(template.claims, answers, values)]


def compose_facts(template: CaseTemplate, answers: Mapping[str, Value], values: Mapping[str, Any]) -> str:
    """Facts and reasons (事实与理由): sentences run on, a new line where a clause starts a paragraph."""
    paragraphs: list[str] = []
    for clause in render_clauses(template.facts, answers, values):
        if clause.paragraph or not paragraphs:
            paragraphs.append(clause.text)
        else:
            paragraphs[-1] += clause.text
    return "\n".join(paragraphs)


def evidence_slots(template: CaseTemplate, answers: Mapping[str, Value]) -> list[EvidenceSlot]:
    """The evidence the answers call for, in template order."""
    return [slot for slot in template.evidence if condition_holds(slot.when, answers)]


def claim_amount(template: CaseTemplate, answers: Mapping[str, Value]) -> Decimal | None:
    """The sum of the amount answers the template names; ``None`` when none of them is answered."""
    amounts = [answer for qid in template.claim_amount if isinstance(answer := answers.get(qid), Decimal)]
    return round_fen(sum(amounts, Decimal(0))) if amounts else None
