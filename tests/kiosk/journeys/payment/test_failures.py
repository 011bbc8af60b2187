"""A court that loses an answer, times out or answers garbage in the middle of a payment."""

from __future__ import annotations

import pytest

from kiosk.controller import KioskController
from kiosk.court.demo import DemoCourt
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import printed_text
from tests.kiosk.journeys.lookup.test_lookup import broken_court, closed_port  # noqa: F401 - the fixture
from tests.kiosk.journeys.payment.conftest import (
    WECHAT_CODE,
    CourtSpy,
    at,
    case_number,
    journey,
    keys_of,
    scan,
    to_items,
)


def payer_code_payments(court: DemoCourt) -> int:
    """How many payer's-code payments the court holds (read from its own database)."""
    with court._store.transaction() as db:  # noqa: SLF001 - checking at the court itself
        return int(db.execute("SELECT COUNT(*) FROM payer_code_payments").fetchone()[0])


def test_a_payment_whose_answer_was_lost_is_asked_again_with_the_same_key_and_paid_once(
        controller: KioskController, loop: UiLoop, court: DemoCourt, spy: CourtSpy) -> None:
    number = case_number(court)
    to_items(controller, loop, number)
    controller.intent("pay_by_code")
    spy.lose_answer_of.add("pay_with_payer_code")  # the court charged, but its answer never arrived
    scan(controller, WECHAT_CODE)
    loop.pump(at(controller, "payment_problem"))
    assert keys_of(controller)[1:] == ["court.error.timeout", "payment.body.unconfirmed"]
    assert "paid" not in journey(controller)
    controller.intent("retry")
    loop.pump(at(controller, "payment_done"))
    first, second = (args[0] for args in spy.called("pay_with_payer_code"))
    assert first == second  # the very same request, idempotency key included
    assert payer_code_payments(court) == 1
    assert all(item.status == "paid" for item in court.fee_items(number))
    assert printed_text(controller, "receipt_printer").count("诉讼费缴费回执") == 1


def test_a_payment_order_whose_answer_was_lost_is_the_same_order_when_asked_again(
        controller: KioskController, loop: UiLoop, court: DemoCourt, spy: CourtSpy) -> None:
    to_items(controller, loop, case_number(court))
    spy.lose_answer_of.add("create_payment_order")
    controller.intent("pay_by_qr")
    loop.pump(at(controller, "payment_problem"))
    assert "payment.body.unconfirmed" in keys_of(controller)
    controller.intent("retry")
    loop.pump(at(controller, "payment_qr"))
    first, second = (args[0] for args in spy.called("create_payment_order"))
    assert first.idempotency_key == second.idempotency_key
    order = journey(controller)["order"]
    assert court.create_payment_order(first).order_id == order.order_id == "P10000001"


@pytest.mark.parametrize("kind", ["garbage", "down"])
def test_a_broken_court_while_paying_is_explained_and_the_visitors_choices_are_kept(
        controller: KioskController, loop: UiLoop, court: DemoCourt, broken_court: str, kind: str) -> None:  # noqa: F811
    number = case_number(court)
    to_items(controller, loop, number)
    controller.intent("toggle_item", item_id="F1002")
    url = broken_court if kind == "garbage" else closed_port()
    controller.services.court = HttpCourtGateway(url, HttpOptions(connect_timeout_s=0.5, read_timeout_s=1, retries=0))
    controller.intent("pay_by_code")
    scan(controller, WECHAT_CODE)
    loop.pump(at(controller, "payment_problem"))
    expected = "court.error.malformed" if kind == "garbage" else "court.error.unavailable"
    assert keys_of(controller)[1:] == [expected, "payment.body.unconfirmed"]
    controller.services.court = court  # the court is back
    controller.intent("retry")
    loop.pump(at(controller, "payment_done"))
    assert {item.item_id: item.status for item in court.fee_items(number)} == {"F1001": "paid", "F1002": "due"}


@pytest.mark.parametrize("kind", ["garbage", "down"])
def test_a_broken_court_while_finding_the_case_keeps_the_typed_number(
        controller: KioskController, loop: UiLoop, court: DemoCourt, broken_court: str, kind: str) -> None:  # noqa: F811
    url = broken_court if kind == "garbage" else closed_port()
    controller.services.court = HttpCourtGateway(url, HttpOptions(connect_timeout_s=0.5, read_timeout_s=1, retries=0))
    controller.intent("start_visit")
    controller.intent("choose_payment")
    controller.intent("by_number")
    controller.intent("edit_field", field="payment.case_number", value="（2026）京0191民初1024号")
    controller.intent("submit")
    loop.pump(at(controller, "payment_problem"))
    assert keys_of(controller)[1:] == [
        "court.error.malformed" if kind == "garbage" else "court.error.unavailable", "body.problem_next"]
    controller.intent("back")
    controller.intent("by_number")
    assert controller.model().fields[0].value == "（2026）京0191民初1024号"


def test_while_the_court_cannot_be_reached_the_qr_stays_and_the_payment_is_still_recognised(
        controller: KioskController, loop: UiLoop, court: DemoCourt, spy: CourtSpy) -> None:
    to_items(controller, loop, case_number(court))
    controller.intent("pay_by_qr")
    loop.pump(at(controller, "payment_qr"))
    order_id = journey(controller)["order"].order_id
    controller.services.court = HttpCourtGateway(closed_port(), HttpOptions(connect_timeout_s=0.5, retries=0))
    loop.pump(lambda: "poll_trouble" in journey(controller))
    assert controller.flow.step == "payment_qr"
    assert "payment.body.poll_trouble" in keys_of(controller)
    court.settle_payment(order_id, "paid")  # paid on the phone meanwhile
    controller.services.court = spy
    loop.pump(at(controller, "payment_done"))
    assert "payment.body.poll_trouble" not in keys_of(controller)
    assert order_id in printed_text(controller, "receipt_printer")
