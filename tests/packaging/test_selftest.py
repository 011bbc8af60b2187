"""The self-test's own checks that need no display: configuration, drivers, receipt."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import selftest
from kiosk.config import CourtSettings, Settings


def production(outbox_key: str) -> Settings:
    return Settings().model_copy(update={"production": True, "court": CourtSettings(outbox_key=outbox_key)})


def test_a_production_kiosk_without_an_outbox_key_fails_the_config_check() -> None:
    """`kiosk run` would stop at start on such a kiosk, so the update must not be switched to."""
    with pytest.raises(selftest.CheckFailed, match="outbox_key"):
        selftest.check_outbox_key(production(""))
    with pytest.raises(ValueError, match="32 bytes"):
        selftest.check_outbox_key(production("c2hvcnQ="))
    selftest.check_outbox_key(production("A" * 43 + "="))


def test_an_unknown_driver_fails_the_drivers_check() -> None:
    settings = Settings()
    settings.devices.scanner.driver = "no-such-scanner"
    with pytest.raises(LookupError, match="no-such-scanner"):
        selftest.check_drivers(settings)


def test_the_receipt_check_renders_a_pdf_with_its_font_embedded(tmp_path: Path) -> None:
    assert "font embedded" in selftest.check_receipt(tmp_path)


def test_the_self_test_sees_nothing_but_simulated_devices_and_the_demo_court(tmp_path: Path) -> None:
    offline = selftest.offline_settings(production("A" * 43 + "="), tmp_path)
    assert not offline.production and offline.court.gateway == "demo" and offline.data_dir == tmp_path
    assert {device.driver for device in offline.device_roles().values()} == {"simulated"}
