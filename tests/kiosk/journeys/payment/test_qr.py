"""Paying by the court's payment order shown as a QR code: paid, expired, cancelled — headless, demo court."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from kiosk.controller import KioskController
from kiosk.court.demo import DemoCourt
from kiosk.journeys.payment.presenters import qr_payload
from kiosk.presenters import ScreenContext
from kiosk.session import Preferences
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import printed_text
from tests.kiosk.journeys.payment.conftest import CourtSpy, at, case_number, journey, keys_of, to_items


def payload_on_screen(controller: KioskController) -> str | None:
    ctx = ScreenContext(screen=controller.screen, step=controller.flow.step, preferences=Preferences(),
                        languages=("zh_CN",), journeys=controller.visit.journeys)
    return qr_payload(ctx)


def test_a_chosen_item_paid_by_qr_prints_a_receipt_only_after_the_court_confirms(
        controller: KioskController, loop: UiLoop, court: DemoCourt, spy: CourtSpy) -> None:
    number = case_number(court)
    to_items(controller, loop, number)
    assert journey(controller)["chosen"] == ["F1001", "F1002"]  # every due item, at first
    controller.intent("toggle_item", item_id="F1002")  # only the acceptance fee today
    assert "payment.row.total" in keys_of(controller)
    total = next(t for t in controller.model().body if t.key == "payment.row.total")
    assert total.params["amount"] == "¥2,300.00"
    controller.intent("pay_by_qr")
    loop.pump(at(controller, "payment_qr"))
    order = journey(controller)["order"]
    assert order.amount == Decimal("2300.00") and order.item_ids == ["F1001"]
    assert payload_on_screen(controller) == order.qr_payload
    assert any(t.key == "payment.body.countdown" for t in controller.model().body)
    loop.pump(lambda: len(spy.called("payment_order")) >= 3)  # the kiosk keeps looking; nobody has paid
    assert controller.flow.step == "payment_qr"
    assert "paid" not in journey(controller) and "payment.title.paid" not in keys_of(controller)

    court.settle_payment(order.order_id, "paid")  # the visitor paid on their phone
    loop.pump(at(controller, "payment_done"))
    assert keys_of(controller)[:2] == ["payment.title.paid", "payment.body.paid"]
    assert "payment.body.receipt_printed" in keys_of(controller)
    assert {item.item_id: item.status for item in court.fee_items(number)} == {"F1001": "paid", "F1002": "due"}
    receipt = printed_text(controller, "receipt_printer")
    assert "诉讼费缴费回执" in receipt and number in receipt and "北京" in receipt
    assert "案件受理费" in receipt and "¥2,300.00" in receipt and "公告费" not in receipt
    assert "贰仟叁佰元整" in receipt and "扫码支付" in receipt and order.order_id in receipt
    assert f"{datetime.now().year}年" in receipt and "缴费时间" in receipt


def test_an_order_that_expires_on_the_courts_clock_pays_nothing_and_a_new_one_can_be_made(
        controller: KioskController, loop: UiLoop) -> None:
    now = [datetime.now(UTC)]
    court = DemoCourt(":memory:", clock=lambda: now[0], payment_ttl=timedelta(minutes=15))
    controller.services.court = court
    to_items(controller, loop, case_number(court))
    controller.intent("pay_by_qr")
    loop.pump(at(controller, "payment_qr"))
    first = journey(controller)["order"]
    now[0] += timedelta(minutes=16)
    loop.pump(at(controller, "payment_ended"))
    assert keys_of(controller)[:2] == ["payment.title.expired", "payment.body.expired"]
    assert payload_on_screen(controller) is None
    assert all(item.status == "due" for item in court.fee_items(first.case_number))
    assert printed_text(controller, "receipt_printer") == ""
    controller.intent("pay_by_qr")
    loop.pump(at(controller, "payment_qr"))
    assert journey(controller)["order"].order_id != first.order_id


def test_the_visitor_cancels_the_order_and_the_court_cancels_it(
        controller: KioskController, loop: UiLoop, court: DemoCourt) -> None:
    to_items(controller, loop, case_number(court))
    controller.intent("pay_by_qr")
    loop.pump(at(controller, "payment_qr"))
    order_id = journey(controller)["order"].order_id
    assert "cancel_payment" in {a.intent for a in controller.model().actions}
    controller.intent("cancel_payment")
    loop.pump(at(controller, "payment_ended"))
    assert keys_of(controller)[:2] == ["payment.title.cancelled", "payment.body.cancelled"]
    assert court.payment_order(order_id).status == "cancelled"
    controller.intent("back")
    assert controller.flow.step == "payment_items"


def test_cancelling_an_order_the_visitor_had_just_paid_ends_with_the_receipt(
        controller: KioskController, loop: UiLoop, court: DemoCourt, spy: CourtSpy) -> None:
    to_items(controller, loop, case_number(court))
    controller.intent("pay_by_qr")
    loop.pump(at(controller, "payment_qr"))
    order_id = journey(controller)["order"].order_id
    court.settle_payment(order_id, "paid")
    controller.intent("cancel_payment")  # too late: the phone had already paid
    loop.pump(at(controller, "payment_done"))
    assert spy.called("cancel_payment_order")
    assert journey(controller)["paid"].reference == order_id
    assert order_id in printed_text(controller, "receipt_printer")
