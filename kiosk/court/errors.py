"""Expected failures of a court call, each with a message key the visitor can be told."""

from __future__ import annotations


class CourtFailure(Exception):
    """Base of the expected failures; ``message_key`` names the text shown and spoken to the visitor."""

    default_key = "court.error.unknown"

    def __init__(self, message_key: str | None = None, detail: str | None = None) -> None:
        self.message_key = message_key or self.default_key
        self.detail = detail
        super().__init__(self.message_key if detail is None else f"{self.message_key}: {detail}")


class CourtUnavailable(CourtFailure):
    """The court could not be reached or answered in time; trying again later may work."""

    default_key = "court.error.unavailable"


class CourtRejected(CourtFailure):
    """The court answered and refused (not found, invalid, conflict …); trying again will not help."""

    default_key = "court.error.rejected"


class MalformedReply(CourtFailure):
    """The court answered something that does not follow the contract."""

    default_key = "court.error.malformed"


CASE_NOT_FOUND = "court.case.not_found"
DOCUMENT_NOT_FOUND = "court.document.not_found"
NOT_A_PARTY = "court.case.not_a_party"
FILING_NOT_FOUND = "court.filing.not_found"
UNKNOWN_COURT = "court.filing.unknown_court"
NO_CROSS_COURT = "court.filing.no_cross_court"
FEE_ITEM_NOT_PAYABLE = "court.payment.item_not_payable"
ORDER_NOT_FOUND = "court.payment.order_not_found"
ORDER_SETTLED = "court.payment.order_settled"
PAYER_CODE_DECLINED = "court.payment.declined"
WORK_ORDER_NOT_FOUND = "court.work_order.not_found"
SLOT_NOT_FOUND = "court.work_order.slot_not_found"
SLOT_FULL = "court.work_order.slot_full"
TICKET_NOT_FOUND = "court.queue.ticket_not_found"
IDEMPOTENCY_CONFLICT = "court.error.idempotency_conflict"
INVALID_REQUEST = "court.error.invalid_request"
CORRUPT_REQUEST = "court.error.corrupt_request"
UNAUTHORIZED = "court.error.unauthorized"
INCOMPATIBLE_CONTRACT = "court.error.incompatible_contract"
