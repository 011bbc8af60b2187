"""Configuration: TOML file, environment overrides, errors that name the field."""

from pathlib import Path

import pytest

from kiosk.config import ConfigError, Settings, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_need_no_file_and_use_simulated_devices_and_the_demo_court(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    settings = load_settings()
    assert settings.court.gateway == "demo"
    assert all(device.driver == "simulated" for device in settings.device_roles().values())


def test_the_file_is_read_and_the_environment_overrides_it(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, '[timeouts]\nidle_timeout_s = 120\n[court]\nread_timeout_s = 4\n')
    monkeypatch.setenv("KIOSK_COURT__READ_TIMEOUT_S", "7.5")
    settings = load_settings(path)
    assert settings.timeouts.idle_timeout_s == 120
    assert settings.court.read_timeout_s == 7.5


def test_a_bad_value_is_refused_with_the_field_named(tmp_path) -> None:
    path = write(tmp_path, '[timeouts]\nidle_timeout_s = "soon"\n')
    with pytest.raises(ConfigError, match=r"timeouts\.idle_timeout_s"):
        load_settings(path)


def test_an_unknown_field_is_refused_so_typos_do_not_pass_silently(tmp_path) -> None:
    path = write(tmp_path, '[timeouts]\nidle_timeout = 120\n')
    with pytest.raises(ConfigError, match=r"timeouts\.idle_timeout"):
        load_settings(path)


def test_broken_toml_and_a_missing_file_are_reported(tmp_path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(write(tmp_path, "[timeouts\n"))
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "absent.toml")


def test_production_refuses_simulated_devices(tmp_path) -> None:
    path = write(tmp_path, 'production = true\n[devices.receipt_printer]\ndriver = "cups"\n')
    with pytest.raises(ConfigError, match="simulated devices are not allowed in production"):
        load_settings(path)


def test_the_http_gateway_needs_a_url() -> None:
    with pytest.raises(ValueError, match="base_url"):
        Settings(court={"gateway": "http"})


def test_fewer_than_ten_extensions_or_a_short_warning_are_refused() -> None:
    with pytest.raises(ValueError):
        Settings(timeouts={"max_idle_extensions": 3})
    with pytest.raises(ValueError):
        Settings(timeouts={"idle_warning_s": 5})


def test_configuring_the_receipt_printer_keeps_it_required_unless_said_otherwise(tmp_path) -> None:
    settings = load_settings(write(tmp_path, '[devices.receipt_printer]\ndriver = "cups"\n[devices.camera]\ndriver = "opencv"\n'))
    assert settings.devices.receipt_printer.required is True
    assert settings.devices.camera.required is False
    relaxed = load_settings(write(tmp_path, '[devices.receipt_printer]\nrequired = false\n'))
    assert relaxed.devices.receipt_printer.required is False
