"""Guards and entry actions of fee payment: finding the items, paying them once, printing the receipt.

A payment request is made once and kept in the journey data until the court has settled it, so
Try again after a lost answer sends the same idempotency key and the court pays at most once. "Paid"
is recorded only from a court reply whose status is ``paid``.
"""

from __future__ import annotations

import logging
import time
import uuid
from datetime import datetime
from decimal import Decimal
from typing import ClassVar

from drivers.base import DeviceError, ResidentCard
from kiosk.court import contract as c
from kiosk.court.errors import CourtFailure
from kiosk.domain import case_number
from kiosk.domain.payment_code import check_payment_code
from kiosk.journeys.payment.receipt import PaymentReceipt, print_receipt
from kiosk.journeys.payment.relief import ReliefEffects

log = logging.getLogger("kiosk.journeys.payment")

CASE_NUMBER_FIELD = "payment.case_number"
PRINTER_ROLE = "receipt_printer"


class PaymentEffects(ReliefEffects):
    """The payment journey's machine listener."""

    journey = "payment"
    card_steps = frozenset({"payment_card", "payment_relief_card"})
    code_steps = frozenset({"payment_code"})
    waiting_steps = frozenset({"payment_loading", "payment_ordering", "payment_cancelling", "payment_charging",
                               "payment_printing", "payment_capturing", "payment_relief_sending"})
    #: Seconds between two looks at a payment order shown as a QR code (the countdown moves with them).
    poll_interval_s: ClassVar[float] = 1.0

    # --- guards -----------------------------------------------------------------------------------

    def payment_case_number_ok(self) -> bool:
        """The typed case number parses; its items are looked up."""
        try:
            parsed = case_number.parse(self.field_value(CASE_NUMBER_FIELD))
        except ValueError:
            return self.refuse(CASE_NUMBER_FIELD, "payment.error.case_number_invalid")
        self.data["query"] = ("case", parsed.format())
        return self.accept(CASE_NUMBER_FIELD)

    def payment_case_chosen(self, case_number: str = "") -> bool:
        """One of the visitor's own cases was touched."""
        if case_number not in {case.case_number for case in self.data.get("cases", [])}:
            return False
        self.data["query"] = ("case", case_number)
        return True

    def payment_came_with_card(self) -> bool:
        """Back from the items returns to the visitor's cases when they came with a card."""
        return "cases" in self.data

    def payment_has_items(self) -> bool:
        """A case's items are known (back from a problem returns to them)."""
        return "items" in self.data

    def payment_item_toggled(self, item_id: str = "") -> bool:
        """A due item was touched: it is chosen or no longer chosen."""
        due = [item.item_id for item in self.data.get("items", []) if item.status == "due"]
        if item_id not in due:
            return False
        chosen = set(self.data.get("chosen", ()))
        chosen ^= {item_id}
        self.data["chosen"] = [i for i in due if i in chosen]
        return True

    def payment_items_chosen(self) -> bool:
        """At least one due item is chosen."""
        return bool(self.data.get("chosen"))

    def payment_poll_fresh(self) -> bool:
        """The poll answering belongs to this showing of the QR code (an older one is ignored)."""
        return bool(self.data.get("poll_fresh"))

    def payment_order_pending(self) -> bool:
        return self._order().status == "pending"

    def payment_order_paid(self) -> bool:
        return self._order().status == "paid"

    def payment_charge_paid(self) -> bool:
        return self.data["charge"].status == "paid"

    def payment_receipt_missing(self) -> bool:
        """The receipt did not print: the visitor may try again."""
        return not self.data.get("receipt_printed")

    def payment_resumes_loading(self) -> bool:
        return self.data.get("resume") == "payment_loading"

    def payment_resumes_ordering(self) -> bool:
        return self.data.get("resume") == "payment_ordering"

    def payment_resumes_cancelling(self) -> bool:
        return self.data.get("resume") == "payment_cancelling"

    def payment_resumes_charging(self) -> bool:
        return self.data.get("resume") == "payment_charging"

    # --- device input -------------------------------------------------------------------------

    def on_card(self, card: ResidentCard) -> None:
        """The card holder becomes the applicant for relief; on the find step, their cases are listed."""
        self.data["applicant"] = {"name": card.name, "id_number": card.id_number}
        if self.data.get("card_for") == "cases":
            self.data["query"] = ("cases", card.id_number)
        self.host.send("card_read")

    def on_code(self, symbology: str, text: str) -> None:
        """A payer's code of plausible shape is charged; anything else is refused before it is sent."""
        check = check_payment_code(text)
        if not check.valid:
            assert check.problem is not None
            self.data["code_error"] = f"payment.error.code_{check.problem.value}"
            log.info("payment code refused before sending: %s", check.problem.value)
            return
        self.data.pop("code_error", None)
        self.data["charge_request"] = c.PayerCodePaymentRequest.new(
            self.host.settings.kiosk_id, case_number=self.data["case_number"], item_ids=list(self.data["chosen"]),
            payer_code=text.strip())
        self.host.send("code_read")

    # --- entry actions ------------------------------------------------------------------------

    def on_enter_payment_card(self) -> None:
        self.data["card_for"] = "cases"

    def on_enter_payment_code(self) -> None:
        self.data.pop("code_error", None)

    def on_enter_payment_loading(self) -> None:
        """The visitor's cases, or a case's items with the name of the court that collects them."""
        self.data["resume"] = "payment_loading"
        court = self.host.services.court
        kind, key = self.data["query"]
        if kind == "cases":
            self.host.run_task("payment.cases", lambda: court.cases_of_party(key), "found_cases", "failed",
                               lambda cases: self.data.__setitem__("cases", cases))
        else:
            self.host.run_task("payment.items", lambda: (court.fee_items(key), court.info().court.name),
                               "found_items", "failed", lambda found: self._keep_items(key, *found))

    def _keep_items(self, number: str, items: list[c.FeeItem], court_name: str) -> None:
        """A freshly found case starts with every due item chosen and no payment under way."""
        for stale in ("order_request", "order", "charge_request", "charge", "paid", "receipt_printed"):
            self.data.pop(stale, None)
        self.data.update(case_number=number, items=items, court_name=court_name,
                         chosen=[item.item_id for item in items if item.status == "due"])

    def on_enter_payment_ordering(self) -> None:
        """Ask for a payment order, reusing the request (and its key) while the same items are unsettled."""
        self.data["resume"] = "payment_ordering"
        request: c.PaymentOrderRequest | None = self.data.get("order_request")
        if request is None or request.item_ids != self.data["chosen"]:
            request = c.PaymentOrderRequest.new(self.host.settings.kiosk_id, case_number=self.data["case_number"],
                                                item_ids=list(self.data["chosen"]))
            self.data["order_request"] = request
        court = self.host.services.court
        self.host.run_task("payment.order", lambda: court.create_payment_order(request), "order_created", "failed",
                           self._keep_order)

    def on_enter_payment_qr(self) -> None:
        """Look at the order again after a pause; only the latest look may move the visitor on."""
        token = uuid.uuid4().hex
        self.data.update(poll_token=token, poll_fresh=False)
        court = self.host.services.court
        order_id = self._order().order_id
        pause = self.poll_interval_s

        def work() -> c.PaymentOrder | str:
            time.sleep(pause)
            try:
                return court.payment_order(order_id)
            except CourtFailure as failure:
                return failure.message_key

        def done(result: c.PaymentOrder | str) -> None:
            if self.data.get("poll_token") != token:
                return
            if isinstance(result, str):
                self.data["poll_trouble"] = result
            else:
                self.data.pop("poll_trouble", None)
                self._keep_order(result)
            self.data["poll_fresh"] = True

        self.host.run_task("payment.poll", work, "polled", "failed", done)

    def on_enter_payment_cancelling(self) -> None:
        """Cancel the order; the court may answer that it was paid just before."""
        self.data["resume"] = "payment_cancelling"
        court = self.host.services.court
        order_id = self._order().order_id
        self.host.run_task("payment.cancel", lambda: court.cancel_payment_order(order_id), "cancelled", "failed",
                           self._keep_order)

    def on_enter_payment_ended(self) -> None:
        """An expired or cancelled order is settled: a new attempt needs a new order."""
        self.data.pop("order_request", None)

    def on_enter_payment_charging(self) -> None:
        """Charge the payer's code; Try again resends the same request."""
        self.data["resume"] = "payment_charging"
        request: c.PayerCodePaymentRequest = self.data["charge_request"]
        court = self.host.services.court
        self.host.run_task("payment.charge", lambda: court.pay_with_payer_code(request), "charged", "failed",
                           self._keep_charge)

    def on_enter_payment_printing(self) -> None:
        """Print the 80 mm receipt of the confirmed payment."""
        self.data.pop("problem", None)
        receipt: PaymentReceipt = self.data["paid"]
        printer = self.host.devices.driver(PRINTER_ROLE)
        temp_dir = self.host.visit.temp_dir

        def work() -> None:
            if printer is None:
                raise DeviceError("payment.error.receipt_not_printed", "no receipt printer")
            print_receipt(receipt, temp_dir, printer)  # type: ignore[arg-type]

        self.host.run_task("payment.print", work, "printed", "print_failed",
                           lambda _: self.data.__setitem__("receipt_printed", True))

    # --- court answers ------------------------------------------------------------------------

    def _order(self) -> c.PaymentOrder:
        order: c.PaymentOrder = self.data["order"]
        return order

    def _keep_order(self, order: c.PaymentOrder) -> None:
        self.data["order"] = order
        if order.status == "paid" and order.settled_at is not None:
            self.data.pop("order_request", None)
            self._record_paid(order.order_id, "qr", order.item_ids, order.amount, order.settled_at)

    def _keep_charge(self, charge: c.PayerCodePayment) -> None:
        """The outcome is known either way, so the request is spent."""
        self.data["charge"] = charge
        self.data.pop("charge_request", None)
        if charge.status == "paid":
            self._record_paid(charge.payment_id, charge.channel, charge.item_ids, charge.amount, charge.decided_at)

    def _record_paid(self, reference: str, method: str, item_ids: list[str], amount: Decimal, paid_at: datetime) -> None:
        items = [item for item in self.data.get("items", []) if item.item_id in item_ids]
        self.data["paid"] = PaymentReceipt(
            court_name=self.data.get("court_name", ""), case_number=self.data["case_number"],
            items=tuple((item.description, item.amount) for item in items), amount=amount, method=method,
            reference=reference, paid_at=paid_at, kiosk_id=self.host.settings.kiosk_id)
        self.data["chosen"] = []
        self.data.pop("receipt_printed", None)
