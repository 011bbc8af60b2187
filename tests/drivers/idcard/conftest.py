"""Fixtures for driving the real GA 467 driver against the emulated reader over a pty."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from drivers.base import DeviceEvent, Health, StatusChanged
from drivers.idcard.simulated import SimulatedIdReader

#: Generous for a loaded machine; the emulator answers in milliseconds.
WAIT_S = 8.0


class Recorder:
    """Collects events from the driver's thread and lets a test wait for one."""

    def __init__(self) -> None:
        self.events: list[DeviceEvent] = []
        self._changed = threading.Condition()

    def __call__(self, event: DeviceEvent) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def of(self, kind: type[DeviceEvent]) -> list[DeviceEvent]:
        """The events of one type received so far."""
        with self._changed:
            return [event for event in self.events if isinstance(event, kind)]

    def wait_for(self, condition: Callable[[], bool], timeout: float = WAIT_S) -> None:
        """Block until ``condition`` holds, or fail the test."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition():
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"timed out; events so far: {self.events}"
                self._changed.wait(remaining)

    def wait_count(self, kind: type[DeviceEvent], count: int, timeout: float = WAIT_S) -> list[DeviceEvent]:
        """Wait until ``count`` events of ``kind`` have arrived; return them."""
        self.wait_for(lambda: len([e for e in self.events if isinstance(e, kind)]) >= count, timeout)
        return self.of(kind)

    def wait_health(self, health: Health, message_key: str | None = None, timeout: float = WAIT_S) -> StatusChanged:
        """Wait for a status change to ``health`` (and ``message_key``, when given)."""

        def matches(event: DeviceEvent) -> bool:
            return (
                isinstance(event, StatusChanged)
                and event.status.health == health
                and message_key in (None, event.status.message_key)
            )

        self.wait_for(lambda: any(matches(e) for e in self.events), timeout)
        return next(e for e in self.of(StatusChanged) if matches(e))  # type: ignore[return-value]

    def clear(self) -> None:
        """Forget what was received so far."""
        with self._changed:
            self.events.clear()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def make_sim(recorder: Recorder) -> Iterator[Callable[..., SimulatedIdReader]]:
    """Open a simulated reader in a scenario, reading enabled; closed after the test."""
    opened: list[SimulatedIdReader] = []

    def make(scenario: str, *, enabled: bool = True) -> SimulatedIdReader:
        sim = SimulatedIdReader(scenario=scenario)
        sim.set_enabled(enabled)
        sim.open(recorder)
        opened.append(sim)
        return sim

    yield make
    for sim in opened:
        sim.close()
