"""The simulated scanner: named scenarios, read through the real decoding pipeline."""

from __future__ import annotations

import pytest

from drivers.barcode.simulated import SCENARIOS, SimulatedScanner
from drivers.base import CodeScanned, DeviceEvent, DeviceKind, Health, StatusChanged
from drivers.registry import driver_class


def run_scenario(name: str) -> tuple[SimulatedScanner, list[DeviceEvent]]:
    events: list[DeviceEvent] = []
    scanner = SimulatedScanner(name)
    scanner.open(events.append)
    scanner.set_enabled(True)
    assert scanner.wait_idle()
    return scanner, events


def codes(events: list[DeviceEvent]) -> list[tuple[str, str]]:
    return [(e.symbology, e.text) for e in events if isinstance(e, CodeScanned)]


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        ("idle", []),
        ("receipt_qr", [("QRCode", "https://court.example.cn/r/2024-0105-000123?k=7F3A")]),
        ("receipt_qr_gbk", [("QRCode", "北京市朝阳区人民法院 诉讼费收据 2024-0105-000123")]),
        ("receipt_qr_hanzi", [("QRCode", "北京市朝阳区人民法院诉讼费收据")]),
        ("payer_code", [("Code128", "134567890123456789")]),
        ("tracking_number", [("Code128", "GD2024-000815")]),
        ("garbled", []),
        ("unplugged", []),
    ],
)
def test_each_scenario_presents_its_code_when_a_screen_enables_the_scanner(scenario: str, expected) -> None:
    scanner, events = run_scenario(scenario)
    scanner.close()
    assert codes(events) == expected


def test_every_scenario_is_tested_and_listed() -> None:
    assert set(SimulatedScanner.scenarios) == set(SCENARIOS)
    assert SimulatedScanner("idle").simulated


def test_unplugged_is_absent_and_fails_its_self_test() -> None:
    scanner, events = run_scenario("unplugged")
    scanner.close()
    assert [e.status.health for e in events if isinstance(e, StatusChanged)] == [Health.ABSENT]
    assert scanner.self_test().message_key == "scanner.selftest.camera_absent"


def test_switching_scenario_changes_health_at_once() -> None:
    scanner, events = run_scenario("idle")
    scanner.scenario("unplugged")
    scanner.scenario("idle")
    assert scanner.wait_idle()
    scanner.close()
    assert [e.status.health for e in events if isinstance(e, StatusChanged)] == [Health.OK, Health.ABSENT, Health.OK]


def test_present_helper_reads_only_while_enabled() -> None:
    events: list[DeviceEvent] = []
    scanner = SimulatedScanner()
    scanner.open(events.append)
    scanner.present("before")
    scanner.set_enabled(True)
    scanner.present("民事诉讼 立案", encoding="gbk", mode="byte")
    scanner.present("GD2024-000816", symbology="Code128")
    assert scanner.wait_idle()
    scanner.close()
    assert codes(events) == [("QRCode", "民事诉讼 立案"), ("Code128", "GD2024-000816")]


def test_unknown_scenario_is_refused() -> None:
    with pytest.raises(ValueError):
        SimulatedScanner("jam")


def test_registry_names_resolve_to_the_barcode_drivers() -> None:
    for name in ("camera", "hid", "simulated"):
        assert driver_class(DeviceKind.SCANNER, name).name == name
