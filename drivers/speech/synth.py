"""pyttsx3's espeak-ng engine, writing one sentence at a time to a WAV file.

pyttsx3 must be created and driven from one thread (issues #126, #262, #327, #403), so a
:class:`Synthesizer` belongs to the thread that made it. Its ``runAndWait()`` returns before the
WAV exists (espeak-ng synthesises on its own thread), so we wait for ``finished-utterance``.
"""

from __future__ import annotations

import threading
from pathlib import Path

#: espeak-ng's output format, as pyttsx3 writes it.
SAMPLE_RATE_HZ = 22050


class SynthesisError(RuntimeError):
    """The engine did not deliver the audio in time."""


class Synthesizer:
    """Text to WAV with a given voice, rate and volume; call only from the thread that created it."""

    def __init__(self, timeout_s: float = 10.0) -> None:
        import pyttsx3  # noqa: PLC0415 - loads libespeak-ng; only the speech thread needs it

        self._timeout_s = timeout_s
        self._finished = threading.Event()
        self._engine = pyttsx3.init("espeak")
        self._engine.connect("finished-utterance", self._on_finished)
        self._settings: tuple[str, int, float] | None = None

    def _on_finished(self, name: str | None, completed: bool) -> None:
        # Called on espeak-ng's own thread once the WAV file is written.
        self._finished.set()

    def to_wav(self, text: str, path: Path, *, voice: str, rate_wpm: int, volume: float) -> None:
        """Synthesise ``text`` into ``path``; blocks for the synthesis only (tens of ms a sentence)."""
        settings = (voice, rate_wpm, volume)
        if settings != self._settings:
            self._engine.setProperty("voice", voice)
            self._engine.setProperty("rate", rate_wpm)
            self._engine.setProperty("volume", volume)
            self._settings = settings
        self._finished.clear()
        self._engine.save_to_file(text, str(path))
        self._engine.runAndWait()
        if not self._finished.wait(self._timeout_s) or not path.exists():
            raise SynthesisError(f"no audio after {self._timeout_s} s")

    def close(self) -> None:
        """Drop the engine (espeak-ng itself stays loaded: it cannot be initialised twice)."""
        self._engine.stop()
        del self._engine
