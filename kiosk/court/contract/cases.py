"""Courts, cases, hearings, served documents and fee items: what a visitor looks up."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field

from kiosk.court.contract.common import (
    CaseNumber,
    ContractModel,
    CourtCode,
    IdNumber,
    Money,
    Name,
    ObjectId,
    Request,
    ShortText,
)

CourtLevel = Literal["basic", "intermediate", "high", "specialised"]
CaseStage = Literal[
    "filing_review", "accepted", "pre_trial", "in_trial", "judgment_issued", "closed", "enforcement"
]
PartyRole = Literal["plaintiff", "defendant", "third_party", "appellant", "appellee", "applicant", "respondent"]
DetailLevel = Literal["public", "party"]
FeeKind = Literal["acceptance", "application", "announcement", "preservation", "enforcement", "other"]
FeeStatus = Literal["due", "paid", "deferred"]


class Court(ContractModel):
    """A court the kiosk knows: its own, or another one for cross-court filing (跨域立案)."""

    code: CourtCode
    name: Name
    level: CourtLevel
    address: ShortText
    phone: Annotated[str, Field(max_length=40)]
    this_court: bool
    accepts_cross_court_filing: bool


class CourtInfo(ContractModel):
    """Who answers and on which contract version."""

    contract_version: Annotated[str, Field(pattern=r"^\d+\.\d+$")]
    court: Court
    server_time: AwareDatetime


class JudgeTeamMember(ContractModel):
    """One member of the trial team (合议庭 or sole judge with assistant)."""

    name: Name
    role: Literal["presiding_judge", "judge", "people_assessor", "judge_assistant"]


class CaseParty(ContractModel):
    """A party as shown to a party of the case: ID numbers only masked."""

    role: PartyRole
    kind: Literal["person", "organisation"]
    name: Name
    id_number_masked: Annotated[str, Field(max_length=18)] | None = None
    is_you: bool = False


class Hearing(ContractModel):
    """A scheduled hearing (开庭) or mediation session."""

    starts_at: AwareDatetime
    room: ShortText
    kind: Literal["hearing", "mediation", "evidence_exchange", "pronouncement"]
    public: bool


class Deadline(ContractModel):
    """A deadline a party must meet (举证期限, 上诉期限, 缴费期限 …)."""

    kind: Literal["evidence", "appeal", "payment", "defence", "other"]
    due_on: date
    description: ShortText


class CaseView(ContractModel):
    """A case as the court publishes it (``public``) or shows it to a party (``party``)."""

    case_number: CaseNumber
    court: Court
    cause: ShortText
    stage: CaseStage
    detail: DetailLevel
    filed_on: date
    tribunal: ShortText | None = None
    judge_team: list[JudgeTeamMember] = []
    clerk: Name | None = None
    parties: list[CaseParty] = []
    hearings: list[Hearing] = []
    deadlines: list[Deadline] = []
    fees_due: Money | None = None


class CaseSummary(ContractModel):
    """One line of the list of a visitor's cases."""

    case_number: CaseNumber
    court_code: CourtCode
    cause: ShortText
    stage: CaseStage
    role: PartyRole


class CaseLookup(ContractModel):
    """Look a case up; with the visitor's ID number a party sees the details."""

    case_number: CaseNumber
    id_number: IdNumber | None = None


class PartyLookup(ContractModel):
    """Every case where the holder of an ID number is a party."""

    id_number: IdNumber


class DocumentsLookup(ContractModel):
    """The documents served on one party in one case."""

    case_number: CaseNumber
    id_number: IdNumber


class ServedDocument(ContractModel):
    """A document served electronically (电子送达) on a party, and its print record."""

    document_id: ObjectId
    case_number: CaseNumber
    title: ShortText
    kind: Literal["notice", "summons", "ruling", "judgment", "mediation_statement", "fee_notice", "other"]
    served_at: AwareDatetime
    pages: Annotated[int, Field(ge=1, le=999)]
    printed_count: Annotated[int, Field(ge=0)]
    last_printed_at: AwareDatetime | None = None


class DocumentAccess(ContractModel):
    """Proof that the one fetching a document is the party it was served on."""

    id_number: IdNumber


class PrintRecord(Request):
    """The kiosk printed a served document for its addressee."""

    id_number: IdNumber
    copies: Annotated[int, Field(ge=1, le=20)]
    printed_at: AwareDatetime


class FeeItemsLookup(ContractModel):
    """The payable items of a case; a case number suffices, as at a court's cashier."""

    case_number: CaseNumber


class FeeItem(ContractModel):
    """One payable item of a case (案件受理费, 申请费, 公告费 …)."""

    item_id: ObjectId
    case_number: CaseNumber
    kind: FeeKind
    description: ShortText
    amount: Money
    status: FeeStatus
    due_on: date | None = None

