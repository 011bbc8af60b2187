"""A work order done with the keypad: the case number is chosen from the requester's cases, not typed."""

from __future__ import annotations

from kiosk.controller import KioskController
from kiosk.court.demo.seed import ZHANG
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card
from tests.kiosk.journeys.lookup.test_lookup import closed_port
from tests.kiosk.journeys.work_order.test_work_order import at, journey, start_work_order

CASE_NUMBER = "work_order.case_number"


def keypad_to(controller: KioskController, widget_id: str) -> None:
    """Arrow down to ``widget_id`` and press Enter, as the tactile keypad does."""
    for _ in controller.model().focus_order():
        if controller.focused_widget == widget_id:
            break
        controller.intent("focus_next")
    assert controller.focused_widget == widget_id, f"{widget_id} out of the keypad's reach"
    controller.intent("activate")


def choices(controller: KioskController) -> list[str]:
    return [a.params["value"] for a in controller.model().actions if a.intent == "edit_field"]


def test_the_requesters_cases_are_offered_and_a_file_borrowing_completes_by_keypad(
        controller: KioskController, loop: UiLoop) -> None:
    start_work_order(controller, "file_borrowing")
    present_card(controller, card_of(ZHANG))
    loop.pump(at(controller, "work_order_form"))
    own = [case.case_number for case in controller.services.court.cases_of_party(ZHANG.id_number)]
    assert choices(controller) == own and own
    keypad_to(controller, f"edit_field-{CASE_NUMBER}-{own[0]}")
    assert controller.visit.fields[CASE_NUMBER] == own[0]
    keypad_to(controller, "submit")
    assert [f.field_id for f in controller.model().fields] == ["work_order.phone"]
    assert choices(controller) == []  # only the case number is chosen; the phone is typed on the 12-key pad
    controller.intent("edit_field", field="work_order.phone", value="13800138000")
    keypad_to(controller, "submit")
    loop.pump(at(controller, "work_order_slots"))
    slot = next(a for a in controller.model().actions if a.intent == "choose_slot" and a.enabled)
    keypad_to(controller, slot.widget_id)
    keypad_to(controller, "send_work_order")
    loop.pump(at(controller, "work_order_done"))
    assert journey(controller)["delivery"].submission.reference


def test_the_case_numbers_are_spoken_only_into_headphones(controller: KioskController, loop: UiLoop) -> None:
    start_work_order(controller, "contact_judge")
    controller.intent("toggle_voice")
    present_card(controller, card_of(ZHANG))
    loop.pump(at(controller, "work_order_form"))
    spoken = "\n".join(u.text for u in controller.devices.slots["speech"].driver.utterances)
    assert choices(controller) and not any(number in spoken for number in choices(controller))


def test_a_court_that_cannot_say_leaves_the_number_to_be_typed(controller: KioskController, loop: UiLoop) -> None:
    start_work_order(controller, "contact_judge")
    controller.services.court = HttpCourtGateway(closed_port(), HttpOptions(connect_timeout_s=0.5, retries=0))
    present_card(controller, card_of(ZHANG))
    loop.pump(at(controller, "work_order_form"))
    assert choices(controller) == []
    assert [f.field_id for f in controller.model().fields] == [CASE_NUMBER]
    assert "problem" not in journey(controller)
