"""``kiosk doctor``: every configured device's status, for staff and for scripts.

Exits non-zero when a required device is not working, so an install script or a watchdog can act.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kiosk.config import ConfigError, load_settings
from kiosk.devices import DeviceManager

#: Drivers report their first real status shortly after opening (a reader's first poll).
SETTLE_S = 1.0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``kiosk doctor``."""
    parser = subparsers.add_parser("doctor", help="print every configured device's status")
    parser.set_defaults(func=doctor)


def doctor(args: argparse.Namespace) -> int:
    """Open every device, wait briefly, print one line per role, close them."""
    try:
        settings = load_settings(Path(args.config) if args.config else None)
    except ConfigError as exc:
        print(f"configuration: {exc}")
        return 2
    devices = DeviceManager(settings)
    devices.open_all(lambda role, event: None)
    try:
        time.sleep(SETTLE_S)
        devices.refresh()
        for role, slot in devices.slots.items():
            need = "required" if slot.settings.required else "optional"
            detail = f" — {slot.status.detail}" if slot.status.detail else ""
            print(f"{role:16} {slot.settings.driver:10} {need:8} {slot.status.health.value:12} {slot.status.message_key}{detail}")
        return 0 if devices.required_working() else 1
    finally:
        devices.close_all()
