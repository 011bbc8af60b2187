"""The reference court server (``kiosk court-sim``): the demo court over HTTP, on the contract.

It lets the HTTP client be tested against a real server, lets several kiosks share one court in a demo, and
shows a court's integrators what to implement. Needs the ``court-sim`` extra (FastAPI, uvicorn).
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from kiosk.court import contract as c
from kiosk.court import errors
from kiosk.court.demo import DemoCourt
from kiosk.court.server_asgi import DigestMiddleware

OBJECT_ID = r"^[A-Za-z0-9_-]{1,40}$"
REFERENCE = r"^K[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$"
CONTRACT_HEADER = "X-Court-Contract"

_CONFLICTS = {errors.IDEMPOTENCY_CONFLICT, errors.ORDER_SETTLED, errors.SLOT_FULL}
_ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": c.CourtError} for status in (400, 401, 404, 409, 422)
}

ObjectIdPath = Annotated[str, Path(pattern=OBJECT_ID)]
Credentials = Annotated[
    HTTPAuthorizationCredentials | None, Depends(HTTPBearer(auto_error=False, description="The kiosk's credential"))
]


def _status(key: str) -> int:
    if key.endswith("not_found"):
        return 404
    if key in _CONFLICTS:
        return 409
    if key == errors.UNAUTHORIZED:
        return 401
    return 422


def _error(status: int, key: str, detail: str | None = None, retryable: bool = False) -> JSONResponse:
    body = c.CourtError(message_key=key, detail=detail, retryable=retryable)
    return JSONResponse(body.model_dump(mode="json", exclude_none=True), status_code=status)


def _validation_detail(exc: RequestValidationError) -> str:
    """Where and what kind of error, never the offending value: it may be an ID number."""
    parts = [".".join(str(p) for p in err.get("loc", ())) + ": " + str(err.get("type", "")) for err in exc.errors()]
    return "; ".join(parts)[:500]


class _Unauthorized(Exception):
    pass


class _IncompatibleContract(Exception):
    pass


def create_app(court: DemoCourt, token: str) -> FastAPI:
    """The ASGI app serving ``court``; every route needs ``Authorization: Bearer <token>``."""

    def authorise(request: Request, credentials: Credentials) -> None:
        if credentials is None or not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
            raise _Unauthorized
        version = request.headers.get(CONTRACT_HEADER)
        if version is not None and version.split(".")[0] != c.CONTRACT_VERSION.split(".")[0]:
            raise _IncompatibleContract

    app = FastAPI(
        title="Court kiosk API",
        version=c.CONTRACT_VERSION,
        description="What a court's systems offer its self-service kiosks. Generated from kiosk.court.contract.",
        separate_input_output_schemas=False,
        dependencies=[Depends(authorise)],
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(DigestMiddleware)

    @app.exception_handler(errors.CourtRejected)
    def rejected(_: Request, exc: errors.CourtRejected) -> JSONResponse:
        return _error(_status(exc.message_key), exc.message_key)

    @app.exception_handler(RequestValidationError)
    def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, errors.INVALID_REQUEST, _validation_detail(exc))

    @app.exception_handler(_Unauthorized)
    def unauthorised(_: Request, __: _Unauthorized) -> JSONResponse:
        return _error(401, errors.UNAUTHORIZED)

    @app.exception_handler(_IncompatibleContract)
    def incompatible(_: Request, __: _IncompatibleContract) -> JSONResponse:
        return _error(400, errors.INCOMPATIBLE_CONTRACT)

    app.include_router(_api(court))
    app.include_router(_demo_hooks(court))
    return app


def _api(court: DemoCourt) -> APIRouter:
    api = APIRouter(prefix="/v1", responses=_ERRORS)

    @api.get("/info", tags=["court"])
    def info() -> c.CourtInfo:
        return court.info()

    @api.get("/courts", tags=["court"])
    def courts() -> list[c.Court]:
        return court.courts()

    @api.post("/cases/lookup", tags=["cases"], summary="A case by number (party details with a party's ID)")
    def case(body: c.CaseLookup) -> c.CaseView:
        return court.case(body.case_number, body.id_number)

    @api.post("/cases/by-party", tags=["cases"], summary="Cases where an ID number is a party")
    def cases_of_party(body: c.PartyLookup) -> list[c.CaseSummary]:
        return court.cases_of_party(body.id_number)

    @api.post("/cases/fee-items", tags=["payments"])
    def fee_items(body: c.FeeItemsLookup) -> list[c.FeeItem]:
        return court.fee_items(body.case_number)

    @api.post("/documents/list", tags=["documents"], summary="Documents served on a party in a case")
    def served_documents(body: c.DocumentsLookup) -> list[c.ServedDocument]:
        return court.served_documents(body.case_number, body.id_number)

    @api.post(
        "/documents/{document_id}/content", tags=["documents"], response_class=Response,
        responses={200: {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}},
    )
    def document_pdf(document_id: ObjectIdPath, body: c.DocumentAccess) -> Response:
        return Response(court.document_pdf(document_id, body.id_number), media_type="application/pdf")

    @api.post("/documents/{document_id}/prints", tags=["documents"])
    def record_print(document_id: ObjectIdPath, body: c.PrintRecord) -> c.ServedDocument:
        return court.record_print(document_id, body)

    @api.post("/payment-orders", tags=["payments"])
    def create_payment_order(body: c.PaymentOrderRequest) -> c.PaymentOrder:
        return court.create_payment_order(body)

    @api.get("/payment-orders/{order_id}", tags=["payments"])
    def payment_order(order_id: ObjectIdPath) -> c.PaymentOrder:
        return court.payment_order(order_id)

    @api.post("/payment-orders/{order_id}/cancel", tags=["payments"])
    def cancel_payment_order(order_id: ObjectIdPath) -> c.PaymentOrder:
        return court.cancel_payment_order(order_id)

    @api.post("/payer-code-payments", tags=["payments"])
    def pay_with_payer_code(body: c.PayerCodePaymentRequest) -> c.PayerCodePayment:
        return court.pay_with_payer_code(body)

    @api.post("/filings", tags=["submissions"])
    def submit_filing(body: c.FilingSubmission) -> c.FilingReceipt:
        return court.submit_filing(body)

    @api.get("/filings/{reference}", tags=["submissions"])
    def filing_status(reference: Annotated[str, Path(pattern=REFERENCE)]) -> c.FilingStatus:
        return court.filing_status(reference)

    @api.post("/fee-relief-applications", tags=["submissions"])
    def submit_fee_relief(body: c.FeeReliefApplication) -> c.FeeReliefReceipt:
        return court.submit_fee_relief(body)

    @api.get("/appointment-slots", tags=["work orders"])
    def appointment_slots(
        start: date, days: Annotated[int, Query(ge=1, le=31)] = 7
    ) -> list[c.AppointmentSlot]:
        return court.appointment_slots(start, days)

    @api.post("/work-orders", tags=["work orders"])
    def submit_work_order(body: c.WorkOrderSubmission) -> c.WorkOrderReceipt:
        return court.submit_work_order(body)

    @api.get("/work-orders/{number}", tags=["work orders"], summary="By tracking number or kiosk reference")
    def work_order(number: Annotated[str, Path(pattern=r"^[A-Z0-9-]{1,40}$")]) -> c.WorkOrder:
        return court.work_order(number)

    @api.post("/queue-tickets", tags=["queue"])
    def take_queue_ticket(body: c.QueueTicketRequest) -> c.QueueTicket:
        return court.take_queue_ticket(body)

    @api.get("/queue-tickets/{ticket_id}", tags=["queue"])
    def queue_ticket(ticket_id: ObjectIdPath) -> c.QueueTicket:
        return court.queue_ticket(ticket_id)

    @api.post("/ratings", tags=["submissions"])
    def submit_rating(body: c.RatingSubmission) -> c.Ack:
        return court.submit_rating(body)

    @api.post("/heartbeats", tags=["fleet"])
    def heartbeat(body: c.Heartbeat) -> c.Ack:
        return court.heartbeat(body)

    @api.get("/kiosks", tags=["fleet"], summary="The court's kiosks and their last heartbeat")
    def fleet() -> list[c.KioskStatus]:
        return court.fleet()

    return api


def _demo_hooks(court: DemoCourt) -> APIRouter:
    """Not part of the contract: lets a demo or a test play the court's staff and the payment platform."""
    demo = APIRouter(prefix="/demo", include_in_schema=False)

    @demo.post("/payment-orders/{order_id}/settle")
    def settle(order_id: ObjectIdPath, status: Literal["paid", "cancelled", "expired"]) -> c.PaymentOrder:
        return court.settle_payment(order_id, status)

    @demo.post("/filings/{reference}/decide")
    def decide(reference: Annotated[str, Path(pattern=REFERENCE)], accept: bool) -> c.FilingStatus:
        return court.decide_filing(reference, accept)

    @demo.post("/work-orders/{number}/reply")
    def reply(number: Annotated[str, Path(pattern=r"^[A-Z0-9-]{1,40}$")], text: str) -> c.WorkOrder:
        return court.reply_work_order(number, text)

    @demo.post("/queues/{service}/call-next")
    def call_next(service: Literal["filing", "consultation", "payment", "contact_judge"]) -> str | None:
        return court.call_next(service)

    return demo
