"""The real speech driver: one engine thread, killable playback, statuses instead of crashes."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from drivers.base import DeviceError, Health, Route, SpeechDone, SpeechStarted, StatusChanged
from drivers.speech import synth
from drivers.speech.wav import measure

from .conftest import PACED_PLAYER, WAIT_S, Recorder

LONG_TEXT = (
    "This is a long announcement that keeps going for several seconds, so that there is time to "
    "interrupt it while the first sentence is still playing on the audio device"
)


def played(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def wait_until(condition: Callable[[], bool]) -> None:
    """Poll ``condition`` until true (the paced player is a separate process writing a log)."""
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, "condition not met"
        time.sleep(0.01)


def test_a_new_utterance_kills_the_one_playing(paced_speaker, recorder: Recorder) -> None:
    speaker, log = paced_speaker
    first = speaker.say(LONG_TEXT, "en")
    first_wav = f"{first}-0.wav"
    wait_until(lambda: f"start {first_wav}" in played(log))
    asked = time.perf_counter()
    second = speaker.say("Stop.", "en")
    stopped = recorder.wait_for(SpeechDone(first, completed=False))
    recorder.wait_for(SpeechDone(second, completed=True))

    print(f"stop latency (say() to the old player killed and reaped): {1000 * (stopped - asked):.1f} ms")
    assert f"end {first_wav}" not in played(log)
    assert f"end {second}-0.wav" in played(log)


def test_pause_stops_the_sentence_and_resume_plays_it_again_then_goes_on(paced_speaker, recorder) -> None:
    speaker, log = paced_speaker
    utterance = speaker.say("First sentence here. Second one.", "en")
    wait_until(lambda: f"start {utterance}-0.wav" in played(log))
    speaker.pause()
    speaker.resume()
    recorder.wait_for(SpeechDone(utterance, completed=True))

    lines = [line for line in played(log) if not line.endswith("probe.wav")]
    first = f"{utterance}-0.wav"
    assert lines.count(f"start {first}") == 2 and lines.count(f"end {first}") == 1
    assert lines[-1] == f"end {utterance}-1.wav"


def test_stop_silences_and_drops_what_was_queued(paced_speaker, recorder) -> None:
    speaker, log = paced_speaker
    first = speaker.say(LONG_TEXT, "en")
    queued = speaker.say("Never heard.", "en", interrupt=False)
    recorder.wait_for(SpeechStarted(first))
    speaker.stop()

    recorder.wait_for(SpeechDone(first, completed=False))
    recorder.wait_for(SpeechDone(queued, completed=False))
    assert SpeechStarted(queued) not in recorder.of_type(SpeechStarted)


def test_utterances_queued_without_interrupting_play_in_turn(paced_speaker, recorder) -> None:
    speaker, log = paced_speaker
    numbers = [speaker.say(text, language, interrupt=False) for text, language in
               [("一", "zh_CN"), ("One.", "en"), ("하나", "ko")]]
    recorder.wait_for(SpeechDone(numbers[-1], completed=True))

    assert [e for e in recorder.of_type(SpeechDone)] == [SpeechDone(n, True) for n in numbers]


def test_headphone_route_plays_on_the_headphone_device(open_speaker, recorder, tmp_path) -> None:
    speaker_log, headphone_log = tmp_path / "speaker.log", tmp_path / "headphones.log"
    speaker = open_speaker(player=(sys.executable, str(PACED_PLAYER), "{device}", "{path}"),
                           speaker_device=str(speaker_log), headphone_device=str(headphone_log))
    utterance = speaker.say("Private.", "en", route=Route.HEADPHONES)
    recorder.wait_for(SpeechDone(utterance, completed=True))

    assert f"end {utterance}-0.wav" in played(headphone_log)
    assert not [line for line in played(speaker_log) if not line.endswith("probe.wav")]


def test_a_missing_audio_device_is_a_status_not_a_crash(open_speaker, recorder) -> None:
    speaker = open_speaker(speaker_device="courtkiosk_no_such_pcm", headphone_device="courtkiosk_no_such_pcm")
    assert speaker.status().health is Health.ABSENT
    assert speaker.status().message_key == "status.speech.no_audio_device"

    utterance = speaker.say("Hello.", "en")
    recorder.wait_for(SpeechDone(utterance, completed=False))
    assert not speaker.self_test().passed


def test_no_player_at_all_is_also_just_a_status(open_speaker, recorder) -> None:
    speaker = open_speaker(player=("/nonexistent/aplay", "{path}"))
    utterance = speaker.say("Hello.", "en")
    recorder.wait_for(SpeechDone(utterance, completed=False))
    assert speaker.status().message_key == "status.speech.no_audio_device"


def test_synthesis_happens_only_on_the_speech_thread(
    open_speaker, recorder, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: set[str] = set()
    original = synth.Synthesizer.to_wav

    def recording(self: synth.Synthesizer, *args: object, **kwargs: object) -> None:
        threads.add(threading.current_thread().name)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(synth.Synthesizer, "to_wav", recording)
    speaker = open_speaker(player=("true",))
    utterance = speaker.say("第一句。第二句。", "zh_CN")
    speaker.synthesize_to_wav("Hello.", "en", tmp_path / "hello.wav")
    recorder.wait_for(SpeechDone(utterance, completed=True))

    assert threads == {"speech"}


def test_a_faster_rate_gives_shorter_audio(open_speaker, tmp_path) -> None:
    speaker = open_speaker(player=("true",))
    lengths = []
    for rate in (100, 240):
        speaker.set_rate(rate)
        speaker.synthesize_to_wav("请到诉讼服务窗口办理。", "zh_CN", tmp_path / f"{rate}.wav")
        lengths.append(measure(tmp_path / f"{rate}.wav").duration_s)
    assert lengths[0] > lengths[1]


def test_audio_files_are_deleted_once_played_and_the_directory_on_close(open_speaker, recorder) -> None:
    speaker = open_speaker(player=("true",))
    utterance = speaker.say("One. Two. Three.", "en")
    recorder.wait_for(SpeechDone(utterance, completed=True))
    directory = speaker._dir  # noqa: SLF001 - the private directory is what we check
    assert directory is not None and sorted(p.name for p in directory.iterdir()) == ["probe.wav"]

    speaker.close()
    assert not directory.exists()
    assert speaker.status().message_key == "status.speech.closed"


def test_only_one_speaker_may_hold_the_engine(open_speaker) -> None:
    open_speaker(player=("true",))
    with pytest.raises(DeviceError) as raised:
        open_speaker(player=("true",))
    assert raised.value.message_key == "status.speech.engine_in_use"


def test_self_test_passes_with_a_working_device(open_speaker, recorder) -> None:
    speaker = open_speaker(player=("true",))
    result = speaker.self_test()
    assert result.passed and result.message_key == "status.speech.ok"
    assert speaker.status().health is Health.OK
    assert StatusChanged(speaker.status()) in recorder.of_type(StatusChanged)
