"""Work orders, appointment slots, queue tickets, ratings and the kiosk heartbeat."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, model_validator

from kiosk.court.contract.common import (
    CaseNumber,
    ContractModel,
    DeviceState,
    IdNumber,
    KioskId,
    LongText,
    Name,
    ObjectId,
    Phone,
    Reference,
    Request,
    ShortText,
    Submission,
)

WorkOrderKind = Literal["contact_judge", "complaint_suggestion", "file_borrowing", "visitor_reception"]
WorkOrderState = Literal["received", "in_progress", "replied", "closed"]
QueueService = Literal["filing", "consultation", "payment", "contact_judge"]
QueuePriority = Literal["none", "elderly", "disabled", "military", "pregnant"]
QueueState = Literal["waiting", "called", "done", "missed"]
RatingReason = Literal[
    "fast", "easy", "clear_voice", "helpful_staff", "slow", "confusing", "device_problem", "could_not_finish", "other"
]
Journey = Literal["filing", "lookup", "payment", "work_order", "queue_ticket", "other"]


class WorkOrderSubmission(Submission):
    """A request the court must answer within its promised time limit (一号通办)."""

    kind: WorkOrderKind
    requester_name: Name
    requester_id_number: IdNumber
    requester_phone: Phone
    case_number: CaseNumber | None = None
    subject: ShortText
    message: LongText
    slot_id: ObjectId | None = None
    visitee: ShortText | None = None

    @model_validator(mode="after")
    def _kind_fields(self) -> WorkOrderSubmission:
        if self.kind in ("contact_judge", "file_borrowing") and self.case_number is None:
            raise ValueError(f"{self.kind} needs a case number")
        if (self.kind == "file_borrowing") != (self.slot_id is not None):
            raise ValueError("a slot belongs to a file-borrowing appointment, and only there")
        if self.kind == "visitor_reception" and self.visitee is None:
            raise ValueError("visitor reception needs the person or department to visit")
        return self


class WorkOrderReceipt(ContractModel):
    """Tracking number and the time limit the court promises."""

    reference: Reference
    tracking_number: Annotated[str, Field(pattern=r"^GD\d{8}\d{4,6}$")]
    kind: WorkOrderKind
    received_at: AwareDatetime
    due_at: AwareDatetime
    time_limit_hours: Annotated[int, Field(ge=1, le=24 * 60)]


class ProgressEntry(ContractModel):
    """One step of a work order's handling."""

    at: AwareDatetime
    state: WorkOrderState
    note: ShortText | None = None


class WorkOrder(ContractModel):
    """A work order as its slip's QR code shows it later: progress and reply."""

    reference: Reference
    tracking_number: Annotated[str, Field(pattern=r"^GD\d{8}\d{4,6}$")]
    kind: WorkOrderKind
    state: WorkOrderState
    received_at: AwareDatetime
    due_at: AwareDatetime
    overdue: bool
    progress: list[ProgressEntry]
    reply: LongText | None = None


class AppointmentSlot(ContractModel):
    """A slot for borrowing case files (阅卷预约)."""

    slot_id: ObjectId
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    room: ShortText
    remaining: Annotated[int, Field(ge=0)]


class QueueTicketRequest(Request):
    """Take a number for a service window."""

    service: QueueService
    priority: QueuePriority = "none"


class QueueTicket(ContractModel):
    """A queue number and how many people are ahead of it."""

    ticket_id: ObjectId
    number: Annotated[str, Field(pattern=r"^[A-Z]{1,2}\d{3,4}$")]
    service: QueueService
    priority: QueuePriority
    state: QueueState
    issued_at: AwareDatetime
    people_ahead: Annotated[int, Field(ge=0)]


class RatingSubmission(Submission):
    """A satisfaction rating: no personal data, only the score and chosen reasons."""

    score: Annotated[int, Field(ge=1, le=5)]
    reasons: Annotated[list[RatingReason], Field(max_length=9)] = []
    journey: Journey = "other"
    locale: Annotated[str, Field(pattern=r"^[a-z]{2}(_[A-Z]{2})?$")] = "zh_CN"
    assisted_mode: bool = False


class Heartbeat(ContractModel):
    """A kiosk's health: device states as plain strings, outbox depth and versions."""

    kiosk_id: KioskId
    sent_at: AwareDatetime
    software_version: Annotated[str, Field(max_length=40)]
    contract_version: Annotated[str, Field(pattern=r"^\d+\.\d+$")]
    devices: Annotated[dict[Annotated[str, Field(max_length=40)], DeviceState], Field(max_length=30)]
    outbox_depth: Annotated[int, Field(ge=0)]
    outbox_needs_staff: Annotated[int, Field(ge=0)] = 0
    oldest_pending_s: Annotated[float, Field(ge=0)] | None = None


class KioskStatus(ContractModel):
    """The court's view of one kiosk of its fleet: its last heartbeat."""

    heartbeat: Heartbeat
    received_at: AwareDatetime
