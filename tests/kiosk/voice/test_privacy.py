"""Audio privacy: nothing personal reaches the hall speaker without headphones or the visitor's choice."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.base import Route
from drivers.speech.simulated import SimulatedSpeaker
from kiosk.i18n import Text, Translator
from kiosk.presenters.model import Field
from kiosk.textinput.key_cursor import KeyTarget
from kiosk.textinput.layouts import Key
from kiosk.voice import Private, Spoken, VoiceGuide

from .conftest import AMOUNT, CASE_NUMBER, ID_NUMBER, NAME, PERSONAL, case_model, home_model, voice_on


def spoken_on_speaker(speaker: SimulatedSpeaker) -> str:
    return "\n".join(speaker.texts(Route.SPEAKER))


def test_personal_details_on_a_screen_are_withheld_from_the_speaker(guide, speaker, translator) -> None:
    guide.screen_changed(case_model(), voice_on("en"))

    [utterance] = speaker.utterances
    assert utterance.route is Route.SPEAKER
    assert not any(value in utterance.text for value in PERSONAL)
    assert translator.text("voice.private_withheld", "en") in utterance.text
    assert translator.text("title.lookup", "en") in utterance.text
    assert translator.text("help.staff", "en") in utterance.text


def test_several_personal_lines_in_a_row_give_one_notice(guide, speaker, translator) -> None:
    guide.screen_changed(case_model(), voice_on("en"))

    assert speaker.utterances[0].text.count(translator.text("voice.private_withheld", "en")) == 1


def test_with_headphones_personal_details_are_spoken_into_them(guide, speaker) -> None:
    guide.headphones_changed(True)
    guide.screen_changed(case_model(), voice_on("zh_CN"))

    [utterance] = speaker.utterances
    assert utterance.route is Route.HEADPHONES
    assert all(value in utterance.text for value in (NAME, CASE_NUMBER, AMOUNT))


def test_after_choosing_the_speaker_the_visitor_hears_the_details_there(guide, speaker, translator) -> None:
    guide.screen_changed(case_model(), voice_on("en"))
    guide.choose_speaker_for_private()

    last = speaker.utterances[-1]
    assert last.route is Route.SPEAKER
    assert last.text.startswith(translator.text("voice.speaker_chosen", "en"))
    assert NAME in last.text


def test_pulling_out_headphones_silences_at_once_and_repeat_then_withholds(guide, speaker) -> None:
    guide.headphones_changed(True)
    guide.screen_changed(case_model(), voice_on())
    private_utterance = speaker.current
    guide.headphones_changed(False)
    guide.repeat()

    assert private_utterance and private_utterance.utterance in speaker.interrupted
    assert speaker.utterances[-1].route is Route.SPEAKER
    assert NAME not in speaker.utterances[-1].text


def test_unmasked_typing_is_personal_masked_typing_is_a_star(guide, speaker, translator) -> None:
    guide.screen_changed(home_model(), voice_on())
    guide.typed("5", masked=False)
    typed = speaker.utterances[-1].text
    guide.typed("5", masked=True)

    assert typed == translator.text("voice.private_withheld", "zh_CN")
    assert speaker.utterances[-1].text == "星号"


def test_a_choice_made_in_one_visit_is_gone_in_the_next(guide, speaker) -> None:
    guide.screen_changed(case_model(), voice_on())
    guide.choose_speaker_for_private()
    guide.reset_for_new_visit()
    speaker.clear()
    guide.screen_changed(case_model(), voice_on())

    assert NAME not in spoken_on_speaker(speaker)


# --- any sequence of what can happen at the kiosk -------------------------------------------------

TRANSLATOR = Translator()
RECEIPT = [Text("title.payment"), Spoken(f"{NAME} {ID_NUMBER}", private=True), Text("idle.body", {"seconds": Private(AMOUNT)})]

OPERATIONS = st.sampled_from(
    [
        "plug", "unplug", "case_screen", "home_screen", "receipt", "typed", "masked", "repeat", "slower",
        "louder", "user_action", "pause", "resume", "language", "new_visit", "error",
    ]
)


def _apply(guide: VoiceGuide, name: str, state: dict[str, str]) -> None:
    prefs = voice_on(state["language"])
    match name:
        case "plug" | "unplug":
            guide.headphones_changed(name == "plug")
        case "case_screen":
            guide.screen_changed(case_model(), prefs)
        case "home_screen":
            guide.screen_changed(home_model(), prefs)
        case "receipt":
            guide.receipt(RECEIPT)
        case "typed" | "masked":
            guide.typed(ID_NUMBER[-1], masked=name == "masked")
        case "language":
            state["language"] = {"zh_CN": "en", "en": "ko", "ko": "zh_CN"}[state["language"]]
            guide.screen_changed(case_model(), voice_on(state["language"]))
        case "new_visit":
            guide.reset_for_new_visit()
        case "error":
            guide.error(Text("button.lookup"), Text("status.device.status_failed"))
        case _:
            getattr(guide, name)()


@settings(max_examples=300, deadline=None)
@given(st.lists(OPERATIONS, max_size=25))
def test_no_personal_value_ever_reaches_the_speaker_without_headphones_or_choice(operations: list[str]) -> None:
    speaker = SimulatedSpeaker()
    speaker.open(lambda event: None)
    guide = VoiceGuide(speaker, TRANSLATOR)
    state = {"language": "zh_CN"}
    for name in operations:
        _apply(guide, name, state)
    for utterance in speaker.utterances:
        if utterance.route is Route.SPEAKER:
            assert not any(value in utterance.text for value in PERSONAL), (operations, utterance)
            assert ID_NUMBER[-1] not in utterance.text.replace("星号", ""), operations


def test_a_focused_fields_value_and_the_candidates_being_typed_stay_off_the_speaker(guide, speaker, translator) -> None:
    guide.screen_changed(home_model(), voice_on("zh_CN"))
    guide.announce(Field("party.name", Text("filing.field.name"), "name", value=NAME, private=True))
    guide.announce_key(KeyTarget(candidate=0, text=NAME))
    guide.announce_key(KeyTarget(key=Key("w", "key.letter", value="w")))

    assert NAME not in spoken_on_speaker(speaker)
    assert translator.text("voice.private_withheld", "zh_CN") in speaker.utterances[-2].text
    assert speaker.utterances[-1].text == "字母 w"  # a key under the cursor is not personal
    guide.headphones_changed(True)
    guide.announce_key(KeyTarget(candidate=0, text=NAME))
    assert speaker.utterances[-1].route is Route.HEADPHONES and NAME in speaker.utterances[-1].text
