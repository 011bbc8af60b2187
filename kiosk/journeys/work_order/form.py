"""What each kind of work order asks for, how a typed value is checked, and what the court receives.

Field ids are shared by all kinds (``work_order.phone`` …), so a visitor who switches kind keeps what
they typed. The subject line is written in Chinese, the court's working language, whatever language
the visitor chose on screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.court.contract import AppointmentSlot, WorkOrderSubmission
from kiosk.court.contract.services import WorkOrderKind
from kiosk.domain import case_number
from kiosk.textinput.layouts import FieldType

KINDS: tuple[WorkOrderKind, ...] = ("contact_judge", "complaint_suggestion", "file_borrowing", "visitor_reception")

CASE_NUMBER = "work_order.case_number"
PHONE = "work_order.phone"
MESSAGE = "work_order.message"
VISITEE = "work_order.visitee"
TRACKING_NUMBER = "work_order.tracking_number"

#: The keyboard each field needs.
FIELD_TYPES: dict[str, FieldType] = {
    CASE_NUMBER: FieldType.CASE_NUMBER,
    PHONE: FieldType.PHONE,
    MESSAGE: FieldType.TEXT,
    VISITEE: FieldType.TEXT,
    TRACKING_NUMBER: FieldType.LATIN,
}
#: The fields of each kind, in screen order.
FIELDS: dict[WorkOrderKind, tuple[str, ...]] = {
    "contact_judge": (CASE_NUMBER, PHONE, MESSAGE),
    "complaint_suggestion": (PHONE, MESSAGE),
    "file_borrowing": (CASE_NUMBER, PHONE),
    "visitor_reception": (VISITEE, PHONE, MESSAGE),
}
#: Fields that carry personal data: spoken only into headphones.
PRIVATE_FIELDS = frozenset({CASE_NUMBER, PHONE, MESSAGE})

MAX_MESSAGE_CHARS = 2000
MAX_VISITEE_CHARS = 60
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{9,11}")
_PHONE_SEPARATORS = re.compile(r"[\s\-()（）]")

KIND_NAMES: dict[WorkOrderKind, str] = {
    "contact_judge": "联系法官",
    "complaint_suggestion": "投诉建议",
    "file_borrowing": "预约阅卷",
    "visitor_reception": "来访接待",
}
BORROWING_MESSAGE = "申请在预约时间到档案阅览室查阅本案卷宗。"


class FieldRefused(ValueError):
    """A typed value the court would not take; carries the message key shown under the field."""

    def __init__(self, field_id: str, message_key: str) -> None:
        super().__init__(message_key)
        self.field_id = field_id
        self.message_key = message_key


def check_case_number(text: str) -> str:
    """The case number in its canonical form."""
    try:
        return case_number.parse(text).format()
    except ValueError:
        raise FieldRefused(CASE_NUMBER, "work_order.error.case_number_invalid") from None


def check_phone(text: str) -> str:
    """A mainland mobile (11 digits) or a landline with its area code, digits only."""
    digits = _PHONE_SEPARATORS.sub("", text)
    if not (_MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits)):
        raise FieldRefused(PHONE, "work_order.error.phone_invalid")
    return digits


def check_message(text: str) -> str:
    """Some words, not a book."""
    if len(text) < 2:
        raise FieldRefused(MESSAGE, "work_order.error.message_empty")
    if len(text) > MAX_MESSAGE_CHARS:
        raise FieldRefused(MESSAGE, "work_order.error.message_too_long")
    return text


def check_visitee(text: str) -> str:
    """The person or office to be received by."""
    if not text:
        raise FieldRefused(VISITEE, "work_order.error.visitee_empty")
    if len(text) > MAX_VISITEE_CHARS:
        raise FieldRefused(VISITEE, "work_order.error.visitee_too_long")
    return text


CHECKS = {CASE_NUMBER: check_case_number, PHONE: check_phone, MESSAGE: check_message, VISITEE: check_visitee}


@dataclass(frozen=True)
class Request:
    """A work order as the visitor filled it in, checked; becomes the court submission."""

    kind: WorkOrderKind
    requester_name: str
    requester_id_number: str
    phone: str
    case_number: str | None = None
    message: str | None = None
    visitee: str | None = None
    slot: AppointmentSlot | None = None

    @property
    def subject(self) -> str:
        """One line for the court's list of work orders."""
        detail = self.case_number if self.kind in ("contact_judge", "file_borrowing") else self.visitee
        return f"{KIND_NAMES[self.kind]}：{detail}" if detail else KIND_NAMES[self.kind]

    def submission(self, kiosk_id: str) -> WorkOrderSubmission:
        """A fresh submission (new idempotency key and reference)."""
        return WorkOrderSubmission.new(
            kiosk_id, kind=self.kind, requester_name=self.requester_name,
            requester_id_number=self.requester_id_number, requester_phone=self.phone,
            case_number=self.case_number, subject=self.subject,
            message=self.message or BORROWING_MESSAGE, slot_id=self.slot.slot_id if self.slot else None,
            visitee=self.visitee,
        )


def check_fields(kind: WorkOrderKind, values: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The kind's fields checked: the accepted values, and a message key for each refused field."""
    good: dict[str, str] = {}
    refused: dict[str, str] = {}
    for field_id in FIELDS[kind]:
        try:
            good[field_id] = CHECKS[field_id](values.get(field_id, "").strip())
        except FieldRefused as refusal:
            refused[field_id] = refusal.message_key
    return good, refused
