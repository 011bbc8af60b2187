"""Queue tickets from attract to the printed ticket: regular, priority (elderly by ID card), offline, broken court."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from kiosk.controller import KioskController
from kiosk.court.demo.seed import LI, ZHANG
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from kiosk.journeys.queue_ticket.counter import COUNTER_FILE, LocalCounter
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card, printed_text
from tests.kiosk.journeys.lookup.test_lookup import broken_court, closed_port  # noqa: F401 - the fixture


def at(controller: KioskController, step: str):
    return lambda: controller.flow.step == step


def journey(controller: KioskController) -> dict:
    return controller.visit.journeys["queue_ticket"]


def to_priority_step(controller: KioskController, service: str = "filing") -> None:
    controller.intent("choose_queue_ticket")
    controller.intent("choose_service", service=service)
    assert controller.flow.step == "queue_ticket_priority"


def take(controller: KioskController, loop: UiLoop, priority: str) -> None:
    controller.intent("take_ticket", priority=priority)
    loop.pump(at(controller, "queue_ticket_done"))


def test_a_regular_number_from_the_court_with_the_people_ahead(controller: KioskController, loop: UiLoop) -> None:
    controller.intent("start_visit")
    to_priority_step(controller, "payment")
    model = controller.model()
    assert model.actions[0].widget_id == "take_ticket-none"
    assert not journey(controller)["elderly"]
    take(controller, loop, "none")
    ticket = journey(controller)["ticket"]
    assert ticket.number.startswith("C") and ticket.priority == "none" and ticket.people_ahead is not None
    assert journey(controller)["printed"]
    printed = printed_text(controller, "receipt_printer")
    assert ticket.number in printed and f"您前面还有 {ticket.people_ahead} 人等候" in printed
    assert controller.model().title.params["number"] == ticket.number


def test_an_id_card_of_someone_over_60_offers_the_elderly_priority_by_itself(
        controller: KioskController, loop: UiLoop) -> None:
    controller.intent("start_visit")
    to_priority_step(controller)
    present_card(controller, card_of(LI))  # born 1956
    loop.pump(lambda: journey(controller)["elderly"])
    model = controller.model()
    assert model.actions[0].widget_id == "take_ticket-elderly" and model.actions[0].role == "primary"
    assert "queue_ticket.body.elderly_offered" in [t.key for t in model.body]
    assert "elderly_mode" in [a.intent for a in model.actions]
    take(controller, loop, "elderly")
    ticket = journey(controller)["ticket"]
    assert ticket.number.startswith("VA") and ticket.priority == "elderly"
    printed = printed_text(controller, "receipt_printer")
    assert "老年人优先" in printed and LI.name not in printed


@pytest.mark.parametrize(("person", "elderly"), [(LI, True), (ZHANG, False)], ids=["born_1956", "born_1985"])
def test_a_card_read_earlier_in_the_visit_counts_and_a_younger_visitor_is_not_offered_it(
        controller: KioskController, loop: UiLoop, person, elderly: bool) -> None:
    controller.intent("start_visit")
    controller.intent("choose_lookup")
    controller.intent("by_card")
    present_card(controller, card_of(person))
    loop.pump(at(controller, "lookup_cases"))
    controller.intent("go_home")
    to_priority_step(controller)
    assert journey(controller)["elderly"] is elderly
    assert (controller.model().actions[0].widget_id == "take_ticket-elderly") is elderly


def test_other_priorities_go_first_in_the_court_queue(controller: KioskController, loop: UiLoop) -> None:
    controller.intent("start_visit")
    to_priority_step(controller, "consultation")
    take(controller, loop, "pregnant")
    ticket = journey(controller)["ticket"]
    assert ticket.number.startswith("VB") and ticket.people_ahead == 0


def test_with_the_court_offline_the_kiosk_counter_numbers_and_resets_each_day(
        controller: KioskController, loop: UiLoop) -> None:
    controller.services.court = HttpCourtGateway(closed_port(), HttpOptions(connect_timeout_s=0.5, retries=0))
    controller.intent("start_visit")
    numbers = []
    for _ in range(2):
        to_priority_step(controller)
        take(controller, loop, "none")
        numbers.append(journey(controller)["ticket"].number)
        assert journey(controller)["ticket"].offline
        assert "queue_ticket.body.offline" in [t.key for t in controller.model().body]
        controller.intent("go_home")
    assert numbers == ["KA001", "KA002"]
    assert "本号由自助终端发" in printed_text(controller, "receipt_printer")
    saved = controller.settings.resolved_data_dir() / COUNTER_FILE
    state = json.loads(saved.read_text())
    saved.write_text(json.dumps({**state, "day": (date.today() - timedelta(days=1)).isoformat()}))
    to_priority_step(controller)
    take(controller, loop, "elderly")
    assert journey(controller)["ticket"].number == "KA001"


def test_the_local_counter_survives_a_restart_and_keeps_services_apart(tmp_path: Path) -> None:
    day = date(2025, 3, 14)
    first = LocalCounter(tmp_path, lambda: day)
    assert [first.take("filing"), first.take("filing"), first.take("payment")] == ["KA001", "KA002", "KC001"]
    assert LocalCounter(tmp_path, lambda: day).take("filing") == "KA003"
    assert LocalCounter(tmp_path, lambda: day + timedelta(days=1)).take("filing") == "KA001"
    (tmp_path / COUNTER_FILE).write_text("{broken")
    assert LocalCounter(tmp_path, lambda: day).take("filing") == "KA001"


@pytest.mark.usefixtures("broken_court")
def test_a_court_answering_garbage_is_explained_and_try_again_sends_the_same_request(
        controller: KioskController, loop: UiLoop, broken_court: str) -> None:  # noqa: F811
    demo = controller.services.court
    controller.services.court = HttpCourtGateway(broken_court, HttpOptions(read_timeout_s=1, retries=0))
    controller.intent("start_visit")
    to_priority_step(controller, "contact_judge")
    controller.intent("take_ticket", priority="military")
    loop.pump(at(controller, "queue_ticket_problem"))
    assert journey(controller)["problem"] == "court.error.malformed"
    assert [t.key for t in controller.model().body] == ["court.error.malformed", "queue_ticket.body.problem"]
    request = journey(controller)["request"]
    controller.services.court = demo
    controller.intent("retry_ticket")
    loop.pump(at(controller, "queue_ticket_done"))
    ticket = journey(controller)["ticket"]
    assert ticket.service == "contact_judge" and ticket.priority == "military"
    assert journey(controller)["request"] is request
    assert demo.take_queue_ticket(request).number == ticket.number  # the same key: the same ticket
