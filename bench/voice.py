"""Voice: time from a screen change to its first audio being ready, per language.

The voice guide hears ``screen_changed`` for a real presenter's screen and hands the prompt to the
real speech driver (pyttsx3 + espeak-ng, pinyin for Mandarin); the clock stops when the driver
reports :class:`SpeechStarted`, i.e. the first sentence's WAV is written and handed to the player.
The player is ``true`` here (no sound card on the bench machine), so device latency is excluded.
Prints the median and spread (min–max) of RUNS runs per screen and language, in milliseconds.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drivers.base import DeviceEvent, SpeechStarted  # noqa: E402
from drivers.speech.pyttsx3_speaker import Pyttsx3Speaker  # noqa: E402
from kiosk.i18n import LANGUAGES, Translator  # noqa: E402
from kiosk.presenters.model import ScreenContext, ScreenModel  # noqa: E402
from kiosk.presenters.screens import present  # noqa: E402
from kiosk.session import Preferences  # noqa: E402
from kiosk.voice import VoiceGuide  # noqa: E402

RUNS = 9
SCREENS = ("attract", "home", "help", "out_of_service")
WAIT_S = 30.0


class FirstAudio:
    """Waits for the next :class:`SpeechStarted` and notes when it came."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.at = 0.0

    def __call__(self, event: DeviceEvent) -> None:
        if isinstance(event, SpeechStarted):
            self.at = time.perf_counter()
            self._event.set()

    def arm(self) -> None:
        self._event.clear()

    def wait(self) -> float:
        if not self._event.wait(WAIT_S):
            raise TimeoutError("no audio")
        return self.at


def model(screen: str, prefs: Preferences) -> ScreenModel:
    return present(ScreenContext(screen=screen, step=screen, preferences=prefs, languages=LANGUAGES))


def main() -> None:
    # pyttsx3 prints a line per WAV it writes; keep the table readable.
    with contextlib.redirect_stdout(io.StringIO()):
        rows = measure()
    for row in rows:
        print(row)


def measure() -> list[str]:
    """The table's lines."""
    first_audio = FirstAudio()
    speaker = Pyttsx3Speaker(player=("true",))
    speaker.open(first_audio)
    guide = VoiceGuide(speaker, Translator())
    blank = ScreenModel("blank", model("home", Preferences()).title)
    rows = [f"{'screen':16} " + "  ".join(f"{lang:>20}" for lang in LANGUAGES)]
    try:
        all_runs: dict[str, list[float]] = {lang: [] for lang in LANGUAGES}
        for screen in SCREENS:
            cells = []
            for language in LANGUAGES:
                prefs = Preferences(language=language, voice=True)
                target = model(screen, prefs)
                runs = []
                for _ in range(RUNS):
                    guide.screen_changed(blank, prefs)  # so the next screen is new to the guide
                    first_audio.wait()
                    first_audio.arm()
                    began = time.perf_counter()
                    guide.screen_changed(target, prefs)
                    runs.append(1000 * (first_audio.wait() - began))
                    first_audio.arm()
                all_runs[language].extend(runs)
                cells.append(f"{statistics.median(runs):6.1f} ({min(runs):5.1f}–{max(runs):5.1f})")
            rows.append(f"{screen:16} " + "  ".join(cells))
        rows.append(f"{'all screens':16} " + "  ".join(f"{statistics.median(r):6.1f}{'':14}" for r in all_runs.values()))
    finally:
        speaker.close()
    return rows


if __name__ == "__main__":
    main()
