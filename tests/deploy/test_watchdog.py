"""The systemd watchdog ping: a WATCHDOG=1 datagram on the notify socket, only when systemd asks for it."""

from __future__ import annotations

import socket
from pathlib import Path

from kiosk.watchdog import Watchdog


def test_no_watchdog_outside_systemd_or_without_watchdog_sec() -> None:
    assert Watchdog.from_environment({}) is None
    assert Watchdog.from_environment({"NOTIFY_SOCKET": "/run/x"}) is None
    assert Watchdog.from_environment({"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "0"}) is None


def test_pings_at_half_the_period_reach_the_notify_socket(tmp_path: Path) -> None:
    """GIVEN systemd's notify socket and WatchdogSec=30 WHEN the kiosk pings THEN systemd reads WATCHDOG=1."""
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind(str(path))
        systemd.settimeout(2)
        dog = Watchdog.from_environment({"NOTIFY_SOCKET": str(path), "WATCHDOG_USEC": "30000000"})
        assert dog is not None and dog.interval_s == 15
        dog.ping()
        assert systemd.recv(64) == b"WATCHDOG=1"


def test_abstract_socket_names_start_with_a_nul_byte() -> None:
    dog = Watchdog.from_environment({"NOTIFY_SOCKET": "@/org/freedesktop/systemd1/notify", "WATCHDOG_USEC": "1000000"})
    assert dog is not None and dog.address == "\0/org/freedesktop/systemd1/notify"


def test_a_ping_nobody_hears_is_not_an_error(tmp_path: Path) -> None:
    Watchdog(str(tmp_path / "gone"), 30).ping()
