"""Simulated payment orders and payer's-code payments of the demo court."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from decimal import Decimal

from kiosk.court.contract import PayerCodePayment, PayerCodePaymentRequest, PaymentOrder, PaymentOrderRequest
from kiosk.court.contract.payments import PaymentChannel, PaymentStatus
from kiosk.court.demo.store import Store, normalise_case_number
from kiosk.court.errors import (
    CASE_NOT_FOUND,
    FEE_ITEM_NOT_PAYABLE,
    ORDER_NOT_FOUND,
    ORDER_SETTLED,
    PAYER_CODE_DECLINED,
    CourtRejected,
)

DECLINING_SUFFIX = "0000"
"""A payer's code ending in these digits is declined: how a demo shows a refused payment."""


def _payable_total(db: sqlite3.Connection, case_number: str, item_ids: list[str]) -> Decimal:
    if db.execute("SELECT 1 FROM cases WHERE case_number = ?", (case_number,)).fetchone() is None:
        raise CourtRejected(CASE_NOT_FOUND)
    total = Decimal("0.00")
    for item_id in dict.fromkeys(item_ids):
        row = db.execute(
            "SELECT amount FROM fee_items WHERE item_id = ? AND case_number = ? AND status = 'due'",
            (item_id, case_number),
        ).fetchone()
        if row is None:
            raise CourtRejected(FEE_ITEM_NOT_PAYABLE)
        total += Decimal(row["amount"])
    return total


def _mark_paid(db: sqlite3.Connection, item_ids: list[str]) -> None:
    db.executemany("UPDATE fee_items SET status = 'paid' WHERE item_id = ?", [(i,) for i in item_ids])


class Payments:
    """Payment orders expire after ``ttl``; with ``auto_pay_after`` a demo order pays itself."""

    def __init__(self, store: Store, ttl: timedelta, auto_pay_after: timedelta | None) -> None:
        self.store = store
        self.ttl = ttl
        self.auto_pay_after = auto_pay_after

    def create_order(self, request: PaymentOrderRequest) -> PaymentOrder:
        """A new order, or the one already made for this key."""
        number = normalise_case_number(request.case_number)

        def create(db: sqlite3.Connection) -> str:
            total = _payable_total(db, number, request.item_ids)
            order_id = f"P{self.store.next_value(db, 'payment_order', 10000001)}"
            now = self.store.now()
            db.execute(
                "INSERT INTO payment_orders VALUES (?, ?, ?, ?, 'pending', ?, ?, NULL)",
                (order_id, number, json.dumps(list(dict.fromkeys(request.item_ids))), str(total),
                 now.isoformat(), (now + self.ttl).isoformat()),
            )
            return order_id

        return self.order(self.store.once(request.idempotency_key, "payment_order", request, create))

    def order(self, order_id: str) -> PaymentOrder:
        """The order as it stands now (expiry and the demo's auto-pay are applied lazily)."""
        with self.store.transaction() as db:
            row = db.execute("SELECT * FROM payment_orders WHERE order_id = ?", (order_id,)).fetchone()
            if row is None:
                raise CourtRejected(ORDER_NOT_FOUND)
            if row["status"] == "pending":
                now = self.store.now()
                created = datetime.fromisoformat(row["created_at"])
                if self.auto_pay_after is not None and now >= created + self.auto_pay_after:
                    self._settle(db, order_id, "paid")
                elif now >= datetime.fromisoformat(row["expires_at"]):
                    self._settle(db, order_id, "expired")
                row = db.execute("SELECT * FROM payment_orders WHERE order_id = ?", (order_id,)).fetchone()
        return PaymentOrder(
            order_id=row["order_id"], case_number=row["case_number"], item_ids=json.loads(row["item_ids"]),
            amount=Decimal(row["amount"]), status=row["status"], created_at=row["created_at"],
            expires_at=row["expires_at"], settled_at=row["settled_at"],
            qr_payload=f"https://pay.demo-court.invalid/order/{row['order_id']}?amount={row['amount']}",
        )

    def cancel(self, order_id: str) -> PaymentOrder:
        """Cancel a pending order; a settled one is returned as it is."""
        if self.order(order_id).status == "pending":
            with self.store.transaction() as db:
                self._settle(db, order_id, "cancelled")
        return self.order(order_id)

    def settle(self, order_id: str, status: PaymentStatus) -> PaymentOrder:
        """Demo hook: the visitor paid, the payment platform cancelled, or time ran out."""
        if self.order(order_id).status != "pending":
            raise CourtRejected(ORDER_SETTLED)
        with self.store.transaction() as db:
            self._settle(db, order_id, status)
        return self.order(order_id)

    def _settle(self, db: sqlite3.Connection, order_id: str, status: PaymentStatus) -> None:
        db.execute(
            "UPDATE payment_orders SET status = ?, settled_at = ? WHERE order_id = ?",
            (status, self.store.now().isoformat(), order_id),
        )
        if status == "paid":
            row = db.execute("SELECT item_ids FROM payment_orders WHERE order_id = ?", (order_id,)).fetchone()
            _mark_paid(db, json.loads(row["item_ids"]))

    def pay_with_payer_code(self, request: PayerCodePaymentRequest) -> PayerCodePayment:
        """Charge once per key; a code ending in ``DECLINING_SUFFIX`` is declined."""
        number = normalise_case_number(request.case_number)

        def create(db: sqlite3.Connection) -> str:
            total = _payable_total(db, number, request.item_ids)
            declined = request.payer_code.endswith(DECLINING_SUFFIX)
            payment = PayerCodePayment(
                payment_id=f"Q{self.store.next_value(db, 'payer_code_payment', 20000001)}",
                case_number=number, item_ids=list(dict.fromkeys(request.item_ids)), amount=total,
                channel=_channel(request.payer_code), status="declined" if declined else "paid",
                decided_at=self.store.now(), message_key=PAYER_CODE_DECLINED if declined else None,
            )
            if not declined:
                _mark_paid(db, payment.item_ids)
            db.execute("INSERT INTO payer_code_payments VALUES (?, ?)", (payment.payment_id, payment.model_dump_json()))
            return payment.model_dump_json()

        return PayerCodePayment.model_validate_json(
            self.store.once(request.idempotency_key, "payer_code_payment", request, create)
        )


def _channel(payer_code: str) -> PaymentChannel:
    if payer_code.startswith("62"):
        return "unionpay"
    if payer_code[:2] in {"10", "11", "12", "13", "14", "15"}:
        return "wechat"
    if payer_code[:2] in {"25", "26", "27", "28", "29", "30"}:
        return "alipay"
    return "other"
