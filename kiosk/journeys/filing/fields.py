"""The filing's text fields (ids in ``visit.fields``) and how a typed value is checked.

Every refusal is a message key without placeholders, because a field's error is shown and spoken
from its key alone.
"""

from __future__ import annotations

import re

from kiosk.complaints import AnswerProblem, InvalidAnswer, clean_text
from kiosk.domain.identity import InvalidIdNumber, check_id_number
from kiosk.domain.organisation import InvalidCreditCode, check_credit_code

ID_NUMBER = "filing.id_number"
VISITOR_NAME = "filing.visitor_name"
AGENT_LICENCE = "filing.agent.licence"
AGENT_FIRM = "filing.agent.law_firm"
AGENT_PHONE = "filing.agent.phone"
PARTY_NAME = "filing.party.name"
PARTY_ID_NUMBER = "filing.party.id_number"
PARTY_NATION = "filing.party.nation"
PARTY_ADDRESS = "filing.party.address"
PARTY_PHONE = "filing.party.phone"
PARTY_CREDIT_CODE = "filing.party.credit_code"
PARTY_REPRESENTATIVE = "filing.party.representative"
ANSWER = "filing.answer"
EVIDENCE_NAME = "filing.evidence.name"

PERSON_FIELDS = (PARTY_NAME, PARTY_ID_NUMBER, PARTY_NATION, PARTY_ADDRESS, PARTY_PHONE)
ORGANISATION_FIELDS = (PARTY_NAME, PARTY_CREDIT_CODE, PARTY_REPRESENTATIVE, PARTY_ADDRESS, PARTY_PHONE)

_PHONE = re.compile(r"\+?[\d-]{5,20}")
_LICENCE = re.compile(r"\d{17}")
_TEXT_ERRORS = {
    AnswerProblem.REQUIRED: "filing.error.required",
    AnswerProblem.TOO_SHORT: "filing.error.required",
    AnswerProblem.TOO_LONG: "filing.error.too_long",
}


class FieldRefused(ValueError):
    """A typed value that cannot be used; ``message_key`` says why."""

    def __init__(self, message_key: str) -> None:
        super().__init__(message_key)
        self.message_key = message_key


def text(value: str, max_length: int) -> str:
    """Printable text of at most ``max_length`` characters."""
    try:
        return clean_text("field", value, max_length=max_length)
    except InvalidAnswer as problem:
        raise FieldRefused(_TEXT_ERRORS.get(problem.problem, "filing.error.unprintable")) from None


def id_number(value: str) -> str:
    """A valid resident ID number (GB 11643), normalised."""
    try:
        return check_id_number(value)
    except InvalidIdNumber as problem:
        raise FieldRefused(f"filing.error.id.{problem.problem.value}") from None


def credit_code(value: str) -> str:
    """A valid unified social credit code, without separators."""
    try:
        return check_credit_code(value)
    except InvalidCreditCode as problem:
        raise FieldRefused(f"filing.error.credit_code.{problem.problem.value}") from None


def phone(value: str, *, required: bool) -> str | None:
    """A phone number as the court contract takes it; ``None`` when optional and left empty."""
    compact = "".join(value.split())
    if not compact and not required:
        return None
    if not _PHONE.fullmatch(compact):
        raise FieldRefused("filing.error.phone")
    return compact


def licence_number(value: str) -> str:
    """A lawyer's 17-digit practising-certificate number (执业证号)."""
    compact = "".join(value.split())
    if not _LICENCE.fullmatch(compact):
        raise FieldRefused("filing.error.licence")
    return compact
