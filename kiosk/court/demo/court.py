"""The embedded demo court: a whole court's systems in one SQLite file, behind :class:`CourtGateway`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk.court import contract as c
from kiosk.court.contract.payments import PaymentStatus
from kiosk.court.contract.services import QueueService, WorkOrderKind
from kiosk.court.demo import cases
from kiosk.court.demo.payments import Payments
from kiosk.court.demo.queue import Queue
from kiosk.court.demo.seed import seed
from kiosk.court.demo.store import Store
from kiosk.court.demo.submissions import DEFAULT_TIME_LIMITS_H, Submissions
from kiosk.court.gateway import CourtGateway


class DemoCourt(CourtGateway):
    """Seeded on first use with fictitious courts, people and cases; safe to share between threads.

    ``path`` is a file (kept between runs, shared by the reference server) or ``":memory:"`` for tests.
    The ``settle_payment``, ``decide_filing``, ``reply_work_order`` and ``call_next`` hooks let a demo or a
    test play the court's staff and the payment platform.
    """

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        clock: Callable[[], datetime] = c.utc_now,
        payment_ttl: timedelta = timedelta(minutes=15),
        auto_pay_after: timedelta | None = None,
        time_limits_h: Mapping[WorkOrderKind, int] | None = None,
    ) -> None:
        self._store = Store(path, clock)
        with self._store.transaction() as db:
            if db.execute("SELECT COUNT(*) FROM courts").fetchone()[0] == 0:
                seed(db, self._store.now().date())
        self._payments = Payments(self._store, payment_ttl, auto_pay_after)
        self._submissions = Submissions(self._store, {**DEFAULT_TIME_LIMITS_H, **(time_limits_h or {})})
        self._queue = Queue(self._store)

    def info(self) -> c.CourtInfo:
        return c.CourtInfo(
            contract_version=c.CONTRACT_VERSION,
            court=next(court for court in self.courts() if court.this_court),
            server_time=self._store.now(),
        )

    def courts(self) -> list[c.Court]:
        return cases.courts(self._store)

    def case(self, case_number: str, id_number: str | None = None) -> c.CaseView:
        return cases.case(self._store, case_number, id_number)

    def cases_of_party(self, id_number: str) -> list[c.CaseSummary]:
        return cases.cases_of_party(self._store, id_number)

    def filing_status(self, reference: str) -> c.FilingStatus:
        return self._submissions.filing_status(reference)

    def served_documents(self, case_number: str, id_number: str) -> list[c.ServedDocument]:
        return cases.served_documents(self._store, case_number, id_number)

    def document_pdf(self, document_id: str, id_number: str) -> bytes:
        return cases.document_pdf(self._store, document_id, id_number)

    def record_print(self, document_id: str, record: c.PrintRecord) -> c.ServedDocument:
        return cases.record_print(self._store, document_id, record)

    def fee_items(self, case_number: str) -> list[c.FeeItem]:
        return cases.fee_items(self._store, case_number)

    def create_payment_order(self, request: c.PaymentOrderRequest) -> c.PaymentOrder:
        return self._payments.create_order(request)

    def payment_order(self, order_id: str) -> c.PaymentOrder:
        return self._payments.order(order_id)

    def cancel_payment_order(self, order_id: str) -> c.PaymentOrder:
        return self._payments.cancel(order_id)

    def pay_with_payer_code(self, request: c.PayerCodePaymentRequest) -> c.PayerCodePayment:
        return self._payments.pay_with_payer_code(request)

    def submit_filing(self, submission: c.FilingSubmission) -> c.FilingReceipt:
        return self._submissions.filing(submission)

    def submit_fee_relief(self, application: c.FeeReliefApplication) -> c.FeeReliefReceipt:
        return self._submissions.fee_relief(application)

    def appointment_slots(self, start: date, days: int) -> list[c.AppointmentSlot]:
        return self._submissions.slots(start, days)

    def submit_work_order(self, submission: c.WorkOrderSubmission) -> c.WorkOrderReceipt:
        return self._submissions.work_order(submission)

    def work_order(self, number: str) -> c.WorkOrder:
        return self._submissions.find_work_order(number)

    def take_queue_ticket(self, request: c.QueueTicketRequest) -> c.QueueTicket:
        return self._queue.take(request)

    def queue_ticket(self, ticket_id: str) -> c.QueueTicket:
        return self._queue.ticket(ticket_id)

    def submit_rating(self, rating: c.RatingSubmission) -> c.Ack:
        return self._submissions.rating(rating)

    def heartbeat(self, beat: c.Heartbeat) -> c.Ack:
        return self._submissions.heartbeat(beat)

    def fleet(self) -> list[c.KioskStatus]:
        """The kiosks that reported to this court, with their last heartbeat."""
        return self._submissions.fleet()

    def settle_payment(self, order_id: str, status: PaymentStatus) -> c.PaymentOrder:
        """Demo hook: mark a pending order paid, cancelled or expired."""
        return self._payments.settle(order_id, status)

    def decide_filing(self, reference: str, accept: bool, note: str | None = None) -> c.FilingStatus:
        """Demo hook: accept a filing (it gets a case number) or reject it."""
        return self._submissions.decide_filing(reference, accept, note)

    def reply_work_order(self, number: str, reply: str) -> c.WorkOrder:
        """Demo hook: answer a work order."""
        return self._submissions.reply_work_order(number, reply)

    def call_next(self, service: QueueService) -> str | None:
        """Demo hook: a service window calls its next visitor."""
        return self._queue.call_next(service)
