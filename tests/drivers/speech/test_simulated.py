"""The speech twin records what was said, where, and what was cut short."""

from __future__ import annotations

from drivers.base import DeviceEvent, Health, Route, SpeechDone, SpeechStarted
from drivers.speech.simulated import SimulatedSpeaker


def test_utterances_are_recorded_with_language_route_and_interruptions() -> None:
    seen: list[DeviceEvent] = []
    twin = SimulatedSpeaker()
    twin.open(seen.append)
    first = twin.say("你好", "zh_CN")
    second = twin.say("secret", "en", route=Route.HEADPHONES)
    twin.finish()

    assert twin.texts(Route.SPEAKER) == ["你好"] and twin.texts(Route.HEADPHONES) == ["secret"]
    assert twin.interrupted == [first]
    assert seen == [SpeechStarted(first), SpeechDone(first, False), SpeechStarted(second), SpeechDone(second, True)]


def test_queued_utterances_follow_each_other() -> None:
    twin = SimulatedSpeaker()
    twin.open(lambda event: None)
    twin.say("one", "en")
    second = twin.say("two", "en", interrupt=False)
    twin.finish()
    assert twin.current is not None and twin.current.utterance == second


def test_without_an_audio_device_every_utterance_fails_but_is_recorded() -> None:
    seen: list[DeviceEvent] = []
    twin = SimulatedSpeaker(scenario="no_audio_device")
    twin.open(seen.append)
    number = twin.say("hello", "en")
    assert twin.status().health is Health.ABSENT
    assert seen == [SpeechDone(number, False)] and twin.texts() == ["hello"]
