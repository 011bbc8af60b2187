"""Paying by the payer's code (付款码) read by the scanner: accepted, declined, refused before sending."""

from __future__ import annotations

import threading

import pytest

from kiosk.controller import KioskController
from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import ZHANG
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card, printed_text
from tests.kiosk.journeys.payment.conftest import (
    DECLINED_CODE,
    WECHAT_CODE,
    CourtSpy,
    at,
    case_number,
    journey,
    keys_of,
    scan,
    to_items,
)


def test_by_id_card_a_party_pays_with_a_wechat_code_and_gets_the_receipt(
        controller: KioskController, loop: UiLoop, court: DemoCourt, spy: CourtSpy) -> None:
    number = case_number(court)
    controller.intent("start_visit")
    controller.intent("choose_payment")
    controller.intent("by_card")
    present_card(controller, card_of(ZHANG))
    loop.pump(at(controller, "payment_cases"))
    assert number in {a.params["case_number"] for a in controller.model().actions}
    controller.intent("choose_case", case_number=number)
    loop.pump(at(controller, "payment_items"))
    controller.intent("pay_by_code")
    assert controller.flow.step == "payment_code"
    spy.hold["pay_with_payer_code"] = threading.Event()  # the payment platform takes its time
    scan(controller, WECHAT_CODE)
    loop.pump(at(controller, "payment_charging"))
    loop.pump(lambda: bool(spy.called("pay_with_payer_code")))
    assert controller.flow.step == "payment_charging"  # no "paid" while the court has not answered
    assert "paid" not in journey(controller) and "payment.title.paid" not in keys_of(controller)
    spy.hold["pay_with_payer_code"].set()
    loop.pump(at(controller, "payment_done"))
    assert all(item.status == "paid" for item in court.fee_items(number))
    receipt = printed_text(controller, "receipt_printer")
    assert "微信付款码" in receipt and "¥2,600.00" in receipt and "贰仟陆佰元整" in receipt
    assert journey(controller)["paid"].reference in receipt
    assert WECHAT_CODE not in receipt and ZHANG.name not in receipt  # neither the code nor the person is printed


def test_a_declined_code_takes_no_money_and_another_code_can_be_shown(
        controller: KioskController, loop: UiLoop, court: DemoCourt) -> None:
    number = case_number(court)
    to_items(controller, loop, number)
    controller.intent("pay_by_code")
    scan(controller, DECLINED_CODE)
    loop.pump(at(controller, "payment_declined"))
    assert keys_of(controller)[:2] == ["payment.title.declined", "court.payment.declined"]
    assert all(item.status == "due" for item in court.fee_items(number))
    assert printed_text(controller, "receipt_printer") == ""
    controller.intent("retry_code")
    assert controller.flow.step == "payment_code"
    scan(controller, WECHAT_CODE)
    loop.pump(at(controller, "payment_done"))
    assert all(item.status == "paid" for item in court.fee_items(number))


@pytest.mark.parametrize(("shown", "problem"), [
    ("https://example.com/pay", "payment.error.code_not_digits"),
    ("9912345678901234", "payment.error.code_unknown_provider"),
    ("1345678901234", "payment.error.code_length"),
])
def test_a_code_of_implausible_shape_is_refused_on_screen_and_never_sent(
        controller: KioskController, loop: UiLoop, court: DemoCourt, spy: CourtSpy, shown: str, problem: str) -> None:
    to_items(controller, loop, case_number(court))
    controller.intent("pay_by_code")
    scan(controller, shown)
    loop.pump(lambda: "code_error" in journey(controller))
    assert controller.flow.step == "payment_code"
    assert problem in keys_of(controller)
    assert spy.called("pay_with_payer_code") == []
