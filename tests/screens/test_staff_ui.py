"""Maintenance mode and kiosk lockdown in the real Kivy app under Xvfb, driven by simulated touches and keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.staff.pins import hash_pin
from tests.screens.conftest import RunScript
from tests.screens.scripts_staff import PIN, STAFF_ID

pytestmark = pytest.mark.ui

#: The shortest hold the settings allow, to keep the test quick.
HOLD_S = "2"


def staff_env(**extra: str) -> dict[str, str]:
    members = {STAFF_ID: {"role": "administrator", "pin_hash": hash_pin(PIN, n=2**10)}}
    return {"KIOSK_STAFF__MEMBERS": json.dumps(members), "KIOSK_STAFF__GESTURE__HOLD_S": HOLD_S, **extra}


def test_the_hidden_gesture_the_pin_pad_and_a_test_print_then_back_to_attract(run_in_app: RunScript) -> None:
    results = run_in_app("tests.screens.scripts_staff:unlock_test_print_and_leave", **staff_env())
    assert results["prompt"] == "maintenance_unlock"
    assert results["pin_typed"] and results["pin_shown_as"].startswith("•" * len(PIN))
    assert PIN not in results["pin_shown_as"]
    assert results["printed"] == ["%PDF-"]
    assert results["after"] == {"screen": "attract", "session": False}


def test_every_maintenance_screen_is_photographed_without_layout_problems(run_in_app: RunScript, tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    results = run_in_app("tests.screens.scripts_staff:maintenance_screenshots", **staff_env(KIOSK_TEST_SHOTS=str(shots)))
    names = {"maintenance_unlock", "maintenance_menu", "maintenance_devices", "maintenance_consumables",
             "maintenance_outbox", "maintenance_settings", "maintenance_setting", "maintenance_logs",
             "maintenance_audit", "maintenance_confirm"}
    assert {p.stem for p in shots.glob("*.png")} == names
    assert {name: found for name, found in results["layout_problems"].items() if found} == {}


def test_escape_alt_f4_and_the_close_request_do_not_end_the_app_in_kiosk_mode(run_in_app: RunScript) -> None:
    results = run_in_app("tests.screens.scripts_staff:escape_and_alt_f4", KIOSK_DISPLAY__FULLSCREEN="true")
    assert results["close_refused"]
    assert results["still_running"] == {"screen": "attract", "quit": False, "status": "started"}
    assert not results["cursor_shown"]
    assert "disable_multitouch" in results["mouse_input"]  # no red dots from right clicks
    if "xset" in results:  # DPMS is an X extension Xvfb may lack; blanking must be off either way
        assert "prefer blanking:  no" in results["xset"] and "timeout:  0" in results["xset"]
