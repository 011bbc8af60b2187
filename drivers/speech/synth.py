"""pyttsx3's espeak-ng engine, writing one sentence at a time to a WAV file.

pyttsx3 must be created and driven from one thread (issues #126, #262, #327, #403), so a
:class:`Synthesizer` belongs to the thread that made it. Its ``runAndWait()`` returns before the
WAV exists (espeak-ng synthesises on its own thread), so we wait for ``finished-utterance``.

espeak-ng queues parameter changes in its own command queue, and pyttsx3 ends every
``runAndWait()`` with a ``Cancel`` when that queue is busy, which silently drops a voice or rate
change still waiting there (alternating two rates in a tight loop lost half of the changes). So
we let espeak-ng's queue drain after changing settings and after each synthesis.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

#: espeak-ng's output format, as pyttsx3 writes it.
SAMPLE_RATE_HZ = 22050
#: How often to look whether espeak-ng's command queue has drained.
_SETTLE_POLL_S = 0.001


class SynthesisError(RuntimeError):
    """The engine did not deliver the audio in time."""


class Synthesizer:
    """Text to WAV with a given voice, rate and volume; call only from the thread that created it."""

    def __init__(self, timeout_s: float = 10.0) -> None:
        import pyttsx3  # noqa: PLC0415 - loads libespeak-ng; only the speech thread needs it
        from pyttsx3.drivers import _espeak  # noqa: PLC0415 - pyttsx3's binding: the queue state

        self._timeout_s = timeout_s
        self._espeak_busy = _espeak.IsPlaying
        self._finished = threading.Event()
        self._engine = pyttsx3.init("espeak")
        self._engine.connect("finished-utterance", self._on_finished)
        # A fresh engine queues commands until its first loop; one empty loop makes later
        # setProperty calls reach espeak-ng at once, where _settle can wait for them.
        self._engine.runAndWait()
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
            self._settle()
        path.unlink(missing_ok=True)
        self._finished.clear()
        self._engine.save_to_file(text, str(path))
        self._engine.runAndWait()
        finished = self._finished.wait(self._timeout_s)
        self._settle()
        if not finished or not path.exists():
            raise SynthesisError(f"no audio after {self._timeout_s} s")

    def _settle(self) -> None:
        """Wait until espeak-ng has taken every queued command (a millisecond or two)."""
        deadline = time.monotonic() + self._timeout_s
        while self._espeak_busy() and time.monotonic() < deadline:
            time.sleep(_SETTLE_POLL_S)

    def close(self) -> None:
        """Drop the engine (espeak-ng itself stays loaded: it cannot be initialised twice)."""
        self._engine.stop()
        del self._engine
