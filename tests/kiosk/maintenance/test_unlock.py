"""The way into maintenance through the running kiosk: gesture, PIN pad, badge under the scanner, sessions."""

from __future__ import annotations

import re

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.controller import KioskController
from kiosk.i18n import LANGUAGES, Translator
from kiosk.maintenance.states import STEPS
from kiosk.staff.badge import issue_badge
from kiosk.staff.roles import Role
from tests.kiosk.conftest import ManualClock, UiLoop
from tests.kiosk.maintenance.conftest import (
    CORNERS, PIN, audit_events, body_texts, do_gesture, type_pin, unlocked,
)

COURT = "京0191"  # the demo court the kiosk serves when court.this_court_code is empty


def test_the_gesture_opens_a_neutral_prompt_on_attract_and_a_corner_press_starts_no_visit(
    controller: KioskController, clock: ManualClock
) -> None:
    assert controller.raw_touch(True, 1, *CORNERS["top_left"])  # a corner: the screen must ignore it
    assert not controller.raw_touch(True, 9, 540, 960)  # the middle: the screen takes it
    controller.raw_touch(False, 9, 540, 960)
    controller.gesture.reset()
    do_gesture(controller, clock)
    assert (controller.flow.step, controller.screen) == ("maintenance_unlock", "maintenance_unlock")
    model = controller.model()
    assert [f.masked for f in model.fields] == [False, True]
    translator = Translator()
    shown = " ".join(translator.text(t, lang) for lang in LANGUAGES
                     for t in (model.title, *model.body, *(f.label for f in model.fields), *(a.label for a in model.all_actions())))
    assert not re.search(r"staff|maintenance|员工|维护|工作人员|직원|유지", shown, re.IGNORECASE)
    assert [e["event"] for e in audit_events(controller)][-1] == "staff.unlock_requested"


def test_the_gesture_does_nothing_while_a_visit_is_in_progress(controller: KioskController, clock: ManualClock) -> None:
    controller.intent("start_visit")
    controller.intent("choose_lookup")
    do_gesture(controller, clock)
    assert controller.flow.step == "lookup_menu"
    assert not controller.raw_touch(True, 1, *CORNERS["top_left"])


def test_wrong_pins_lock_out_for_growing_times_shown_at_the_prompt(
    controller: KioskController, clock: ManualClock, wall: ManualClock, loop: UiLoop
) -> None:
    do_gesture(controller, clock)
    waits = []
    for _attempt in range(6):
        type_pin(controller, loop, "zhao01", "000000")
        assert controller.flow.step == "maintenance_unlock" and controller.staff_session is None
        waits.append(controller.visit.journeys["maintenance"]["unlock_error"][1])
        assert "maintenance.pin" not in controller.visit.fields  # the PIN is not kept after the check
        if waits[-1]:
            assert any(f"{waits[-1]} 秒" in text for text in body_texts(controller))
            wall.advance(waits[-1])
    assert waits == [0, 0, 30, 60, 120, 240]
    type_pin(controller, loop, "zhao01", "000000")
    type_pin(controller, loop, "zhao01", PIN)  # the right PIN during a lock-out is refused too
    assert controller.staff_session is None
    statuses = [e.get("status") for e in audit_events(controller) if e["event"] == "staff.unlock"]
    assert statuses[-2:] == ["pin.wrong_credentials", "pin.locked_out"]
    assert PIN not in controller.audit.path.read_text() and "000000" not in controller.audit.path.read_text()


def test_the_right_pin_opens_the_menu_with_the_members_role(
    controller: KioskController, clock: ManualClock, loop: UiLoop
) -> None:
    unlocked(controller, loop, clock, "zhao01")
    assert controller.staff_session is not None and controller.staff_session.role is Role.OPERATOR
    assert controller.visit.fields == {}
    menu = {a.intent: a.enabled for a in controller.model().all_actions()}
    assert menu["staff_devices"] and menu["staff_restart"] and not menu["staff_system_exit"]


def _scan(controller: KioskController, loop: UiLoop, token: str) -> None:
    scanner = controller.devices.slots["scanner"].driver
    scanner.present(token)  # type: ignore[union-attr]
    loop.pump(lambda: controller.flow.step != "maintenance_unlock")
    loop.pump(lambda: controller.flow.step != "maintenance_checking")


@pytest.mark.parametrize("badge", ["other_key", "expired", "altered"])
def test_a_badge_signed_with_another_key_expired_or_altered_is_refused_at_the_scanner(
    badge: str, controller: KioskController, clock: ManualClock, wall: ManualClock, loop: UiLoop,
    signing_key: Ed25519PrivateKey,
) -> None:
    key = Ed25519PrivateKey.generate() if badge == "other_key" else signing_key
    valid_s = 60 if badge == "expired" else 86400
    token, _ = issue_badge(key, "admin1", Role.ADMINISTRATOR, COURT, valid_s, wall.now)
    if badge == "expired":
        wall.advance(3600)
    if badge == "altered":
        token = token[:-12] + ("A" if token[-12] != "A" else "B") + token[-11:]
    do_gesture(controller, clock)
    _scan(controller, loop, token)
    assert controller.flow.step == "maintenance_unlock" and controller.staff_session is None
    assert controller.visit.journeys["maintenance"]["unlock_error"][0] == "maintenance.unlock.refused"
    status = [e for e in audit_events(controller) if e["event"] == "staff.unlock"][-1]["status"]
    assert status == {"other_key": "badge.unknown_key", "expired": "badge.expired", "altered": "badge.altered"}[badge]


def test_a_genuine_badge_at_the_scanner_opens_the_menu(
    controller: KioskController, clock: ManualClock, wall: ManualClock, loop: UiLoop, signing_key: Ed25519PrivateKey
) -> None:
    token, _ = issue_badge(signing_key, "admin1", Role.ADMINISTRATOR, COURT, 86400, wall.now)
    do_gesture(controller, clock)
    _scan(controller, loop, token)
    assert controller.flow.step == "maintenance_menu"
    assert controller.staff_session is not None and controller.staff_session.role is Role.ADMINISTRATOR


@pytest.mark.parametrize(("touch_every_s", "reason"), [(None, "idle"), (200, "absolute")])
def test_a_staff_session_expires_and_the_kiosk_returns_to_service(
    touch_every_s: float | None, reason: str, controller: KioskController, clock: ManualClock, loop: UiLoop
) -> None:
    unlocked(controller, loop, clock)
    elapsed = 0.0
    while controller.staff_session is not None:
        assert elapsed <= 1800
        clock.advance(100)
        elapsed += 100
        if touch_every_s is not None:
            controller.intent("staff_devices" if controller.flow.step == "maintenance_menu" else "staff_menu")
        controller.tick()
    assert elapsed == (300 if reason == "idle" else 1800)
    assert controller.flow.step == "attract" and controller.screen == "attract"
    ended = [e for e in audit_events(controller) if e["event"] == "staff.session_ended"]
    assert [e["status"] for e in ended] == [reason]


def test_leaving_maintenance_ends_the_session_and_an_unlocked_step_is_never_routed_without_one(
    controller: KioskController, clock: ManualClock, loop: UiLoop
) -> None:
    unlocked(controller, loop, clock)
    controller.intent("staff_devices")
    session, controller.staff_session = controller.staff_session, None
    assert controller.screen == "maintenance_unlock"  # the router's own check, whatever the machine says
    controller.staff_session = session
    controller.intent("staff_exit")
    assert controller.flow.step == "attract" and controller.staff_session is None
    assert [e["status"] for e in audit_events(controller) if e["event"] == "staff.session_ended"] == ["exit"]
    assert not controller.flow.in_visit


def test_staff_screens_are_never_spoken_even_with_headphones_in(
    controller: KioskController, clock: ManualClock, loop: UiLoop
) -> None:
    speaker = controller.devices.slots["speech"].driver
    unlocked(controller, loop, clock)
    spoken_before = len(speaker.utterances)  # type: ignore[union-attr]
    controller.devices.slots["headphones"].driver.plug()  # type: ignore[union-attr]
    loop.pump(lambda: controller.visit.preferences.voice)  # headphones turn voice mode on, as for a visitor
    for page in ("staff_devices", "staff_menu", "staff_outbox", "staff_menu"):
        controller.intent(page)
    assert len(speaker.utterances) == spoken_before  # type: ignore[union-attr]
    assert all(step.startswith("maintenance_") for step in STEPS)
