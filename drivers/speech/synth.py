"""pyttsx3's espeak-ng engine, writing one sentence at a time to a WAV file.

pyttsx3 must be created and driven from one thread (issues #126, #262, #327, #403), so a
:class:`Synthesizer` belongs to the thread that made it. Its ``runAndWait()`` returns before the
WAV exists (espeak-ng synthesises on its own thread), so we wait for ``finished-utterance``.

espeak-ng queues parameter changes in its own command queue, and pyttsx3 ends every
``runAndWait()`` with a ``Cancel`` when that queue is busy, which silently drops a voice or rate
change still waiting there (alternating two rates in a tight loop lost half of the changes). So
we let espeak-ng's queue drain after changing settings and after each synthesis.

A fresh engine keeps ``setProperty`` calls in pyttsx3's own queue until its first utterance
ends; they then reach espeak-ng inside the next ``runAndWait()``, whose ``Cancel`` can hit them
and end the synthesis queued just after it with no samples: an empty WAV (seen in CI as silent
prompts; reproduced here in one engine in six to forty opened one after another, always right
after such a ``Cancel``). So a new engine first synthesises once, and an empty WAV is
synthesised again.
"""

from __future__ import annotations

import tempfile
import threading
import time
import wave
from pathlib import Path

#: espeak-ng's output format, as pyttsx3 writes it.
SAMPLE_RATE_HZ = 22050
#: How often to look whether espeak-ng's command queue has drained.
_SETTLE_POLL_S = 0.001
#: Syntheses of one text before an empty WAV is accepted (text with nothing to pronounce).
_ATTEMPTS = 3


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
        self._settings: tuple[str, int, float] | None = None
        self._warm_up()

    def _warm_up(self) -> None:
        """Synthesise once, so that later ``setProperty`` calls reach espeak-ng at once.

        pyttsx3 holds commands in its own queue while its driver is "busy", and a fresh engine
        stays busy until the end of its first utterance. Settings held there would reach
        espeak-ng inside the next ``runAndWait()``, just before the ``Cancel`` that ends it.
        """
        self._settle()
        with tempfile.TemporaryDirectory(prefix="courtkiosk-synth-") as folder:
            self._synthesize_once(".", Path(folder) / "warm-up.wav")

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
        for _ in range(_ATTEMPTS):
            self._synthesize_once(text, path)
            if _frames(path):
                return

    def _synthesize_once(self, text: str, path: Path) -> None:
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


def _frames(path: Path) -> int:
    """How many samples the WAV holds (0 for a WAV pyttsx3 wrote before any audio arrived)."""
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes()
