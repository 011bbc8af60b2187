"""What each payment step shows and says (the fee-relief steps are in ``relief_presenters``)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from kiosk.domain.money import format_yuan
from kiosk.i18n import Text
from kiosk.journeys.payment.effects import CASE_NUMBER_FIELD
from kiosk.journeys.payment.receipt import PaymentReceipt
from kiosk.journeys.payment.relief_presenters import RELIEF_PRESENTERS
from kiosk.journeys.payment.view import data_of, screen, waiting
from kiosk.presenters.model import Action, ScreenContext, ScreenModel
from kiosk.textinput.layouts import FieldType

#: Court failures after which it is unknown whether the money moved: Try again asks the same question.
UNCONFIRMED_STEPS = frozenset({"payment_ordering", "payment_cancelling", "payment_charging"})


def qr_payload(ctx: ScreenContext) -> str | None:
    """The payment order's QR content, which the QR screen shows as a code to scan."""
    order = data_of(ctx).get("order")
    return order.qr_payload if order is not None and order.status == "pending" else None


def menu(ctx: ScreenContext) -> ScreenModel:
    """Two ways to find the case to pay for."""
    return screen(ctx, "payment.title.menu", (Text("payment.body.menu"),), (
        Action("by_number", Text("payment.button.by_number"), "primary"),
        Action("by_card", Text("payment.button.by_card"), "primary"),
    ))


def number(ctx: ScreenContext) -> ScreenModel:
    """The case-number field with its pad."""
    field = ctx.text_field(CASE_NUMBER_FIELD, Text("payment.field.case_number"), FieldType.CASE_NUMBER.value)
    return screen(ctx, "payment.title.number", (Text("payment.body.number"),),
                  (Action("submit", Text("button.search"), "primary"),), fields=(field,))


def card(ctx: ScreenContext) -> ScreenModel:
    """Place the ID card on the reader."""
    return screen(ctx, "payment.title.card", (Text("payment.body.card"),))


def loading(ctx: ScreenContext) -> ScreenModel:
    return waiting(ctx, "title.please_wait", "body.asking_court")


def cases(ctx: ScreenContext) -> ScreenModel:
    """The visitor's cases, one button each."""
    found = data_of(ctx).get("cases", [])
    actions = tuple(Action("choose_case", Text("payment.case_line", {"number": case.case_number, "cause": case.cause}),
                           "primary", {"case_number": case.case_number}) for case in found)
    body = (Text("payment.body.cases", {"count": len(found)}),) if found else (Text("payment.body.no_cases"),)
    return screen(ctx, "payment.title.cases", body, actions)


def items(ctx: ScreenContext) -> ScreenModel:
    """The case's items: due ones to choose (all chosen at first), paid ones for information."""
    data = data_of(ctx)
    found = data.get("items", [])
    chosen = set(data.get("chosen", ()))
    due = [item for item in found if item.status == "due"]
    body: list[Text] = [Text("payment.row.case", {"number": data.get("case_number", "")})]
    body += [Text(f"payment.item.{item.status}", {"item": item.description, "amount": format_yuan(item.amount)})
             for item in found if item.status != "due"]
    if due:
        total = sum((item.amount for item in due if item.item_id in chosen), Decimal("0"))
        body += [Text("payment.body.choose_items"), Text("payment.row.total", {"amount": format_yuan(total)})]
    else:
        body.append(Text("payment.body.nothing_due"))
    toggles = tuple(Action("toggle_item", Text("payment.item.due", {"item": item.description,
                                                                     "amount": format_yuan(item.amount)}),
                           "toggle", {"item_id": item.item_id}, checked=item.item_id in chosen) for item in due)
    ways = (
        Action("pay_by_qr", Text("payment.button.pay_by_qr"), "primary", enabled=bool(chosen)),
        Action("pay_by_code", Text("payment.button.pay_by_code"), "primary", enabled=bool(chosen)),
        Action("apply_relief", Text("payment.button.apply_relief")),
    ) if due else ()
    return screen(ctx, "payment.title.items", tuple(body), (*toggles, *ways))


def ordering(ctx: ScreenContext) -> ScreenModel:
    return waiting(ctx, "title.please_wait", "payment.body.ordering")


def countdown(expires_at: datetime, now: datetime | None = None) -> str:
    """Minutes and seconds until the order expires, never below zero: 14:05."""
    left = max(0, int((expires_at - (now or datetime.now(UTC))).total_seconds()))
    return f"{left // 60}:{left % 60:02d}"


def qr(ctx: ScreenContext) -> ScreenModel:
    """The court's payment order as a QR code, its amount and how long it stays valid."""
    data = data_of(ctx)
    order = data["order"]
    body = [Text("payment.body.qr"), Text("payment.row.amount", {"amount": format_yuan(order.amount)}),
            Text("payment.body.countdown", {"time": countdown(order.expires_at)})]
    if data.get("poll_trouble"):
        body.append(Text("payment.body.poll_trouble"))
    return screen(ctx, "payment.title.qr", tuple(body),
                  (Action("cancel_payment", Text("payment.button.cancel_payment"), "danger"),), home=False,
                  qr_payload=qr_payload(ctx))


def cancelling(ctx: ScreenContext) -> ScreenModel:
    return waiting(ctx, "title.please_wait", "payment.body.cancelling")


def code(ctx: ScreenContext) -> ScreenModel:
    """Show the payer's code to the scanner; a code of the wrong shape is refused here."""
    data = data_of(ctx)
    total = sum((item.amount for item in data.get("items", []) if item.item_id in set(data.get("chosen", ()))),
                Decimal("0"))
    body = [Text("payment.body.code"), Text("payment.row.amount", {"amount": format_yuan(total)})]
    if data.get("code_error"):
        body.append(Text(data["code_error"]))
    return screen(ctx, "payment.title.code", tuple(body))


def charging(ctx: ScreenContext) -> ScreenModel:
    return waiting(ctx, "title.please_wait", "payment.body.charging")


def declined(ctx: ScreenContext) -> ScreenModel:
    """The payment platform refused: try another code or the QR code."""
    charge = data_of(ctx).get("charge")
    reason = charge.message_key if charge is not None and charge.message_key else "court.payment.declined"
    return screen(ctx, "payment.title.declined", (Text(reason), Text("payment.body.declined")), (
        Action("retry_code", Text("payment.button.retry_code"), "primary"),
        Action("pay_by_qr", Text("payment.button.pay_by_qr"), "primary"),
    ))


def ended(ctx: ScreenContext) -> ScreenModel:
    """The order expired or was cancelled: nothing was paid."""
    order = data_of(ctx).get("order")
    status = "expired" if order is not None and order.status == "expired" else "cancelled"
    return screen(ctx, f"payment.title.{status}", (Text(f"payment.body.{status}"),), (
        Action("pay_by_qr", Text("payment.button.pay_by_qr"), "primary"),
        Action("pay_by_code", Text("payment.button.pay_by_code"), "primary"),
    ))


def printing(ctx: ScreenContext) -> ScreenModel:
    return waiting(ctx, "payment.title.paid", "payment.body.printing")


def done(ctx: ScreenContext) -> ScreenModel:
    """The court confirmed the payment; the receipt is printed, or why not and print again."""
    data = data_of(ctx)
    paid: PaymentReceipt = data["paid"]
    body = [Text("payment.body.paid"), Text("payment.row.case", {"number": paid.case_number}),
            Text("payment.row.amount", {"amount": format_yuan(paid.amount)}),
            Text("payment.row.reference", {"reference": paid.reference})]
    actions: list[Action] = []
    if data.get("receipt_printed"):
        body.append(Text("payment.body.receipt_printed"))
    else:
        body.append(Text(data.get("problem", "payment.error.receipt_not_printed")))
        actions.append(Action("print_receipt", Text("payment.button.print_receipt"), "primary"))
    actions.append(Action("finish", Text("button.end_visit")))
    return screen(ctx, "payment.title.paid", tuple(body), tuple(actions), back=False)


def problem(ctx: ScreenContext) -> ScreenModel:
    """What went wrong and what to do; after a lost answer, Try again cannot pay twice."""
    data = data_of(ctx)
    body = [Text(data.get("problem", "court.error.unknown"))]
    body.append(Text("payment.body.unconfirmed" if data.get("resume") in UNCONFIRMED_STEPS else "body.problem_next"))
    return screen(ctx, "title.problem", tuple(body), (Action("retry", Text("payment.button.retry"), "primary"),))


PRESENTERS = {
    "payment_menu": menu,
    "payment_number": number,
    "payment_card": card,
    "payment_loading": loading,
    "payment_cases": cases,
    "payment_items": items,
    "payment_ordering": ordering,
    "payment_qr": qr,
    "payment_cancelling": cancelling,
    "payment_code": code,
    "payment_charging": charging,
    "payment_declined": declined,
    "payment_ended": ended,
    "payment_printing": printing,
    "payment_done": done,
    "payment_problem": problem,
    **RELIEF_PRESENTERS,
}
