"""Real speakers (pyttsx3 + espeak-ng) opened per test, and a recorder to wait for their events."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from drivers.base import DeviceEvent
from drivers.speech.pyttsx3_speaker import Pyttsx3Speaker

PACED_PLAYER = Path(__file__).with_name("paced_player.py")
#: Generous: the machine may be busy with other work; the tests never assert on time.
WAIT_S = 30.0


class Recorder:
    """Collects a driver's events with the time each arrived."""

    def __init__(self) -> None:
        self.events: list[tuple[float, DeviceEvent]] = []
        self._changed = threading.Condition()

    def __call__(self, event: DeviceEvent) -> None:
        with self._changed:
            self.events.append((time.perf_counter(), event))
            self._changed.notify_all()

    def wait_for(self, wanted: DeviceEvent) -> float:
        """Block until ``wanted`` has been emitted; returns when it arrived."""
        with self._changed:
            found = self._changed.wait_for(lambda: self._find(wanted), WAIT_S)
        assert found, f"no {wanted} within {WAIT_S} s; got {[e for _, e in self.events]}"
        return found

    def _find(self, wanted: DeviceEvent) -> float | None:
        return next((at for at, event in self.events if event == wanted), None)

    def of_type(self, kind: type) -> list[DeviceEvent]:
        return [event for _, event in self.events if isinstance(event, kind)]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def open_speaker(recorder: Recorder) -> Iterator[Callable[..., Pyttsx3Speaker]]:
    """Open a real speaker with the given options; closed after the test (one per process at a time)."""
    opened: list[Pyttsx3Speaker] = []

    def make(**options: object) -> Pyttsx3Speaker:
        speaker = Pyttsx3Speaker(**options)  # type: ignore[arg-type]
        speaker.open(recorder)
        opened.append(speaker)
        return speaker

    yield make
    for speaker in opened:
        speaker.close()


@pytest.fixture
def paced_speaker(open_speaker: Callable[..., Pyttsx3Speaker], tmp_path: Path) -> tuple[Pyttsx3Speaker, Path]:
    """A speaker whose "audio device" plays in real time and logs each sentence's start and end."""
    log = tmp_path / "played.log"
    player = (sys.executable, str(PACED_PLAYER), "{device}", "{path}")
    speaker = open_speaker(player=player, speaker_device=str(log), headphone_device=str(log))
    return speaker, log
