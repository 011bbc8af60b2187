"""Payment orders paid by scanning a QR code, and payments by the payer's code (付款码)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, Field

from kiosk.court.contract.common import CaseNumber, ContractModel, Money, ObjectId, Request

PaymentStatus = Literal["pending", "paid", "cancelled", "expired"]
PayerCodeStatus = Literal["paid", "declined"]
PaymentChannel = Literal["wechat", "alipay", "unionpay", "other"]

PAYER_CODE_PATTERN = r"^\d{10,32}$"
"""Only the shape: the kiosk checks plausibility per provider (``kiosk.domain.payment_code``), the court decides."""


class PaymentOrderRequest(Request):
    """Ask the court for a payment order over some due items of a case."""

    case_number: CaseNumber
    item_ids: Annotated[list[ObjectId], Field(min_length=1, max_length=20)]


class PaymentOrder(ContractModel):
    """A payment order: the kiosk shows ``qr_payload`` as a QR code and polls ``status``."""

    order_id: ObjectId
    case_number: CaseNumber
    item_ids: list[ObjectId]
    amount: Money
    qr_payload: Annotated[str, Field(min_length=1, max_length=500)]
    status: PaymentStatus
    created_at: AwareDatetime
    expires_at: AwareDatetime
    settled_at: AwareDatetime | None = None


class PayerCodePaymentRequest(Request):
    """Charge the payer's code a visitor shows from their phone."""

    case_number: CaseNumber
    item_ids: Annotated[list[ObjectId], Field(min_length=1, max_length=20)]
    payer_code: Annotated[str, Field(pattern=PAYER_CODE_PATTERN)]


class PayerCodePayment(ContractModel):
    """The outcome of a payer's-code payment; ``paid`` only when the court has the money."""

    payment_id: ObjectId
    case_number: CaseNumber
    item_ids: list[ObjectId]
    amount: Money
    channel: PaymentChannel
    status: PayerCodeStatus
    decided_at: AwareDatetime
    message_key: Annotated[str, Field(max_length=80)] | None = None
