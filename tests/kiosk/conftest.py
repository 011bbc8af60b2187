"""Fixtures for the headless core: a controller on a hand-moved clock with the simulated devices."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Iterator

import pytest

from kiosk.config import Settings
from kiosk.controller import KioskController
from kiosk.devices import DeviceManager
from kiosk.i18n import Translator
from kiosk.services import build_services
from kiosk.voice.build import voice_guide


class ManualClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class UiLoop:
    """Stands in for Kivy's clock: device and task results queue here and run when the test pumps."""

    def __init__(self) -> None:
        self._calls: queue.Queue[Callable[[], None]] = queue.Queue()

    def deliver(self, call: Callable[[], None]) -> None:
        self._calls.put(call)

    def pump(self, until: Callable[[], bool], timeout_s: float = 15.0) -> None:
        """Run delivered calls on this (the "UI") thread until ``until()`` holds."""
        deadline = time.monotonic() + timeout_s
        while not until():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the condition did not come true in time")
            try:
                self._calls.get(timeout=min(remaining, 0.05))()
            except queue.Empty:
                continue


@pytest.fixture
def loop() -> UiLoop:
    return UiLoop()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data", devices={
        "receipt_printer": {"options": {"output_dir": str(tmp_path / "printed" / "receipt")}},
        "a4_printer": {"options": {"output_dir": str(tmp_path / "printed" / "a4")}},
    })


@pytest.fixture
def controller(settings: Settings, clock: ManualClock, loop: UiLoop) -> Iterator[KioskController]:
    """The kiosk's core with simulated devices and the embedded demo court; ``loop`` plays the UI thread."""
    devices = DeviceManager(settings, deliver=loop.deliver)
    services = build_services(settings, loop.deliver)
    kiosk = KioskController(settings, devices, services, voice_guide(devices, Translator()), clock=clock)
    devices.open_all(kiosk.device_event)
    services.start()
    yield kiosk
    devices.close_all()
    services.stop()
