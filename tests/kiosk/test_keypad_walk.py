"""The keypad walk on its own: over a screen's controls, onto a field's keys and back, pressing what it lands on.

The walk through the whole controller (announcements, journeys by keypad) is in ``test_focus.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.focus import KeypadFocus
from kiosk.form import FormInput
from kiosk.i18n import Text
from kiosk.keypad_walk import KeypadWalk
from kiosk.presenters.model import Action, Field, ScreenModel
from kiosk.textinput.layouts import FieldType

AMOUNT = Field("amount", Text("payment.amount"), FieldType.AMOUNT)
PAY = Action("pay", Text("payment.pay"), params={"order": "7"})
SCREEN = ScreenModel(name="payment_amount", title=Text("payment.title"), actions=(PAY,), fields=(AMOUNT,))


class Recorder:
    """The controller's side: intents activated and field texts edited."""

    def __init__(self, form: FormInput) -> None:
        self.form = form
        self.activated: list[tuple[str, dict[str, Any]]] = []
        self.edited: list[tuple[str, str]] = []

    def activate(self, intent: str, **params: Any) -> None:
        self.activated.append((intent, params))

    def edit_field(self, field_id: str, value: str) -> None:
        self.edited.append((field_id, value))


@pytest.fixture
def form() -> FormInput:
    form = FormInput()
    form.follow(SCREEN.fields)
    return form


@pytest.fixture
def recorder(form: FormInput) -> Recorder:
    return Recorder(form)


@pytest.fixture
def walk(form: FormInput, recorder: Recorder) -> KeypadWalk:
    return KeypadWalk(KeypadFocus(), form, None, recorder.activate, recorder.edit_field)


def test_arrows_reach_the_field_first_then_the_action(walk: KeypadWalk) -> None:
    assert walk.focused_widget(SCREEN) is None
    assert walk.press("focus_next", SCREEN) is False
    assert walk.focused_widget(SCREEN) == AMOUNT.widget_id
    walk.press("focus_next", SCREEN)
    assert walk.focused_widget(SCREEN) == PAY.widget_id


def test_enter_on_an_action_activates_its_intent_with_its_params(walk: KeypadWalk, recorder: Recorder) -> None:
    walk.press("focus_next", SCREEN)
    walk.press("focus_next", SCREEN)
    assert walk.press("activate", SCREEN) is True
    assert recorder.activated == [("pay", {"order": "7"})]


def test_enter_on_a_field_walks_its_keys_presses_one_and_back_returns_to_the_field(
        walk: KeypadWalk, form: FormInput, recorder: Recorder) -> None:
    walk.press("focus_next", SCREEN)
    walk.press("activate", SCREEN)
    assert form.typing is True
    assert walk.focused_widget(SCREEN) == form.cursor_widget
    assert walk.focused_widget(SCREEN) is not None
    walk.press("activate", SCREEN)
    assert recorder.edited == [("amount", form.editors["amount"].value)]
    assert form.editors["amount"].value != ""
    walk.press("back", SCREEN)
    assert form.typing is False
    assert walk.focused_widget(SCREEN) == AMOUNT.widget_id
    assert recorder.activated == []


def test_a_keypad_digit_is_typed_into_the_focused_field(walk: KeypadWalk, form: FormInput, recorder: Recorder) -> None:
    assert form.focused == "amount"  # a screen's first field has the keyboard
    walk.type_character("5")
    assert recorder.edited == [("amount", "5")]


def test_a_keypad_digit_on_a_screen_without_fields_types_nothing(recorder: Recorder) -> None:
    walk = KeypadWalk(KeypadFocus(), FormInput(), None, recorder.activate, recorder.edit_field)
    walk.type_character("5")
    assert recorder.edited == []
