"""The synthesiser under pyttsx3: an empty WAV from a late espeak-ng event is made again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drivers.speech import synth
from drivers.speech.wav import measure, write_silence


@pytest.fixture
def synthesizer() -> Iterator[synth.Synthesizer]:
    """A synthesiser of its own, dropped after the test (pyttsx3 keeps one espeak-ng engine)."""
    made = synth.Synthesizer()
    yield made
    made.close()


def test_an_empty_wav_is_synthesised_again(
    synthesizer: synth.Synthesizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = synth.Synthesizer._synthesize_once  # noqa: SLF001 - the step whose outcome we spoil
    attempts: list[str] = []

    def empty_first(self: synth.Synthesizer, text: str, path: Path) -> None:
        attempts.append(text)
        if len(attempts) == 1:
            write_silence(path, seconds=0)
        else:
            real(self, text, path)

    monkeypatch.setattr(synth.Synthesizer, "_synthesize_once", empty_first)
    path = tmp_path / "hello.wav"
    synthesizer.to_wav("Hello there.", path, voice="gmw/en", rate_wpm=160, volume=1.0)

    assert attempts == ["Hello there.", "Hello there."]
    assert measure(path).duration_s > 0.3


def test_text_with_nothing_to_say_is_tried_a_few_times_then_accepted(
    synthesizer: synth.Synthesizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[str] = []

    def always_empty(self: synth.Synthesizer, text: str, path: Path) -> None:
        attempts.append(text)
        write_silence(path, seconds=0)

    monkeypatch.setattr(synth.Synthesizer, "_synthesize_once", always_empty)
    synthesizer.to_wav("…", tmp_path / "nothing.wav", voice="gmw/en", rate_wpm=160, volume=1.0)
    assert len(attempts) == synth._ATTEMPTS  # noqa: SLF001


def test_the_first_sentence_of_each_new_engine_has_audio_without_a_second_try(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the warm-up, one or two of these 40 engines gave an empty WAV (settings cancelled)."""
    monkeypatch.setattr(synth, "_ATTEMPTS", 1)
    empty = []
    for number in range(40):
        made = synth.Synthesizer()
        for voice in ("gmw/en", "ko"):
            path = tmp_path / f"{number}-{voice.replace('/', '-')}.wav"
            made.to_wav("Hello there.", path, voice=voice, rate_wpm=160, volume=1.0)
            if measure(path).duration_s == 0:
                empty.append(path.name)
        made.close()
    assert not empty
