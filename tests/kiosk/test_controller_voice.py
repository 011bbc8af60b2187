"""Voice mode through the controller: every screen spoken, headphones, privacy, speech keys."""

from __future__ import annotations

from drivers.base import Route
from kiosk.controller import KioskController
from kiosk.court.demo.seed import LI
from kiosk.i18n import Text, Translator
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card

ZH = Translator()


def speaker(controller: KioskController):
    return controller.devices.slots["speech"].driver


def spoken(controller: KioskController) -> str:
    return "\n".join(u.text for u in speaker(controller).utterances)


def test_with_voice_on_every_screen_change_is_spoken_in_the_display_language(controller: KioskController) -> None:
    controller.intent("start_visit", language="en")
    controller.intent("toggle_voice")
    controller.intent("choose_lookup")
    assert ZH.text("title.lookup", "en") in spoken(controller)
    controller.intent("set_language", language="ko")
    assert ZH.text("title.lookup", "ko") in spoken(controller)


def test_voice_off_says_nothing(controller: KioskController) -> None:
    controller.intent("start_visit")
    controller.intent("choose_lookup")
    assert speaker(controller).utterances == []


def test_plugging_in_headphones_turns_voice_mode_on_by_itself(controller: KioskController, loop: UiLoop) -> None:
    controller.intent("start_visit")
    controller.devices.slots["headphones"].driver.plug()
    loop.pump(lambda: controller.visit.preferences.voice)
    loop.pump(lambda: bool(speaker(controller).utterances))
    assert speaker(controller).utterances[-1].route is Route.HEADPHONES


def test_case_details_are_not_spoken_on_the_hall_speaker(controller: KioskController, loop: UiLoop) -> None:
    """GIVEN voice on and no headphones WHEN a party's case is shown THEN no name or case number is spoken."""
    controller.intent("start_visit")
    controller.intent("toggle_voice")
    controller.intent("choose_lookup")
    controller.intent("by_card")
    present_card(controller, card_of(LI))
    loop.pump(lambda: controller.flow.step == "lookup_cases")
    case_number = controller.visit.journeys["lookup"]["cases"][0].case_number
    controller.intent("open_case", case_number=case_number)
    loop.pump(lambda: controller.flow.step == "lookup_case")
    said = spoken(controller)
    assert case_number not in said and LI.name not in said
    assert ZH.text("voice.private_withheld", "zh_CN") in said
    assert all(u.route is Route.SPEAKER for u in speaker(controller).utterances)


def test_speech_keys_steer_the_voice_and_the_end_of_the_visit_restores_the_defaults(controller: KioskController, clock) -> None:
    controller.intent("start_visit")
    controller.intent("toggle_voice")
    before = speaker(controller).utterances[-1]
    controller.intent("voice_slower")
    controller.intent("voice_louder")
    after = speaker(controller).utterances[-1]
    assert after.text == before.text  # the last utterance is repeated at the new setting
    assert after.rate_wpm < before.rate_wpm and after.volume > before.volume
    controller.intent("finish")
    controller.intent("rate", score=5)
    controller.intent("start_visit")
    controller.intent("toggle_voice")
    assert speaker(controller).utterances[-1].rate_wpm == before.rate_wpm


def type_case_number_in_headphones(controller: KioskController, loop: UiLoop) -> None:
    """Headphones in (voice comes on), then "（2026）" and "京" typed into the case-number field."""
    controller.devices.slots["headphones"].driver.plug()
    controller.intent("start_visit")
    loop.pump(lambda: controller.visit.preferences.voice)
    controller.intent("choose_lookup")
    controller.intent("by_number")
    controller.intent("edit_field", field="lookup.case_number", value="（2026）")
    controller.intent("edit_field", field="lookup.case_number", value="（2026）京")


def test_typed_characters_and_chosen_words_are_echoed_privately(controller: KioskController, loop: UiLoop) -> None:
    """GIVEN voice on with headphones WHEN a case number is typed THEN each addition is echoed to the headphones."""
    type_case_number_in_headphones(controller, loop)
    last = speaker(controller).utterances[-1]
    assert last.text.strip() == "京" and last.route is Route.HEADPHONES


def test_typed_characters_are_not_echoed_on_the_hall_speaker(controller: KioskController) -> None:
    controller.intent("start_visit")
    controller.intent("toggle_voice")
    controller.intent("choose_lookup")
    controller.intent("by_number")
    controller.intent("edit_field", field="lookup.case_number", value="（2026）京0191")
    assert "0191" not in spoken(controller)


def test_deleting_is_echoed_with_what_went_and_an_empty_field_is_said(controller: KioskController,
                                                                      loop: UiLoop) -> None:
    """GIVEN voice on with headphones WHEN characters are deleted THEN the visitor hears which, and
    when the field is empty."""
    type_case_number_in_headphones(controller, loop)
    controller.intent("edit_field", field="lookup.case_number", value="（2026）")
    last = speaker(controller).utterances[-1]
    assert ZH.text(Text("voice.deleted", {"text": "京"}), "zh_CN") in last.text and last.route is Route.HEADPHONES
    controller.intent("edit_field", field="lookup.case_number", value="")
    assert ZH.text("voice.field_empty", "zh_CN") in speaker(controller).utterances[-1].text
