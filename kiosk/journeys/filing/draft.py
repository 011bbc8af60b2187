"""The filing being put together during a visit: everything the visitor entered, in one place.

The draft lives in the visit (``visit.journeys["filing"]["draft"]``) and is wiped with it; scanned
pages are files inside the visit's temporary directory. Nothing here is thrown away when the visitor
goes back, edits a part from the review screen or meets a court that does not answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import uuid
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal

from drivers.base import ResidentCard
from kiosk.complaints import Complaint, Interview, LocalText, Party
from kiosk.complaints.compose import claim_amount
from kiosk.court.contract import Agent, Court, new_reference, utc_now
from kiosk.court.contract.filings import FeeRelief, FilingRole
from kiosk.documents.receipt import Receipt

Role = Literal["self", "lawyer", "relative", "colleague"]
PartyKind = Literal["person", "organisation"]
ROLES: tuple[Role, ...] = ("self", "lawyer", "relative", "colleague")
PARTY_ROLES: tuple[FilingRole, ...] = ("plaintiff", "defendant", "third_party")
PARTY_KINDS: tuple[PartyKind, ...] = ("person", "organisation")
RELIEFS: tuple[FeeRelief, ...] = ("none", "deferral", "reduction", "waiver")


@dataclass(frozen=True)
class Visitor:
    """Who stands at the kiosk: read from their ID card, or typed when the reader cannot read it."""

    id_number: str
    name: str
    sex: Literal["male", "female"]
    birth_date: date
    card: ResidentCard | None = None


@dataclass(frozen=True)
class Refusal:
    """Why an answer was refused: a message key with its parameters, and the template's own explanation."""

    key: str
    params: dict[str, str]
    explanation: LocalText | None = None


@dataclass(frozen=True)
class Editing:
    """The party form's subject: a new party of ``role`` and ``kind``, or the party at ``index``."""

    role: FilingRole
    kind: PartyKind
    index: int | None = None


@dataclass
class EvidenceDraft:
    """One evidence item: its name, what it proves, and its scanned pages (files in the visit folder)."""

    name: str
    purpose: str | None = None
    pages: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Envelope:
    """Key, reference and time of a filing, fixed at the first submit so a retry is the same filing."""

    idempotency_key: uuid.UUID
    reference: str
    submitted_at: datetime

    @classmethod
    def new(cls) -> Envelope:
        """A fresh key and reference, stamped now."""
        return cls(uuid.uuid4(), new_reference(), utc_now())


@dataclass(frozen=True)
class Outcome:
    """What submitting gave: whether it waits in the outbox, the receipt, and the files to print."""

    queued: bool
    receipt: Receipt
    receipt_pdf: Path
    complaint_pdf: Path


@dataclass
class Draft:
    """The filing so far."""

    visitor: Visitor | None = None
    role: Role | None = None
    agent: Agent | None = None
    parties: list[Party] = field(default_factory=list)
    editing: Editing | None = None
    parties_error: str | None = None
    courts: list[Court] = field(default_factory=list)
    court: Court | None = None
    interview: Interview | None = None
    answer_error: Refusal | None = None
    relief: FeeRelief = "none"
    evidence: list[EvidenceDraft] = field(default_factory=list)
    item: int | None = None
    retake: int | None = None
    capture_error: str | None = None
    complaint: Complaint | None = None
    review_error: str | None = None
    reviewing: bool = False
    envelope: Envelope | None = None
    outcome: Outcome | None = None
    printed_parts: set[str] = field(default_factory=set)

    @property
    def case_type(self) -> str | None:
        """The chosen case type, once there is an interview for it."""
        return self.interview.template.case_type if self.interview else None

    def with_role(self, role: str) -> list[tuple[int, Party]]:
        """The parties of ``role`` with their positions in :attr:`parties`."""
        return [(index, party) for index, party in enumerate(self.parties) if party.role == role]

    @property
    def has_both_sides(self) -> bool:
        """At least one plaintiff and one defendant: the least a complaint needs."""
        roles = {party.role for party in self.parties}
        return {"plaintiff", "defendant"} <= roles

    @property
    def claim_amount(self) -> Decimal | None:
        """The amount claimed, from the amount answers the template sums."""
        if self.interview is None:
            return None
        return claim_amount(self.interview.template, self.interview.answers)
