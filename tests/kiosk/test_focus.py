"""Keypad focus through the controller: reading order, wrap-around, announcements, activation."""

from __future__ import annotations

from kiosk.controller import KioskController
from kiosk.focus import KeypadFocus
from kiosk.i18n import Text
from kiosk.court.demo.seed import LI
from kiosk.keypad import KEY_INTENTS, intent_for
from kiosk.presenters.model import Action, ScreenModel
from kiosk.textinput.key_cursor import grid
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card
from tests.kiosk.journeys.work_order.test_work_order import at, start_work_order

MESSAGE = "work_order.message"


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
    assert {intent_for(k) for k in ("up", "down", "left", "right", "tab", "enter", "escape", "f1", "f2")} == {
        "focus_up", "focus_down", "focus_left", "focus_right", "focus_next", "activate", "back", "ask_help",
        "voice_repeat"}
    assert set(KEY_INTENTS.values()) >= {"voice_slower", "voice_faster", "voice_louder", "voice_softer", "voice_pause"}
    assert intent_for("a") is None


def test_up_and_left_go_back_and_down_and_right_go_on_in_reading_order(controller: KioskController) -> None:
    controller.intent("start_visit")
    order = [a.widget_id for a in controller.model().focus_order()]
    controller.intent("focus_down")
    controller.intent("focus_right")
    assert controller.focused_widget == order[1]
    controller.intent("focus_up")
    assert controller.focused_widget == order[0]
    controller.intent("focus_left")
    assert controller.focused_widget == order[-1]


def speech(controller: KioskController) -> list[str]:
    return [u.text for u in controller.devices.slots["speech"].driver.utterances]


def press_key(controller: KioskController, label: str) -> None:
    """Arrow the keyboard's cursor to the key ``label`` and press Enter, as a visitor would by ear."""
    editor = controller.form.editor
    row, column = next((r, c) for r, keys in enumerate(grid(editor)) for c, t in enumerate(keys)
                       if t.key is not None and t.key.label == label)
    while controller.form.cursor.row != row:
        controller.intent("focus_down" if controller.form.cursor.row < row else "focus_up")
    while controller.form.cursor.column != column:
        controller.intent("focus_right" if controller.form.cursor.column < column else "focus_left")
    assert controller.focused_widget == f"key-{label}"
    controller.intent("activate")


def test_a_work_order_is_typed_by_keypad_alone_and_every_step_is_spoken(
        controller: KioskController, loop: UiLoop) -> None:
    start_work_order(controller, "complaint_suggestion")
    present_card(controller, card_of(LI))
    loop.pump(at(controller, "work_order_form"))
    controller.intent("toggle_voice")
    controller.devices.slots["headphones"].driver.plug()  # type: ignore[union-attr]
    loop.pump(lambda: controller.voice.private_allowed)
    assert controller.model().focus_order()[0].widget_id == "field-work_order.phone"  # fields come first
    for digit in "13800138000":  # the 12-key pad types straight into the focused phone field
        controller.intent("type_character", character=digit)
    assert controller.visit.fields["work_order.phone"] == "13800138000"
    while controller.focused_widget != "submit":
        controller.intent("focus_down")
    controller.intent("activate")
    assert [f.field_id for f in controller.model().fields] == [MESSAGE]

    controller.intent("focus_down")
    assert controller.focused_widget == f"field-{MESSAGE}" and "输入框" in speech(controller)[-1]
    controller.intent("activate")
    assert controller.form.typing and "键盘已打开" in speech(controller)[-1]
    for letter in "susong":
        press_key(controller, letter)
    assert "字母 g" in speech(controller)[-1]
    controller.intent("type_character", character=str(controller.form.editor.candidates.index("诉讼") + 1))
    assert controller.visit.fields[MESSAGE] == "诉讼"
    assert speech(controller)[-1] == "诉讼"  # the chosen word echoed, into the headphones
    controller.intent("back")  # leaves the keyboard, not the screen
    assert controller.flow.step == "work_order_form" and not controller.form.typing
    assert controller.focused_widget == f"field-{MESSAGE}" and "诉讼" in speech(controller)[-1]
    controller.intent("back")
    assert [f.field_id for f in controller.model().fields] == ["work_order.phone"]


def _screen(*intents: str) -> ScreenModel:
    return ScreenModel(name="home", title=Text("home.title"), actions=tuple(Action(i, Text(i)) for i in intents))


def test_focus_stays_on_its_control_when_others_come_or_go_and_starts_over_when_it_goes() -> None:
    focus = KeypadFocus()
    before = _screen("a", "b", "offer")
    focus.follow(before)
    focus.move(before, 1)
    focus.move(before, 1)
    assert focus.current(before).intent == "b"
    grown = _screen("new", "a", "b", "offer")
    focus.follow(grown)
    assert focus.current(grown).intent == "b"  # the same control, though one came before it
    focus.move(grown, 1)
    assert focus.current(grown).intent == "offer"
    answered = _screen("new", "a", "b")
    focus.follow(answered)
    assert focus.current(answered) is None  # its control is gone: no silent landing on another one
    assert focus.move(answered, 1).intent == "new"
