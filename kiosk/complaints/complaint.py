"""The complaint as a whole: who sues whom before which court, for what, and on what evidence.

Built from a finished interview plus the parties and court chosen earlier in the filing journey. It is
what the A4 complaint prints and what the filing submits (:meth:`Complaint.to_contract`). It holds full
ID numbers: it is the legal document, and only the receipt masks them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kiosk.complaints.answers import Value
from kiosk.complaints.compose import (
    Yuan,
    claim_amount,
    clause_values,
    compose_claims,
    compose_facts,
    evidence_slots,
)
from kiosk.complaints.interview import Interview
from kiosk.complaints.template import CaseTemplate
from kiosk.court.contract import Agent, Court, EvidenceItem, OrganisationParty, PersonParty
from kiosk.court.contract import Complaint as ContractComplaint
from kiosk.domain.fees import FeeEstimate, estimate

Party = PersonParty | OrganisationParty


@dataclass(frozen=True)
class EvidenceLine:
    """One line of the evidence list (证据和证据来源): what, from where, to prove what, how many pages."""

    name: str
    source: str
    purpose: str
    pages: int | None = None


@dataclass(frozen=True)
class Witness:
    """A witness the plaintiff names (证人姓名和住所)."""

    name: str
    address: str


class IncompleteInterview(ValueError):
    """The interview still has problems; ``problems`` says which questions."""

    def __init__(self, problems: Sequence[Exception]) -> None:
        super().__init__("the interview is not complete: " + ", ".join(str(p) for p in problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Complaint:
    """Everything the printed complaint shows, and the fee estimate for the receipt."""

    template: CaseTemplate
    court: Court
    parties: tuple[Party, ...]
    claims: tuple[str, ...]
    facts_and_reasons: str
    evidence: tuple[EvidenceLine, ...]
    filed_on: date
    claim_amount: Decimal | None
    fee: FeeEstimate
    answers: dict[str, Value] = field(default_factory=dict)
    agent: Agent | None = None
    witnesses: tuple[Witness, ...] = ()

    @property
    def case_type(self) -> str:
        """The contract's case type, e.g. ``private_lending``."""
        return self.template.case_type

    @property
    def cause(self) -> str:
        """The cause of action (案由) as printed."""
        return self.template.cause.zh_CN

    def with_role(self, role: str) -> tuple[Party, ...]:
        """The parties of one role, in the order entered."""
        return tuple(party for party in self.parties if party.role == role)

    @property
    def copies(self) -> int:
        """Copies to print: one for the court and one for each defendant (起诉状副本按被告人数提出)."""
        return len(self.with_role("defendant")) + 1

    def to_contract(self) -> ContractComplaint:
        """The complaint part of the filing submission, with the answers as text."""
        return ContractComplaint(
            claims=list(self.claims),
            facts_and_reasons=self.facts_and_reasons,
            answers={key: answer_text(value) for key, value in self.answers.items()},
        )


def answer_text(value: Value) -> str:
    """An answer as the contract carries it: ISO dates, plain decimals, true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def build_complaint(
    interview: Interview,
    parties: Sequence[Party],
    court: Court,
    *,
    filed_on: date | None = None,
    agent: Agent | None = None,
    scanned: Sequence[EvidenceItem] = (),
    witnesses: Sequence[Witness] = (),
    procedure: str = "ordinary",
    configured_fee: Decimal | None = None,
) -> Complaint:
    """The complaint of a finished interview.

    ``scanned`` evidence items (from the document camera) fill the template's evidence slot of the same
    name with their page count, or follow the slots; slots the visitor did not scan are still listed,
    since the visitor may hand the originals in at the counter. ``configured_fee`` is the province's figure for fee kinds
    with a statutory range (divorce). Raises ``IncompleteInterview`` or ``ValueError`` (no plaintiff or
    no defendant, text over the contract's limits).
    """
    problems = interview.problems()
    if problems:
        raise IncompleteInterview(problems)
    roles = {party.role for party in parties}
    if not {"plaintiff", "defendant"} <= roles:
        raise ValueError("a complaint needs at least one plaintiff and one defendant")
    template = interview.template
    answers = interview.answers
    amount = claim_amount(template, answers)
    values = clause_values(template, answers, _context(parties, amount))
    complaint = Complaint(
        template=template,
        court=court,
        parties=tuple(parties),
        claims=tuple(compose_claims(template, answers, values)),
        facts_and_reasons=compose_facts(template, answers, values),
        evidence=_evidence(template, answers, scanned),
        filed_on=filed_on or interview.today,
        claim_amount=amount,
        fee=estimate(template.fee_kind, amount, procedure, configured=configured_fee),
        answers=answers,
        agent=agent,
        witnesses=tuple(witnesses),
    )
    complaint.to_contract()
    return complaint


def _context(parties: Sequence[Party], amount: Decimal | None) -> dict[str, object]:
    context: dict[str, object] = {
        "plaintiffs": "、".join(p.name for p in parties if p.role == "plaintiff"),
        "defendants": "、".join(p.name for p in parties if p.role == "defendant"),
    }
    if amount is not None:
        context["claim_amount"] = Yuan(amount)
    return context


def _evidence(template: CaseTemplate, answers: dict[str, Value], scanned: Sequence[EvidenceItem]) -> tuple[EvidenceLine, ...]:
    unmatched = list(scanned)
    lines: list[EvidenceLine] = []
    for slot in evidence_slots(template, answers):
        item = next((item for item in unmatched if item.name == slot.name.zh_CN), None)
        if item is None:
            lines.append(EvidenceLine(slot.name.zh_CN, slot.source, slot.purpose))
            continue
        unmatched.remove(item)
        lines.append(EvidenceLine(item.name, slot.source, item.purpose or slot.purpose, item.page_count))
    lines += [EvidenceLine(item.name, "原告提供", item.purpose or "", item.page_count) for item in unmatched]
    return tuple(lines)
