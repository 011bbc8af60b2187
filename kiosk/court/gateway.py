"""The one interface to a court's systems, implemented by the demo court and the HTTP client.

Every method either returns a contract model or raises a :class:`~kiosk.court.errors.CourtFailure`
(``CourtUnavailable``, ``CourtRejected`` or ``MalformedReply``), so callers handle three cases, never a crash.
Methods may block on the network: call them off the UI thread.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date

from kiosk.court.contract import (
    Ack,
    AppointmentSlot,
    CaseSummary,
    CaseView,
    Court,
    CourtInfo,
    FeeItem,
    FeeReliefApplication,
    FeeReliefReceipt,
    FilingReceipt,
    FilingStatus,
    FilingSubmission,
    Heartbeat,
    PayerCodePayment,
    PayerCodePaymentRequest,
    PaymentOrder,
    PaymentOrderRequest,
    PrintRecord,
    QueueTicket,
    QueueTicketRequest,
    RatingSubmission,
    ServedDocument,
    WorkOrder,
    WorkOrderReceipt,
    WorkOrderSubmission,
)
from kiosk.court.errors import CourtFailure, CourtRejected, CourtUnavailable, MalformedReply

__all__ = ["CourtFailure", "CourtGateway", "CourtRejected", "CourtUnavailable", "MalformedReply"]


class CourtGateway(ABC):
    """A court's systems as the kiosk sees them."""

    @abstractmethod
    def info(self) -> CourtInfo:
        """The court that answers, its contract version and its clock."""

    @abstractmethod
    def courts(self) -> list[Court]:
        """Courts a visitor may file with: this court first, then others (cross-court filing)."""

    @abstractmethod
    def case(self, case_number: str, id_number: str | None = None) -> CaseView:
        """A case by number; party details only when ``id_number`` is a party's."""

    @abstractmethod
    def cases_of_party(self, id_number: str) -> list[CaseSummary]:
        """Every case where the holder of ``id_number`` is a party."""

    @abstractmethod
    def filing_status(self, reference: str) -> FilingStatus:
        """Where a filing stands, by the reference on the kiosk's receipt."""

    @abstractmethod
    def served_documents(self, case_number: str, id_number: str) -> list[ServedDocument]:
        """Documents served on the party ``id_number`` in a case."""

    @abstractmethod
    def document_pdf(self, document_id: str, id_number: str) -> bytes:
        """The PDF of a served document, for its addressee only."""

    @abstractmethod
    def record_print(self, document_id: str, record: PrintRecord) -> ServedDocument:
        """Tell the court a served document was printed; returns the updated print record."""

    @abstractmethod
    def fee_items(self, case_number: str) -> list[FeeItem]:
        """Payable (and paid) items of a case."""

    @abstractmethod
    def create_payment_order(self, request: PaymentOrderRequest) -> PaymentOrder:
        """A payment order whose QR payload the visitor scans; the same key returns the same order."""

    @abstractmethod
    def payment_order(self, order_id: str) -> PaymentOrder:
        """The current state of a payment order (poll until it is no longer pending)."""

    @abstractmethod
    def cancel_payment_order(self, order_id: str) -> PaymentOrder:
        """Cancel a pending order; an order already settled is returned unchanged."""

    @abstractmethod
    def pay_with_payer_code(self, request: PayerCodePaymentRequest) -> PayerCodePayment:
        """Charge a payer's code; the same key never charges twice."""

    @abstractmethod
    def submit_filing(self, submission: FilingSubmission) -> FilingReceipt:
        """File a case; the court deduplicates by idempotency key."""

    @abstractmethod
    def submit_fee_relief(self, application: FeeReliefApplication) -> FeeReliefReceipt:
        """Apply for deferral, reduction or waiver of fees; deduplicated by key."""

    @abstractmethod
    def appointment_slots(self, start: date, days: int) -> list[AppointmentSlot]:
        """File-borrowing slots from ``start`` for ``days`` days."""

    @abstractmethod
    def submit_work_order(self, submission: WorkOrderSubmission) -> WorkOrderReceipt:
        """Open a work order; deduplicated by key."""

    @abstractmethod
    def work_order(self, number: str) -> WorkOrder:
        """A work order's progress by tracking number or by the kiosk reference on its slip."""

    @abstractmethod
    def take_queue_ticket(self, request: QueueTicketRequest) -> QueueTicket:
        """A queue number; the same key returns the same ticket."""

    @abstractmethod
    def queue_ticket(self, ticket_id: str) -> QueueTicket:
        """A ticket with the current number of people ahead."""

    @abstractmethod
    def submit_rating(self, rating: RatingSubmission) -> Ack:
        """A satisfaction rating; deduplicated by key."""

    @abstractmethod
    def heartbeat(self, beat: Heartbeat) -> Ack:
        """Report the kiosk's health."""
