"""A kiosk with two staff members and a badge key, driven through the controller with hand-moved clocks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.config import Settings
from kiosk.controller import KioskController
from kiosk.devices import DeviceManager
from kiosk.i18n import Translator
from kiosk.services import build_services
from kiosk.staff.badge import encode_public_key
from kiosk.staff.pins import hash_pin
from kiosk.voice.build import voice_guide
from tests.kiosk.conftest import ManualClock, UiLoop

PIN = "246810"
#: Test hashes use a low scrypt cost so the suite stays fast; the format and the check are the same.
CHEAP_N = 2**10
#: Panel size of the default settings: the gesture's corners are squares of 108 px.
WIDTH, HEIGHT = 1080, 1920
CORNERS = {"top_left": (20, HEIGHT - 20), "top_right": (WIDTH - 20, HEIGHT - 20),
           "bottom_right": (WIDTH - 20, 20), "bottom_left": (20, 20)}


@pytest.fixture(scope="session")
def pin_hash() -> str:
    return hash_pin(PIN, n=CHEAP_N)


@pytest.fixture(scope="session")
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def wall() -> ManualClock:
    """The wall clock lock-outs and badges are dated by."""
    clock = ManualClock()
    clock.now = 1_750_000_000.0
    return clock


@pytest.fixture
def settings(tmp_path: Path, pin_hash: str, signing_key: Ed25519PrivateKey) -> Settings:
    staff = {
        "members": {"zhao01": {"role": "operator", "pin_hash": pin_hash},
                    "admin1": {"role": "administrator", "pin_hash": pin_hash}},
        "badge_public_keys": [encode_public_key(signing_key.public_key())],
        "session_idle_s": 300, "session_max_s": 1800,
    }
    settings = Settings(data_dir=tmp_path / "data", staff=staff, devices={
        "receipt_printer": {"options": {"output_dir": str(tmp_path / "printed" / "receipt")}},
        "a4_printer": {"options": {"output_dir": str(tmp_path / "printed" / "a4")}},
    })
    config = tmp_path / "config" / "kiosk.toml"
    config.parent.mkdir()
    config.write_text("# the court's own comment\n[timeouts]\nidle_warning_s = 20 # seconds\n", encoding="utf-8")
    settings._config_file = config  # noqa: SLF001 - as load_settings would have set it
    return settings


@pytest.fixture
def controller(settings: Settings, clock: ManualClock, wall: ManualClock, loop: UiLoop) -> Iterator[KioskController]:
    devices = DeviceManager(settings, deliver=loop.deliver)
    services = build_services(settings, loop.deliver)
    kiosk = KioskController(settings, devices, services, voice_guide(devices, Translator()), clock=clock,
                            wall_clock=wall)
    devices.open_all(kiosk.device_event)
    services.start()
    loop.pump(lambda: kiosk.devices.required_working())
    yield kiosk
    devices.close_all()
    services.stop()


def do_gesture(kiosk: KioskController, clock: ManualClock) -> None:
    """Hold the top-left corner for the configured time, then tap top right, bottom right, top right."""
    pattern = kiosk.settings.staff.gesture
    kiosk.raw_touch(True, 1, *CORNERS[pattern.hold_corner.value])
    clock.advance(pattern.hold_s + 0.1)
    kiosk.raw_touch(False, 1, *CORNERS[pattern.hold_corner.value])
    for number, corner in enumerate(pattern.taps, start=2):
        clock.advance(0.3)
        kiosk.raw_touch(True, number, *CORNERS[corner.value])
        clock.advance(0.1)
        kiosk.raw_touch(False, number, *CORNERS[corner.value])


def type_pin(kiosk: KioskController, loop: UiLoop, staff_id: str, pin: str = PIN) -> None:
    """Type a staff id and a PIN at the prompt and wait for the check."""
    kiosk.intent("edit_field", field="maintenance.staff_id", value=staff_id)
    kiosk.intent("edit_field", field="maintenance.pin", value=pin)
    kiosk.intent("staff_pin")
    loop.pump(lambda: kiosk.flow.step != "maintenance_checking")


def unlocked(kiosk: KioskController, loop: UiLoop, clock: ManualClock, staff_id: str = "admin1") -> KioskController:
    """The kiosk in the maintenance menu with ``staff_id`` signed in."""
    do_gesture(kiosk, clock)
    type_pin(kiosk, loop, staff_id)
    assert kiosk.flow.step == "maintenance_menu"
    return kiosk


def audit_events(kiosk: KioskController) -> list[dict]:
    """Every entry of the kiosk's audit trail."""
    return [json.loads(line) for line in kiosk.audit.path.read_text(encoding="utf-8").splitlines()]


def body_texts(kiosk: KioskController) -> list[str]:
    """The current screen's body, translated into Chinese."""
    translator = Translator()
    return [translator.text(text, "zh_CN") for text in kiosk.model().body]
