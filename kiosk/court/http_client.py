"""The court gateway over HTTP: one ``requests`` session, timeouts on every call, typed failures.

Retries are bounded and only for calls that are safe to repeat: reads, lookups, and state changes carrying an
idempotency key. Every reply is validated against the contract; anything else is a ``MalformedReply``.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar
from urllib.parse import quote

import requests
from pydantic import BaseModel, TypeAdapter, ValidationError

from kiosk.court import contract as c
from kiosk.court.digest import HEADER as DIGEST_HEADER
from kiosk.court.digest import content_digest, matches
from kiosk.court.errors import CourtFailure, CourtRejected, CourtUnavailable, MalformedReply
from kiosk.court.gateway import CourtGateway

log = logging.getLogger(__name__)
T = TypeVar("T")
TIMEOUT = "court.error.timeout"


@dataclass(frozen=True)
class HttpOptions:
    """How to reach a court: credential, trust, patience."""

    token: str | None = None
    client_cert: str | tuple[str, str] | None = None
    ca_bundle: str | None = None
    connect_timeout_s: float = 3.05
    read_timeout_s: float = 10.0
    retries: int = 2
    backoff_s: float = 0.25


class HttpCourtGateway(CourtGateway):
    """A court's API at ``base_url`` (for example ``https://court.example/api``)."""

    def __init__(self, base_url: str, options: HttpOptions | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.options = options or HttpOptions()
        self.session = requests.Session()
        self.session.verify = self.options.ca_bundle or True
        if self.options.client_cert is not None:
            self.session.cert = self.options.client_cert
        self.session.headers.update({"Accept": "application/json", "X-Court-Contract": c.CONTRACT_VERSION})
        if self.options.token:
            self.session.headers["Authorization"] = f"Bearer {self.options.token}"

    def close(self) -> None:
        """Release the session's connections."""
        self.session.close()

    def _call(
        self, method: str, path: str, reply: type[T], *, body: BaseModel | None = None,
        params: dict[str, Any] | None = None, retry: bool = True,
    ) -> T:
        attempts = 1 + (self.options.retries if retry else 0)
        for attempt in range(attempts):
            try:
                return self._once(method, path, reply, body, params)
            except (CourtUnavailable, MalformedReply) as failure:
                log.info("court %s %s failed (%s), attempt %d/%d", method, path, failure.message_key,
                         attempt + 1, attempts)
                if attempt + 1 == attempts:
                    raise
                time.sleep(self.options.backoff_s * 2**attempt * random.uniform(0.5, 1.0))
        raise AssertionError("unreachable: the loop returns or raises")

    def _once(
        self, method: str, path: str, reply: type[T], body: BaseModel | None, params: dict[str, Any] | None
    ) -> T:
        headers = {}
        data = None
        if body is not None:
            data = body.model_dump_json().encode()
            headers = {"Content-Type": "application/json", DIGEST_HEADER: content_digest(data)}
        try:
            response = self.session.request(
                method, self.base_url + path, data=data, params=params, headers=headers,
                timeout=(self.options.connect_timeout_s, self.options.read_timeout_s),
            )
        except requests.Timeout as exc:
            raise CourtUnavailable(TIMEOUT, type(exc).__name__) from None
        except requests.RequestException as exc:
            raise CourtUnavailable(detail=type(exc).__name__) from None
        claimed = response.headers.get(DIGEST_HEADER)
        if claimed is not None and not matches(claimed, response.content):
            raise MalformedReply(detail="content digest mismatch")
        if response.status_code >= 400:
            raise _failure(response)
        if reply is bytes:
            if not response.content.startswith(b"%PDF-"):
                raise MalformedReply(detail="not a PDF")
            return response.content  # type: ignore[return-value]
        try:
            return TypeAdapter(reply).validate_json(response.content)
        except ValidationError as exc:
            raise MalformedReply(detail=f"{exc.error_count()} validation errors") from None

    def info(self) -> c.CourtInfo:
        return self._call("GET", "/v1/info", c.CourtInfo)

    def courts(self) -> list[c.Court]:
        return self._call("GET", "/v1/courts", list[c.Court])

    def case(self, case_number: str, id_number: str | None = None) -> c.CaseView:
        return self._call("POST", "/v1/cases/lookup", c.CaseView,
                          body=c.CaseLookup(case_number=case_number, id_number=id_number))

    def cases_of_party(self, id_number: str) -> list[c.CaseSummary]:
        return self._call("POST", "/v1/cases/by-party", list[c.CaseSummary],
                          body=c.PartyLookup(id_number=id_number))

    def filing_status(self, reference: str) -> c.FilingStatus:
        return self._call("GET", f"/v1/filings/{_segment(reference)}", c.FilingStatus)

    def served_documents(self, case_number: str, id_number: str) -> list[c.ServedDocument]:
        return self._call("POST", "/v1/documents/list", list[c.ServedDocument],
                          body=c.DocumentsLookup(case_number=case_number, id_number=id_number))

    def document_pdf(self, document_id: str, id_number: str) -> bytes:
        return self._call("POST", f"/v1/documents/{_segment(document_id)}/content", bytes,
                          body=c.DocumentAccess(id_number=id_number))

    def record_print(self, document_id: str, record: c.PrintRecord) -> c.ServedDocument:
        return self._call("POST", f"/v1/documents/{_segment(document_id)}/prints", c.ServedDocument, body=record)

    def fee_items(self, case_number: str) -> list[c.FeeItem]:
        return self._call("POST", "/v1/cases/fee-items", list[c.FeeItem],
                          body=c.FeeItemsLookup(case_number=case_number))

    def create_payment_order(self, request: c.PaymentOrderRequest) -> c.PaymentOrder:
        return self._call("POST", "/v1/payment-orders", c.PaymentOrder, body=request)

    def payment_order(self, order_id: str) -> c.PaymentOrder:
        return self._call("GET", f"/v1/payment-orders/{_segment(order_id)}", c.PaymentOrder)

    def cancel_payment_order(self, order_id: str) -> c.PaymentOrder:
        return self._call("POST", f"/v1/payment-orders/{_segment(order_id)}/cancel", c.PaymentOrder)

    def pay_with_payer_code(self, request: c.PayerCodePaymentRequest) -> c.PayerCodePayment:
        return self._call("POST", "/v1/payer-code-payments", c.PayerCodePayment, body=request)

    def submit_filing(self, submission: c.FilingSubmission) -> c.FilingReceipt:
        return self._call("POST", "/v1/filings", c.FilingReceipt, body=submission)

    def submit_fee_relief(self, application: c.FeeReliefApplication) -> c.FeeReliefReceipt:
        return self._call("POST", "/v1/fee-relief-applications", c.FeeReliefReceipt, body=application)

    def appointment_slots(self, start: date, days: int) -> list[c.AppointmentSlot]:
        return self._call("GET", "/v1/appointment-slots", list[c.AppointmentSlot],
                          params={"start": start.isoformat(), "days": days})

    def submit_work_order(self, submission: c.WorkOrderSubmission) -> c.WorkOrderReceipt:
        return self._call("POST", "/v1/work-orders", c.WorkOrderReceipt, body=submission)

    def work_order(self, number: str) -> c.WorkOrder:
        return self._call("GET", f"/v1/work-orders/{_segment(number)}", c.WorkOrder)

    def take_queue_ticket(self, request: c.QueueTicketRequest) -> c.QueueTicket:
        return self._call("POST", "/v1/queue-tickets", c.QueueTicket, body=request)

    def queue_ticket(self, ticket_id: str) -> c.QueueTicket:
        return self._call("GET", f"/v1/queue-tickets/{_segment(ticket_id)}", c.QueueTicket)

    def submit_rating(self, rating: c.RatingSubmission) -> c.Ack:
        return self._call("POST", "/v1/ratings", c.Ack, body=rating)

    def heartbeat(self, beat: c.Heartbeat) -> c.Ack:
        # A lost heartbeat is replaced by the next one; repeating it would only delay that.
        return self._call("POST", "/v1/heartbeats", c.Ack, body=beat, retry=False)


def _segment(value: str) -> str:
    """A path segment that cannot climb out of its route."""
    return quote(value, safe="")


def _failure(response: requests.Response) -> CourtFailure:
    """The typed failure for an error reply; a court's explicit refusal is the only ``CourtRejected``."""
    try:
        error = c.CourtError.model_validate_json(response.content)
    except ValidationError:
        if response.status_code >= 500 or response.status_code in (408, 429):
            return CourtUnavailable(detail=f"HTTP {response.status_code}")
        return MalformedReply(detail=f"HTTP {response.status_code} without a contract error")
    if error.retryable or response.status_code >= 500 or response.status_code in (408, 429):
        return CourtUnavailable(error.message_key)
    return CourtRejected(error.message_key)
