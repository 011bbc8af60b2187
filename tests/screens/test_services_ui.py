"""Work orders, queue tickets and the rating driven by simulated touches in the real app under Xvfb."""

from __future__ import annotations

import json

from tests.screens.conftest import RunScript
from tests.screens.scripts_services import MESSAGE


def test_a_work_order_typed_by_touch_prints_a_slip_and_its_qr_shows_the_reply(run_in_app: RunScript) -> None:
    results = run_in_app("tests.screens.scripts_services:work_order_by_touch")
    assert results["typed"]["work_order.phone"] == "13800138000"
    assert results["typed"]["work_order.message"] == MESSAGE
    assert results["tracking_number"].startswith("GD")
    assert results["printed"] == 1
    assert results["state"] == "replied"


def test_an_elderly_visitor_gets_a_priority_ticket_by_touch(run_in_app: RunScript) -> None:
    results = run_in_app("tests.screens.scripts_services:queue_ticket_elderly_by_touch")
    assert results["first_before_card"] == "take_ticket-none"
    assert results["number"].startswith("VA") and results["printed"] == 1


def test_a_rating_by_touch_reaches_the_court(run_in_app: RunScript) -> None:
    results = run_in_app("tests.screens.scripts_services:rating_by_touch")
    (rating,) = [json.loads(text) for text in results["ratings"]]
    assert (rating["score"], rating["reasons"], rating["journey"]) == (5, ["easy"], "other")
