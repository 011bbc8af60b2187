"""Keypad focus through the controller: reading order, wrap-around, announcements, activation."""

from __future__ import annotations

from kiosk.controller import KioskController
from kiosk.keypad import KEY_INTENTS, intent_for


def test_arrows_walk_every_control_in_reading_order_and_wrap_without_a_trap(controller: KioskController) -> None:
    controller.intent("start_visit")
    order = [a.widget_id for a in controller.model().all_actions()]
    seen = []
    for _ in range(len(order) + 1):
        controller.intent("focus_next")
        seen.append(controller.focused_widget)
    assert seen == [*order, order[0]]
    controller.intent("focus_previous")
    assert controller.focused_widget == order[-1]


def test_enter_activates_the_focused_control_and_the_new_screen_starts_unfocused(controller: KioskController) -> None:
    controller.intent("start_visit")
    while controller.focused_widget != "choose_lookup":
        controller.intent("focus_next")
    controller.intent("activate")
    assert controller.flow.step == "lookup_menu"
    assert controller.focused_widget is None


def test_focus_moves_are_announced_in_voice_mode(controller: KioskController) -> None:
    controller.intent("start_visit")
    controller.intent("toggle_voice")
    speaker = controller.devices.slots["speech"].driver
    before = len(speaker.utterances)
    controller.intent("focus_next")
    assert len(speaker.utterances) == before + 1
    assert "自助立案" in speaker.utterances[-1].text


def test_during_the_inactivity_warning_any_key_buys_more_time(controller: KioskController, clock) -> None:
    controller.intent("start_visit")
    clock.advance(controller.settings.timeouts.idle_timeout_s + 1)
    controller.tick()
    assert controller.model().overlay is not None
    controller.intent("focus_next")
    assert controller.model().overlay is None
    assert controller.idle.extensions_used == 1


def test_keypad_keys_cover_moving_activating_going_back_help_and_speech() -> None:
    assert {intent_for(k) for k in ("up", "down", "enter", "escape", "f1", "f2")} == {
        "focus_previous", "focus_next", "activate", "back", "ask_help", "voice_repeat"}
    assert set(KEY_INTENTS.values()) >= {"voice_slower", "voice_faster", "voice_louder", "voice_softer", "voice_pause"}
    assert intent_for("a") is None
