"""What the voice guide says, when, and in which language, checked on the recording twin."""

from __future__ import annotations

from drivers.base import Route, SpeechDone
from kiosk.i18n import Text
from kiosk.presenters.model import Action, Overlay, ScreenModel
from kiosk.voice import Spoken
from kiosk.voice.levels import DEFAULT_VOLUME_STEP, ELDERLY_RATE_STEP, RATE_STEPS_WPM, VOLUME_STEPS

from .conftest import home_model, voice_on


def test_a_new_screen_is_read_in_reading_order_in_the_display_language(guide, speaker, translator) -> None:
    guide.screen_changed(home_model(), voice_on("en"))

    [utterance] = speaker.utterances
    expected = [translator.text(t, "en") for t in home_model().speech()]
    assert utterance.language == "en" and utterance.route is Route.SPEAKER
    positions = [utterance.text.index(text) for text in expected]
    assert positions == sorted(positions)


def test_nothing_is_said_while_voice_mode_is_off(guide, speaker) -> None:
    prefs = voice_on()
    prefs.voice = False
    guide.screen_changed(home_model(voice=False), prefs)
    guide.announce(Action("back", Text("button.back")))
    guide.receipt([Text("title.home")])

    assert speaker.utterances == []


def test_the_same_screen_refreshed_is_not_read_again(guide, speaker) -> None:
    prefs = voice_on()
    guide.screen_changed(home_model(), prefs)
    guide.screen_changed(home_model(), prefs)

    assert len(speaker.utterances) == 1


def test_a_countdown_ticking_in_the_overlay_is_read_once(guide, speaker, translator) -> None:
    def warning(seconds: int) -> ScreenModel:
        overlay = Overlay(Text("idle.title"), Text("idle.body", {"seconds": seconds}), (Action("extend_time", Text("button.more_time")),))
        return ScreenModel("home", Text("title.home"), overlay=overlay)

    prefs = voice_on()
    guide.screen_changed(home_model(), prefs)
    guide.screen_changed(warning(30), prefs)
    guide.screen_changed(warning(29), prefs)

    assert len(speaker.utterances) == 2
    assert speaker.utterances[1].text.startswith(translator.text("idle.title", "zh_CN"))


def test_switching_language_reads_the_screen_again_in_the_new_language(guide, speaker, translator) -> None:
    guide.screen_changed(home_model(), voice_on("zh_CN"))
    guide.screen_changed(home_model(), voice_on("ko"))

    assert [u.language for u in speaker.utterances] == ["zh_CN", "ko"]
    assert translator.text("title.home", "ko") in speaker.utterances[1].text


def test_a_pressed_toggle_is_announced_with_its_new_state(guide, speaker, translator) -> None:
    guide.screen_changed(home_model(contrast=False), voice_on())
    guide.screen_changed(home_model(contrast=True), voice_on())

    expected = translator.text(
        Text("voice.toggle_state", {"label": Text("button.contrast"), "state": Text("toggle.on")}), "zh_CN"
    )
    assert speaker.utterances[-1].text == expected


def test_turning_voice_off_says_so_and_then_stays_silent(guide, speaker, translator) -> None:
    guide.screen_changed(home_model(voice=True), voice_on())
    off = voice_on()
    off.voice = False
    guide.screen_changed(home_model(voice=False), off)
    guide.screen_changed(ScreenModel("help", Text("title.help")), off)

    assert len(speaker.utterances) == 2
    assert speaker.utterances[-1].text.endswith(translator.text("toggle.off", "zh_CN"))


def test_turning_voice_on_reads_the_current_screen(guide, speaker, translator) -> None:
    off = voice_on()
    off.voice = False
    guide.screen_changed(home_model(voice=False), off)
    guide.screen_changed(home_model(voice=True), voice_on())

    [utterance] = speaker.utterances
    assert translator.text("title.home", "zh_CN") in utterance.text


def test_new_speech_and_user_actions_interrupt_the_current_utterance(guide, speaker, events) -> None:
    prefs = voice_on()
    guide.screen_changed(home_model(), prefs)
    first = speaker.current
    guide.screen_changed(ScreenModel("help", Text("title.help"), (Text("help.general"),)), prefs)
    second = speaker.current
    guide.user_action()

    assert first and second
    assert speaker.interrupted == [first.utterance, second.utterance]
    assert SpeechDone(second.utterance, False) in events
    assert speaker.current is None


def test_focus_announces_label_state_and_unavailability(guide, speaker, translator) -> None:
    guide.screen_changed(home_model(), voice_on("en"))
    guide.announce(Action("toggle_voice", Text("button.voice"), "toggle", checked=True))
    guide.announce(Action("choose_payment", Text("button.payment"), enabled=False))

    toggle = Text("voice.toggle_state", {"label": Text("button.voice"), "state": Text("toggle.on")})
    assert speaker.utterances[-2].text == translator.text(toggle, "en")
    assert speaker.utterances[-1].text == translator.text(Text("voice.disabled", {"label": Text("button.payment")}), "en")


def test_a_language_name_is_announced_in_its_own_language(guide, speaker) -> None:
    guide.screen_changed(home_model(), voice_on("zh_CN"))
    guide.announce(Action("set_language", Text("button.language"), "toggle", {"language": "ko"}, literal="한국어"))

    assert (speaker.utterances[-1].text, speaker.utterances[-1].language) == ("한국어", "ko")


def test_an_error_names_the_field(guide, speaker, translator) -> None:
    guide.screen_changed(home_model(), voice_on("en"))
    guide.error(Text("button.lookup"), Text("status.device.status_failed"))

    text = speaker.utterances[-1].text
    assert translator.text("button.lookup", "en") in text and translator.text("status.device.status_failed", "en") in text


def test_masked_input_is_spoken_as_star_even_into_headphones(guide, speaker) -> None:
    guide.headphones_changed(True)
    guide.screen_changed(home_model(), voice_on("ko"))
    guide.typed("7", masked=True)

    assert speaker.utterances[-1].text == "별표"
    assert "7" not in speaker.utterances[-1].text


def test_a_deletion_says_what_went_and_when_the_field_is_empty(guide, speaker) -> None:
    guide.headphones_changed(True)
    guide.screen_changed(home_model(), voice_on("en"))
    guide.deleted("ng", masked=False, emptied=False)
    assert speaker.utterances[-1].text == "deleted ng"
    assert speaker.utterances[-1].route is Route.HEADPHONES
    guide.deleted("7", masked=True, emptied=True)
    assert speaker.utterances[-1].text == "deleted star. the field is empty"


def test_what_was_deleted_stays_off_the_hall_speaker(guide, speaker) -> None:
    guide.screen_changed(home_model(), voice_on("en"))
    guide.deleted("Wang", masked=False, emptied=True)
    assert "Wang" not in speaker.utterances[-1].text
    assert "the field is empty" in speaker.utterances[-1].text


def test_repeat_says_the_last_utterance_again(guide, speaker) -> None:
    guide.screen_changed(home_model(), voice_on())
    guide.repeat()

    assert speaker.utterances[0].text == speaker.utterances[1].text


def test_slower_faster_louder_softer_move_one_step_and_are_heard_at_once(guide, speaker) -> None:
    guide.screen_changed(home_model(), voice_on())
    default_rate = speaker.rate_wpm
    guide.slower()
    slower = speaker.utterances[-1]
    guide.faster()
    guide.faster()
    guide.louder()
    louder = speaker.utterances[-1]
    guide.softer()

    assert slower.rate_wpm < default_rate < speaker.rate_wpm
    assert louder.volume > speaker.volume == VOLUME_STEPS[DEFAULT_VOLUME_STEP]
    assert slower.text == speaker.utterances[0].text


def test_rate_and_volume_stop_at_their_ends(guide, speaker) -> None:
    guide.screen_changed(home_model(), voice_on())
    for _ in range(20):
        guide.faster()
        guide.softer()
    assert (speaker.rate_wpm, speaker.volume) == (RATE_STEPS_WPM[-1], VOLUME_STEPS[0])


def test_elderly_mode_speaks_slower_from_the_start(guide, speaker) -> None:
    guide.screen_changed(home_model(), voice_on(elderly_mode=True))

    assert speaker.utterances[-1].rate_wpm == RATE_STEPS_WPM[ELDERLY_RATE_STEP]


def test_a_new_visit_starts_with_default_rate_and_volume_and_voice_off(guide, speaker) -> None:
    guide.screen_changed(home_model(), voice_on())
    defaults = (speaker.rate_wpm, speaker.volume)
    guide.slower()
    guide.louder()
    guide.choose_speaker_for_private()
    guide.reset_for_new_visit()

    assert (speaker.rate_wpm, speaker.volume) == defaults
    assert not guide.enabled and not guide.private_allowed
    assert speaker.current is None


def test_pause_and_resume_hold_and_release_the_speech(guide, speaker) -> None:
    guide.screen_changed(home_model(), voice_on())
    guide.toggle_pause()
    paused = speaker.paused
    guide.toggle_pause()

    assert paused and not speaker.paused and speaker.current is not None


def test_plugging_in_headphones_starts_voice_mode_and_reads_the_screen_into_them(guide, speaker, translator) -> None:
    off = voice_on()
    off.voice = False
    guide.screen_changed(home_model(voice=False), off)

    start_voice = guide.headphones_changed(True)
    guide.screen_changed(home_model(voice=True), voice_on())

    assert start_voice
    [utterance] = speaker.utterances
    assert utterance.route is Route.HEADPHONES
    assert utterance.text.startswith(translator.text("voice.headphones_on", "zh_CN"))
    assert translator.text("title.home", "zh_CN") in utterance.text


def test_a_receipt_is_read_in_full_and_in_order(guide, speaker, translator) -> None:
    guide.headphones_changed(True)
    guide.screen_changed(home_model(), voice_on("en"))
    lines = [Text("title.payment"), Spoken("GD2024-000815"), Text("help.staff")]
    guide.receipt(lines)

    text = speaker.utterances[-1].text
    parts = [translator.text("voice.receipt", "en"), translator.text("title.payment", "en"), "GD2024-000815",
             translator.text("help.staff", "en")]
    positions = [text.index(part) for part in parts]
    assert positions == sorted(positions)
