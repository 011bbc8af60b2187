"""Fixtures for the headless core: a controller on a hand-moved clock with the simulated devices."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.config import Settings
from kiosk.controller import KioskController
from kiosk.devices import DeviceManager
from kiosk.services import build_services


class ManualClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data", devices={"receipt_printer": {"options": {"output_dir": str(tmp_path / "printed")}}})


@pytest.fixture
def controller(settings: Settings, clock: ManualClock) -> Iterator[KioskController]:
    """The kiosk's core with simulated devices and the embedded demo court, without a UI thread."""
    devices = DeviceManager(settings)
    services = build_services(settings)
    kiosk = KioskController(settings, devices, services, clock=clock)
    devices.open_all(kiosk.device_event)
    services.start()
    yield kiosk
    services.tasks.wait_idle()
    devices.close_all()
    services.stop()
