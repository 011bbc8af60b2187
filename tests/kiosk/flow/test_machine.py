"""The visitor state machine, driven without any GUI."""

import logging

import pytest

from kiosk.flow import JOURNEYS, KioskFlow


@pytest.fixture
def flow(controller) -> KioskFlow:
    """The kiosk's machine, with the journeys' effects bound to a real (headless) kiosk."""
    return controller.flow


@pytest.fixture
def started(flow: KioskFlow) -> KioskFlow:
    flow.send("start_visit")
    return flow


def test_starts_on_the_attract_screen_and_a_touch_opens_home(flow: KioskFlow) -> None:
    assert flow.step == "attract"
    assert not flow.in_visit
    flow.send("start_visit")
    assert flow.step == "home"
    assert flow.in_visit


@pytest.mark.parametrize("journey", JOURNEYS)
def test_every_journey_is_entered_from_home_and_left_by_back_and_home(journey: str, controller) -> None:
    """Through the controller: entering a journey runs its effects, which need a kiosk around them."""
    controller.intent("start_visit")
    controller.intent(f"choose_{journey}")
    assert controller.flow.step == KioskFlow.entry_step(journey)
    controller.intent("back")
    assert controller.flow.step == "home"
    controller.intent(f"choose_{journey}")
    controller.intent("go_home")
    assert controller.flow.step == "home"


def test_help_returns_to_the_exact_step_it_was_asked_from_even_deep_in_a_journey(started: KioskFlow) -> None:
    flow = started
    flow.send("choose_lookup")
    flow.send("by_card")
    flow.send("ask_help")
    assert flow.step == "help"
    flow.send("back")
    assert flow.step == "lookup_card"
    flow.send("back")
    assert flow.step == "lookup_menu"
    flow.send("back")
    assert flow.step == "home"


def test_a_visit_ends_with_the_rating_and_returns_to_attract(started: KioskFlow) -> None:
    flow = started
    flow.send("choose_lookup")
    flow.send("finish")
    assert flow.step == "rating"
    flow.send("rated")
    assert flow.step == "attract"


@pytest.mark.parametrize("where", ["home", "lookup", "help", "rating"])
def test_timeout_from_any_visitor_state_returns_to_attract(where: str, started: KioskFlow) -> None:
    flow = started
    if where == "lookup":
        flow.send("choose_lookup")
    elif where == "help":
        flow.send("ask_help")
    elif where == "rating":
        flow.send("finish")
    flow.send("timeout")
    assert flow.step == "attract"


def test_an_exception_inside_a_transition_lands_in_out_of_service_and_is_logged(
        flow: KioskFlow, caplog: pytest.LogCaptureFixture) -> None:
    """GIVEN a transition whose action raises WHEN it runs THEN the kiosk is out of service, not crashed."""

    class Failing:
        def on_choose_payment(self) -> None:
            raise RuntimeError("backend exploded with 110101199003071233")

    flow.add_listener(Failing())
    flow.send("start_visit")
    with caplog.at_level(logging.ERROR, logger="kiosk.flow"):
        flow.send("choose_payment")
    assert flow.step == "out_of_service"
    assert "RuntimeError" in caplog.text
    assert "110101199003071233" not in caplog.text  # the message is not logged: it may carry personal data


def test_out_of_service_recovers_to_attract_and_maintenance_is_reached_only_from_idle_states(started: KioskFlow) -> None:
    flow = started
    flow.send("staff_enter")
    assert flow.step == "home"  # never in the middle of a visit
    flow.send("service_unavailable")
    assert flow.step == "out_of_service"
    flow.send("staff_enter")
    assert flow.step == "maintenance_unlock"
    flow.send("staff_exit")
    assert flow.step == "attract"


def test_the_diagram_is_drawn_from_the_machine(tmp_path) -> None:
    from kiosk.cli import main

    out = tmp_path / "flow.png"
    assert main(["diagram", "--output", str(out)]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
