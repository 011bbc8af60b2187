"""A filing (立案申请) as submitted from the kiosk, its receipt and its later status."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, model_validator

from kiosk.court.contract.common import (
    CaseNumber,
    ContractModel,
    CourtCode,
    IdNumber,
    LongText,
    Money,
    Name,
    Phone,
    Reference,
    ShortText,
    Submission,
)

CaseType = Literal[
    "private_lending",
    "sale_contract",
    "labour_dispute",
    "divorce",
    "traffic_accident",
    "property_service",
    "other_civil",
]
FilingRole = Literal["plaintiff", "defendant", "third_party"]
FeeRelief = Literal["none", "deferral", "reduction", "waiver"]
FilingState = Literal["received", "under_review", "accepted", "rejected"]
Page = Annotated[bytes, Field(max_length=8_000_000, description="one scanned page (JPEG, PNG or PDF), base64url")]


class PersonParty(ContractModel):
    """A natural person taking part in the case."""

    kind: Literal["person"] = "person"
    role: FilingRole
    name: Name
    sex: Literal["male", "female"]
    birth_date: date
    nation: Annotated[str, Field(min_length=1, max_length=20)]
    address: ShortText
    id_number: IdNumber
    phone: Phone | None = None


class OrganisationParty(ContractModel):
    """A company or other organisation taking part in the case."""

    kind: Literal["organisation"] = "organisation"
    role: FilingRole
    name: ShortText
    credit_code: Annotated[str, Field(pattern=r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")]
    legal_representative: Name
    address: ShortText
    phone: Phone | None = None


Party = Annotated[PersonParty | OrganisationParty, Field(discriminator="kind")]


class Agent(ContractModel):
    """Someone filing for a party: a lawyer, or a relative or colleague."""

    kind: Literal["lawyer", "relative", "colleague"]
    name: Name
    id_number: IdNumber
    phone: Phone | None = None
    licence_number: Annotated[str, Field(pattern=r"^\d{17}$")] | None = None
    law_firm: ShortText | None = None
    represents: Annotated[list[int], Field(min_length=1, max_length=20, description="indexes into parties")]

    @model_validator(mode="after")
    def _lawyer_has_licence(self) -> Agent:
        if self.kind == "lawyer" and self.licence_number is None:
            raise ValueError("a lawyer needs a licence number")
        return self


class Complaint(ContractModel):
    """The element-style complaint (要素式起诉状): claims, facts and reasons, the guided answers."""

    claims: Annotated[list[LongText], Field(min_length=1, max_length=20)]
    facts_and_reasons: LongText
    answers: Annotated[dict[Annotated[str, Field(max_length=60)], Annotated[str, Field(max_length=2000)]], Field(max_length=100)] = {}


class EvidenceItem(ContractModel):
    """One evidence item and its scanned pages."""

    name: ShortText
    purpose: ShortText | None = None
    pages: Annotated[list[Page], Field(max_length=50)] = []
    page_count: Annotated[int, Field(ge=0, le=500)]


class FilingSubmission(Submission):
    """Everything the visitor filed; personal data, so it is encrypted while it waits in the outbox."""

    receiving_court_code: CourtCode
    case_type: CaseType
    parties: Annotated[list[Party], Field(min_length=2, max_length=30)]
    agent: Agent | None = None
    complaint: Complaint
    claim_amount: Money | None = None
    fee_estimate: Money | None = None
    fee_relief: FeeRelief = "none"
    evidence: Annotated[list[EvidenceItem], Field(max_length=50)] = []

    @model_validator(mode="after")
    def _has_both_sides(self) -> FilingSubmission:
        roles = {party.role for party in self.parties}
        if not {"plaintiff", "defendant"} <= roles:
            raise ValueError("a filing needs at least one plaintiff and one defendant")
        if self.agent and any(i >= len(self.parties) for i in self.agent.represents):
            raise ValueError("the agent represents a party that is not listed")
        return self


class FilingReceipt(ContractModel):
    """The court's acknowledgement of a filing."""

    reference: Reference
    receiving_court_code: CourtCode
    received_at: AwareDatetime
    status: FilingState


class FilingStatus(ContractModel):
    """Where a filing stands; once accepted it has a case number."""

    reference: Reference
    receiving_court_code: CourtCode
    status: FilingState
    updated_at: AwareDatetime
    case_number: CaseNumber | None = None
    note: ShortText | None = None


class FeeReliefApplication(Submission):
    """Apply for deferral, reduction or waiver of fees (缓减免) with scanned proof."""

    kind: Literal["deferral", "reduction", "waiver"]
    case_number: CaseNumber | None = None
    filing_reference: Reference | None = None
    applicant_name: Name
    applicant_id_number: IdNumber
    reason: LongText
    proof_pages: Annotated[list[Page], Field(max_length=20)] = []

    @model_validator(mode="after")
    def _names_a_case(self) -> FeeReliefApplication:
        if (self.case_number is None) == (self.filing_reference is None):
            raise ValueError("give either a case number or a filing reference")
        return self


class FeeReliefReceipt(ContractModel):
    """The court's acknowledgement of a fee-relief application."""

    reference: Reference
    received_at: AwareDatetime
