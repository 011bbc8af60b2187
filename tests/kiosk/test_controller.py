"""The controller: intents, the inactivity path, device health and routing, without Kivy."""

from __future__ import annotations

from drivers.base import DeviceStatus, Health, StatusChanged
from kiosk.controller import KioskController
from kiosk.flow import KioskFlow
from kiosk.display import TextSize
from kiosk.inactivity import IdlePhase
from tests.kiosk.conftest import ManualClock


def idle_into_warning(controller: KioskController, clock: ManualClock) -> None:
    clock.advance(controller.settings.timeouts.idle_timeout_s + 1)
    controller.tick()


def test_touching_start_then_lookup_shows_the_lookup_screen(controller: KioskController) -> None:
    assert controller.screen == "attract"
    controller.intent("start_visit")
    controller.intent("choose_lookup")
    assert (controller.flow.step, controller.screen) == ("lookup_menu", "lookup_menu")


def test_inactivity_warns_with_a_countdown_and_the_overlay_offers_more_time(controller, clock) -> None:
    controller.intent("start_visit")
    controller.intent("choose_filing")
    idle_into_warning(controller, clock)
    model = controller.model()
    assert model.overlay is not None
    assert model.overlay.body.params["seconds"] == controller.settings.timeouts.idle_warning_s - 1
    assert [a.intent for a in model.overlay.actions] == ["extend_time"]
    assert model.speech()[0].key == "idle.title"  # voice mode reads the warning first


def test_one_touch_extends_at_least_ten_times_and_keeps_the_step(controller, clock) -> None:
    controller.intent("start_visit")
    controller.intent("choose_payment")
    for _ in range(controller.settings.timeouts.max_idle_extensions):
        idle_into_warning(controller, clock)
        assert controller.model().overlay is not None
        controller.intent("extend_time")
        assert controller.model().overlay is None
        assert controller.flow.step == KioskFlow.entry_step("payment")
    idle_into_warning(controller, clock)
    final = controller.model().overlay
    assert final is not None and final.actions == () and final.body.key == "idle.body_final"


def test_at_zero_the_visit_is_wiped_and_the_kiosk_returns_to_attract(controller, clock) -> None:
    controller.intent("start_visit", language="en")
    controller.intent("toggle_contrast")
    controller.intent("choose_lookup")
    controller.visit.journeys["lookup"] = {"case_number": "（2024）京0105民初12345号"}
    temp_dir = controller.visit.temp_dir
    idle_into_warning(controller, clock)
    clock.advance(controller.settings.timeouts.idle_warning_s)
    controller.tick()
    assert controller.screen == "attract"
    assert controller.visit.journeys == {}
    assert controller.visit.preferences.language == "zh_CN"
    assert controller.visit.preferences.high_contrast is False
    assert not temp_dir.exists()


def test_a_device_job_in_progress_never_times_out(controller, clock) -> None:
    controller.intent("start_visit")
    controller.idle.hold()
    clock.advance(3600)
    controller.tick()
    assert controller.flow.step == "home"
    controller.idle.release(clock())
    assert controller.idle.phase(clock()) is IdlePhase.ACTIVE


def test_large_text_or_voice_lengthen_the_time_limit(controller, clock) -> None:
    controller.intent("start_visit")
    controller.intent("toggle_voice")
    clock.advance(controller.settings.timeouts.idle_timeout_s + 1)
    controller.tick()
    assert controller.model().overlay is None


def test_elderly_mode_turns_on_large_text_and_voice_in_one_touch(controller) -> None:
    controller.intent("start_visit")
    controller.intent("elderly_mode")
    prefs = controller.visit.preferences
    assert (prefs.text_size, prefs.voice, prefs.elderly_mode) == (TextSize.EXTRA_LARGE, True, True)


def test_a_required_device_failing_takes_the_kiosk_out_of_service_and_back(controller) -> None:
    controller.intent("start_visit")
    controller.visit.journeys["filing"] = {"draft": "x"}
    controller.device_event("receipt_printer", StatusChanged(DeviceStatus(Health.NEEDS_STAFF, "status.printer.out_of_paper")))
    controller.devices.slots["receipt_printer"].status = DeviceStatus(Health.NEEDS_STAFF, "status.printer.out_of_paper")
    controller.device_event("receipt_printer", StatusChanged(DeviceStatus(Health.NEEDS_STAFF, "status.printer.out_of_paper")))
    assert controller.screen == "out_of_service"
    assert controller.visit.journeys == {}
    controller.devices.slots["receipt_printer"].status = DeviceStatus(Health.OK, "status.printer.ready")
    controller.device_event("receipt_printer", StatusChanged(DeviceStatus(Health.OK, "status.printer.ready")))
    assert controller.screen == "attract"


def test_an_optional_device_failing_keeps_the_kiosk_in_service(controller) -> None:
    controller.intent("start_visit")
    controller.devices.slots["camera"].status = DeviceStatus(Health.ABSENT, "status.camera.unplugged")
    controller.device_event("camera", StatusChanged(DeviceStatus(Health.ABSENT, "status.camera.unplugged")))
    assert controller.screen == "home"


def test_language_switch_is_live_and_language_names_stay_in_their_own_script(controller) -> None:
    controller.intent("start_visit")
    controller.intent("set_language", language="ko")
    model = controller.model()
    languages = [a for a in model.nav if a.intent == "set_language"]
    assert [a.literal for a in languages] == ["中文", "English", "한국어"]
    assert [a.checked for a in languages] == [False, False, True]


def test_an_optional_printer_failing_disables_only_the_journeys_that_need_it(controller) -> None:
    controller.intent("start_visit")
    controller.devices.slots["a4_printer"].status = DeviceStatus(Health.NEEDS_STAFF, "status.printer.out_of_paper")
    home = {a.intent: a for a in controller.model().actions}
    assert home["choose_filing"].enabled is False
    assert home["choose_filing"].label.key == "button.journey_unavailable"
    assert home["choose_lookup"].enabled is True
    controller.intent("choose_filing")
    assert controller.flow.step == "home"
    controller.intent("choose_lookup")
    assert controller.flow.step == "lookup_menu"
