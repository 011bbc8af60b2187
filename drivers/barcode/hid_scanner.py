"""The keyboard-wedge (HID) scanner, read as a device rather than as a keyboard.

A wedge scanner is a USB keyboard: left alone, its payload is typed into whatever field has focus.
This driver opens its input device with python-evdev and grabs it exclusively, so the desktop and
the kiosk's text fields never see those keys; the keys become :class:`CodeScanned` events instead.
Linux only.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import select
import sys
import threading
from types import ModuleType
from typing import Any

from drivers.barcode.hid_keys import ScanAssembler
from drivers.base import (
    CodeScanned,
    CodeScanner,
    DeviceEvent,
    DeviceStatus,
    Emit,
    Health,
    SelfTestResult,
    StatusChanged,
)

log = logging.getLogger("kiosk.drivers.barcode")

EV_KEY = 1  # linux/input-event-codes.h

#: What a wedge scan is reported as: the keys do not say which symbology was read.
UNKNOWN_SYMBOLOGY = "Unknown"


class HidScanner(CodeScanner):
    """Reads a wedge scanner found by ``device`` path (``/dev/input/by-id/…``) or by ``name_contains``."""

    name = "hid"

    def __init__(
        self,
        device: str | None = None,
        name_contains: str | None = None,
        *,
        reopen_interval_s: float = 2.0,
    ) -> None:
        if not (device or name_contains):
            raise ValueError("configure the scanner's device path or a part of its name")
        self._device_path = device
        self._name_contains = name_contains
        self._reopen_interval_s = reopen_interval_s
        self._emit: Emit | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._enabled = threading.Event()
        self._lock = threading.Lock()
        self._status = DeviceStatus(Health.ABSENT, "scanner.status.closed")
        self._device_name = ""

    @classmethod
    def is_usable(cls) -> bool:
        """python-evdev imports and this is Linux."""
        return sys.platform.startswith("linux") and importlib.util.find_spec("evdev") is not None

    def open(self, emit: Emit) -> None:
        """Start the reader thread, which finds, grabs and re-finds the device."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._emit = emit
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="barcode-hid", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop reading; the grab ends with the device file."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5.0)
            self._thread = None
        self._set_status(DeviceStatus(Health.ABSENT, "scanner.status.closed"))

    def status(self) -> DeviceStatus:
        """The last health the reader thread saw."""
        with self._lock:
            return self._status

    def set_enabled(self, enabled: bool) -> None:
        """Report scans only while enabled; scans in between are read and dropped, never typed."""
        (self._enabled.set if enabled else self._enabled.clear)()

    def self_test(self) -> SelfTestResult:
        """A wedge scanner cannot be made to scan: the test is that it is present and grabbed."""
        current = self.status()
        if current.working:
            return SelfTestResult(True, "scanner.selftest.ok", f"grabbed {self._device_name}")
        return SelfTestResult(False, "scanner.selftest.device_absent", current.detail)

    # --- reader thread -------------------------------------------------------------------------

    def _run(self) -> None:
        evdev = importlib.import_module("evdev")
        while not self._stop.is_set():
            device = self._open_device(evdev)
            if device is None:
                self._stop.wait(self._reopen_interval_s)
                continue
            try:
                self._read_scans(device)
            except OSError as exc:
                self._set_status(DeviceStatus(Health.ABSENT, "scanner.status.device_absent", str(exc)))
            finally:
                device.close()

    def _open_device(self, evdev: ModuleType) -> Any:
        path = self._device_path or self._find_by_name(evdev)
        if path is None:
            detail = f"no input device named like {self._name_contains!r}"
            self._set_status(DeviceStatus(Health.ABSENT, "scanner.status.device_absent", detail))
            return None
        try:
            device = evdev.InputDevice(path)
        except OSError as exc:
            self._set_status(DeviceStatus(Health.ABSENT, "scanner.status.device_absent", str(exc)))
            return None
        try:
            device.grab()
        except OSError as exc:
            device.close()
            # Another program holds it: its keys would not reach us, and might be typed elsewhere.
            self._set_status(DeviceStatus(Health.ERROR, "scanner.status.grab_failed", str(exc)))
            return None
        self._device_name = device.name
        self._set_status(DeviceStatus(Health.OK, "scanner.status.ok", device.name))
        return device

    def _find_by_name(self, evdev: ModuleType) -> str | None:
        for path in evdev.list_devices():
            try:
                device = evdev.InputDevice(path)
            except OSError:
                continue
            matches = self._name_contains is not None and self._name_contains.lower() in device.name.lower()
            device.close()
            if matches:
                return path
        return None

    def _read_scans(self, device: Any) -> None:
        assembler = ScanAssembler()
        while not self._stop.is_set():
            ready, _, _ = select.select([device.fd], [], [], 0.2)
            if not ready:
                continue
            for event in device.read():
                if event.type != EV_KEY:
                    continue
                scan = assembler.feed(event.code, event.value)
                if scan is not None and self._enabled.is_set():
                    self._send(CodeScanned(symbology=UNKNOWN_SYMBOLOGY, text=scan))

    def _set_status(self, status: DeviceStatus) -> None:
        with self._lock:
            # A new detail alone (another error text) is not news to the flow.
            changed = (status.health, status.message_key) != (self._status.health, self._status.message_key)
            self._status = status
        if changed:
            log.info("wedge scanner %s: %s %s", status.health, status.message_key, status.detail)
            self._send(StatusChanged(status))

    def _send(self, event: DeviceEvent) -> None:
        if self._emit is None:
            return
        try:
            self._emit(event)
        except Exception:
            log.exception("the scanner's event handler failed")
