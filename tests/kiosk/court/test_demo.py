"""The demo court on its own: deterministic seed, persistence, payment expiry and auto-pay on its clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from kiosk.court import contract as c
from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import LAWYER, LI, WANG, ZHANG, ZHAO
from tests.kiosk.court.samples import work_order

START = datetime(2024, 6, 3, 1, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def gb11643_valid(number: str) -> bool:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(d) * w for d, w in zip(number[:17], weights, strict=True)) % 11] == number[17]


def test_fixture_people_have_valid_id_numbers() -> None:
    assert all(gb11643_valid(p.id_number) for p in (ZHANG, LI, WANG, ZHAO, LAWYER))


def test_seeding_is_deterministic_for_a_day() -> None:
    one, two = DemoCourt(clock=Clock()), DemoCourt(clock=Clock())
    number = "（2024）京0191民初1024号"
    assert one.case(number, ZHANG.id_number) == two.case(number, ZHANG.id_number)
    assert one.document_pdf("D2001", ZHANG.id_number) == two.document_pdf("D2001", ZHANG.id_number)


def test_a_court_file_keeps_its_state_and_is_not_reseeded(tmp_path: Path) -> None:
    clock = Clock()
    first = DemoCourt(tmp_path / "court.sqlite3", clock=clock)
    order = first.create_payment_order(c.PaymentOrderRequest.new(
        "k", case_number="（2024）京0191民初1024号", item_ids=["F1001"]))
    first.settle_payment(order.order_id, "paid")
    again = DemoCourt(tmp_path / "court.sqlite3", clock=clock)
    assert again.payment_order(order.order_id).status == "paid"
    assert len(again.courts()) == 6


def test_an_unpaid_order_expires_on_the_court_clock() -> None:
    clock = Clock()
    court = DemoCourt(clock=clock, payment_ttl=timedelta(minutes=5))
    order = court.create_payment_order(c.PaymentOrderRequest.new(
        "k", case_number="（2024）京0191民初1024号", item_ids=["F1001", "F1002"]))
    assert order.amount == Decimal("2600.00")
    clock.now += timedelta(minutes=4, seconds=59)
    assert court.payment_order(order.order_id).status == "pending"
    clock.now += timedelta(seconds=1)
    expired = court.payment_order(order.order_id)
    assert expired.status == "expired" and expired.settled_at is not None


def test_auto_pay_lets_a_demo_visitor_see_a_payment_succeed() -> None:
    clock = Clock()
    court = DemoCourt(clock=clock, auto_pay_after=timedelta(seconds=8))
    order = court.create_payment_order(c.PaymentOrderRequest.new(
        "k", case_number="（2024）京0191民初1187号", item_ids=["F1003"]))
    clock.now += timedelta(seconds=8)
    assert court.payment_order(order.order_id).status == "paid"
    assert court.fee_items("（2024）京0191民初1187号")[0].item_id == "F1004"


def test_an_agent_sees_the_party_view() -> None:
    view = DemoCourt(clock=Clock()).case("(2024)京0191民初1187号", LAWYER.id_number)
    assert view.detail == "party" and not any(p.is_you for p in view.parties)


def test_a_work_order_past_its_time_limit_is_overdue() -> None:
    clock = Clock()
    court = DemoCourt(clock=clock, time_limits_h={"complaint_suggestion": 2})
    receipt = court.submit_work_order(work_order("k", "complaint_suggestion"))
    assert receipt.time_limit_hours == 2
    clock.now += timedelta(hours=2, minutes=1)
    assert court.work_order(receipt.tracking_number).overdue
