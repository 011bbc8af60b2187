"""Elderly mode (长辈模式) is offered whenever an ID card read at the start of a journey shows 60 or more."""

from __future__ import annotations

import pytest

from drivers.base import CardRead
from kiosk.controller import KioskController
from kiosk.court.demo.seed import LI, ZHANG, Person
from kiosk.display import TextSize
from kiosk.i18n import Translator
from kiosk.preferences import set_language, toggle_elderly_mode
from kiosk.session import Preferences
from tests.kiosk.journeys.conftest import card_of

#: A journey that starts at a card step, and the intents that lead there.
CARD_STEPS = {
    "lookup": ("choose_lookup", "by_card"),
    "payment": ("choose_payment", "by_card"),
    "work_order": ("choose_work_order", "choose_kind"),
    "filing": ("choose_filing",),
    "queue_ticket": ("choose_queue_ticket", "choose_service"),
}
PARAMS = {"choose_kind": {"kind": "contact_judge"}, "choose_service": {"service": "filing"}}


def reach_card_step(controller: KioskController, journey: str) -> None:
    controller.intent("start_visit")
    for intent in CARD_STEPS[journey]:
        controller.intent(intent, **PARAMS.get(intent, {}))
    assert any(controller.flow.step in j.card_steps for j in controller.journeys), controller.flow.step


def read_card(controller: KioskController, person: Person) -> None:
    controller.device_event("id_reader", CardRead(card_of(person)))


OFFER = ["accept_elderly", "decline_elderly"]


def offer_intents(controller: KioskController) -> list[str]:
    """The offer's answers on the current screen (after the screen's own controls)."""
    return [a.intent for a in controller.model().actions if a.intent in OFFER]


@pytest.mark.parametrize("journey", sorted(CARD_STEPS))
def test_a_card_of_someone_60_or_older_brings_the_offer_in_every_journey(controller: KioskController,
                                                                         journey: str) -> None:
    reach_card_step(controller, journey)
    read_card(controller, LI)
    model = controller.model()
    assert offer_intents(controller) == OFFER
    assert model.overlay is None  # no pop-up: the screen's own controls stay first, where they were
    assert [a.intent for a in model.actions[-2:]] == OFFER
    assert [t.key for t in model.body[:2]] == ["elderly.offer.title", "elderly.offer.body"]
    for _ in model.all_actions():
        if controller.focused_widget == "accept_elderly":
            break
        controller.intent("focus_next")
    assert controller.focused_widget == "accept_elderly"  # the keypad reaches the offer


def test_after_the_offer_is_answered_by_keypad_the_next_arrow_starts_at_the_first_control(
        controller: KioskController) -> None:
    """The offer sits after the screen's own choices; the control after it must not take its place silently."""
    reach_card_step(controller, "queue_ticket")
    read_card(controller, LI)
    while controller.focused_widget != "decline_elderly":
        controller.intent("focus_next")
    controller.intent("activate")
    assert offer_intents(controller) == []
    assert controller.focused_widget is None
    controller.intent("focus_next")
    assert controller.focused_widget == controller.model().focus_order()[0].widget_id


def test_a_younger_card_brings_no_offer(controller: KioskController) -> None:
    reach_card_step(controller, "payment")
    read_card(controller, ZHANG)
    assert offer_intents(controller) == []


def test_accepting_turns_on_large_text_voice_and_slower_speech(controller: KioskController) -> None:
    reach_card_step(controller, "lookup")
    read_card(controller, LI)
    step = controller.flow.step
    speaker = controller.devices.slots["speech"].driver
    default_rate = speaker.rate_wpm
    controller.intent("accept_elderly")
    prefs = controller.visit.preferences
    assert (prefs.elderly_mode, prefs.voice, prefs.text_size) == (True, True, TextSize.EXTRA_LARGE)
    assert offer_intents(controller) == []
    assert controller.flow.step == step  # the journey goes on where it was
    assert speaker.utterances and speaker.utterances[-1].rate_wpm < default_rate


def test_the_offer_is_spoken_when_voice_is_on(controller: KioskController) -> None:
    reach_card_step(controller, "work_order")
    controller.intent("toggle_voice")
    read_card(controller, LI)
    spoken = "\n".join(u.text for u in controller.devices.slots["speech"].driver.utterances)
    assert Translator().text("elderly.offer.title", "zh_CN") in spoken


def test_declining_keeps_the_mode_off_and_the_offer_comes_once_a_visit(controller: KioskController) -> None:
    reach_card_step(controller, "lookup")
    read_card(controller, LI)
    controller.intent("decline_elderly")
    assert offer_intents(controller) == []
    assert not controller.visit.preferences.elderly_mode
    read_card(controller, LI)
    assert offer_intents(controller) == []
    controller.intent("go_home")
    controller.intent("finish")
    controller.intent("rate", score=0)
    assert controller.screen == "attract"
    reach_card_step(controller, "payment")  # the next visitor is asked again
    read_card(controller, LI)
    assert offer_intents(controller) == OFFER


def test_no_offer_when_the_mode_is_already_on(controller: KioskController) -> None:
    controller.intent("start_visit")
    controller.intent("elderly_mode")
    controller.intent("choose_lookup")
    controller.intent("by_card")
    read_card(controller, LI)
    assert offer_intents(controller) == []


def test_going_on_in_the_journey_is_a_no_thanks(controller: KioskController) -> None:
    reach_card_step(controller, "queue_ticket")
    read_card(controller, LI)
    controller.intent("cycle_text_size")  # a preference is no answer: the offer stays
    assert offer_intents(controller) == OFFER
    controller.intent("take_ticket", priority="elderly")
    assert offer_intents(controller) == []
    assert not controller.visit.preferences.elderly_mode


def test_a_language_the_kiosk_does_not_offer_is_ignored_and_elderly_mode_toggles_back() -> None:
    prefs = Preferences()
    set_language(prefs, ("zh_CN", "en"), "ko")
    set_language(prefs, ("zh_CN", "en"), "en")
    assert prefs.language == "en"
    toggle_elderly_mode(prefs)
    assert (prefs.elderly_mode, prefs.text_size, prefs.voice) == (True, TextSize.EXTRA_LARGE, True)
    toggle_elderly_mode(prefs)
    assert (prefs.elderly_mode, prefs.text_size, prefs.voice) == (False, TextSize.NORMAL, False)
