"""The speech twin: records what would have been said, where, and what was cut short.

Tests and ``make run`` use it to check *what* the kiosk says (every prompt, in order) and *where*
(nothing personal on the hall speaker) without audio. An utterance counts as playing until the next
one interrupts it, :meth:`stop` is called, or a test calls :meth:`finish`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from types import MappingProxyType

from drivers.base import (
    DeviceStatus,
    Emit,
    Health,
    Route,
    SelfTestResult,
    Speaker,
    SpeechDone,
    SpeechStarted,
    StatusChanged,
)


@dataclass(frozen=True)
class Utterance:
    """One ``say()``: its number, the text as sent, its language, route, and the rate and volume then."""

    utterance: int
    text: str
    language: str
    route: Route
    rate_wpm: int
    volume: float


#: Scenario → the status the twin reports.
SCENARIOS: MappingProxyType[str, DeviceStatus] = MappingProxyType(
    {
        "normal": DeviceStatus(Health.OK, "status.speech.ok"),
        "no_audio_device": DeviceStatus(Health.ABSENT, "status.speech.no_audio_device", "simulated: no sound card"),
    }
)


class SimulatedSpeaker(Speaker):
    """Records utterances instead of speaking them; see :data:`SCENARIOS`."""

    name = "simulated"
    scenarios = tuple(SCENARIOS)

    def __init__(self, *, scenario: str = "normal", rate_wpm: int = 160, volume: float = 0.8) -> None:
        if scenario not in SCENARIOS:
            raise ValueError(f"unknown scenario {scenario!r}; known: {', '.join(SCENARIOS)}")
        self._scenario = scenario
        self._emit: Emit | None = None
        self._ids = itertools.count(1)
        self.rate_wpm = rate_wpm
        self.volume = volume
        #: Everything said since open, in order.
        self.utterances: list[Utterance] = []
        #: Numbers of the utterances cut short (by new speech, stop or pause).
        self.interrupted: list[int] = []
        self.queued: list[Utterance] = []
        self.current: Utterance | None = None
        self.paused = False

    @classmethod
    def is_usable(cls) -> bool:
        """Needs nothing."""
        return True

    def open(self, emit: Emit) -> None:
        """Start recording."""
        self._emit = emit

    def close(self) -> None:
        """Stop recording (what was recorded stays readable)."""
        self._emit = None

    def status(self) -> DeviceStatus:
        """The scenario's status."""
        return SCENARIOS[self._scenario] if self._emit else DeviceStatus(Health.ABSENT, "status.speech.closed")

    def self_test(self) -> SelfTestResult:
        """Passes when the scenario has an audio device."""
        status = self.status()
        return SelfTestResult(status.health is Health.OK, status.message_key, status.detail)

    def say(self, text: str, language: str, *, route: Route = Route.SPEAKER, interrupt: bool = True) -> int:
        """Record the utterance; it becomes current, or waits when ``interrupt`` is False."""
        utterance = Utterance(next(self._ids), text, language, route, self.rate_wpm, self.volume)
        self.utterances.append(utterance)
        if interrupt:
            self._drop_all()
            self.paused = False
        self.queued.append(utterance)
        self._advance()
        return utterance.utterance

    def stop(self) -> None:
        """Cut the current utterance short and drop the queued ones."""
        self._drop_all()
        self.paused = False

    def pause(self) -> None:
        """Hold the current utterance."""
        self.paused = self.current is not None

    def resume(self) -> None:
        """Go on with the held utterance."""
        self.paused = False

    def set_rate(self, words_per_minute: int) -> None:
        """Recorded with the following utterances."""
        self.rate_wpm = words_per_minute

    def set_volume(self, volume: float) -> None:
        """Recorded with the following utterances."""
        self.volume = volume

    # --- simulation helpers (tests and the dev panel only) -----------------------------------

    def finish(self) -> None:
        """The current utterance reaches its end; the next queued one starts."""
        if self.current is not None and not self.paused:
            done, self.current = self.current, None
            self._send(SpeechDone(done.utterance, True))
            self._advance()

    def texts(self, route: Route | None = None) -> list[str]:
        """The texts sent so far, optionally only those sent to ``route``."""
        return [u.text for u in self.utterances if route is None or u.route is route]

    def clear(self) -> None:
        """Forget the record (not the current state)."""
        self.utterances.clear()
        self.interrupted.clear()

    def set_scenario(self, name: str) -> None:
        """Switch scenario now and report the new status."""
        if name not in SCENARIOS:
            raise ValueError(f"unknown scenario {name!r}; known: {', '.join(SCENARIOS)}")
        self._scenario = name
        self._send(StatusChanged(self.status()))

    def _advance(self) -> None:
        if self.current is not None or not self.queued:
            return
        self.current = self.queued.pop(0)
        if SCENARIOS[self._scenario].working:
            self._send(SpeechStarted(self.current.utterance))
        else:
            failed, self.current = self.current, None
            self._send(SpeechDone(failed.utterance, False))
            self._advance()

    def _drop_all(self) -> None:
        for dropped in ([self.current] if self.current else []) + self.queued:
            self.interrupted.append(dropped.utterance)
            self._send(SpeechDone(dropped.utterance, False))
        self.current, self.queued = None, []

    def _send(self, event: SpeechStarted | SpeechDone | StatusChanged) -> None:
        if self._emit is not None:
            self._emit(event)
