"""The device manager: builds the configured drivers, relays their events, tracks their health.

Drivers emit from their own threads; every event is handed to ``deliver`` (the Kivy clock in the
app, a direct call in tests), so the flow only ever sees events on one thread. A driver that cannot
be built or opened is recorded with a status saying why, never raised into the visitor's way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from drivers.base import DeviceEvent, DeviceKind, DeviceStatus, Driver, Health, StatusChanged
from drivers.registry import driver_class
from kiosk.config import DeviceSettings, Settings

log = logging.getLogger("kiosk.devices")

Deliver = Callable[[Callable[[], None]], None]
OnEvent = Callable[[str, DeviceEvent], None]

#: The kind of device each configured role needs.
ROLE_KINDS: dict[str, DeviceKind] = {
    "id_reader": DeviceKind.ID_READER,
    "scanner": DeviceKind.SCANNER,
    "camera": DeviceKind.CAMERA,
    "receipt_printer": DeviceKind.PRINTER,
    "a4_printer": DeviceKind.PRINTER,
    "speech": DeviceKind.SPEECH,
    "headphones": DeviceKind.HEADPHONES,
}


def deliver_now(call: Callable[[], None]) -> None:
    """Run the call on the emitting thread (tests and tools without a UI loop)."""
    call()


@dataclass
class DeviceSlot:
    """One configured role and what became of it."""

    role: str
    settings: DeviceSettings
    driver: Driver | None
    status: DeviceStatus


class DeviceManager:
    """Owns the drivers of every configured role."""

    def __init__(self, settings: Settings, deliver: Deliver = deliver_now) -> None:
        self._deliver = deliver
        self._on_event: OnEvent = lambda role, event: None
        self.slots: dict[str, DeviceSlot] = {
            role: self._build(role, device) for role, device in settings.device_roles().items()
        }

    @staticmethod
    def _build(role: str, device: DeviceSettings) -> DeviceSlot:
        try:
            cls = driver_class(ROLE_KINDS[role], device.driver)
            if not cls.is_usable():
                return DeviceSlot(role, device, None, DeviceStatus(Health.ABSENT, "status.device.libraries_missing", cls.__name__))
            driver = cls(**device.options)
        except Exception as exc:  # a broken driver must not stop the kiosk from starting
            log.error("device %s: driver %s unavailable: %s", role, device.driver, type(exc).__name__)
            return DeviceSlot(role, device, None, DeviceStatus(Health.ERROR, "status.device.driver_unavailable", f"{type(exc).__name__}: {exc}"))
        return DeviceSlot(role, device, driver, DeviceStatus(Health.ABSENT, "status.device.not_opened"))

    def open_all(self, on_event: OnEvent) -> None:
        """Open every built driver; their events reach ``on_event`` through ``deliver``.

        Each role's resulting status is delivered as a :class:`StatusChanged`, so the flow learns
        the kiosk's health the same way whether a device opened, failed or was never built.
        """
        self._on_event = on_event
        for slot in self.slots.values():
            if slot.driver is not None:
                try:
                    slot.driver.open(self._emitter(slot.role))
                    slot.status = slot.driver.status()
                except Exception as exc:
                    log.error("device %s failed to open: %s", slot.role, type(exc).__name__)
                    slot.status = DeviceStatus(Health.ERROR, "status.device.open_failed", f"{type(exc).__name__}: {exc}")
            self._emitter(slot.role)(StatusChanged(slot.status))

    def _emitter(self, role: str) -> Callable[[DeviceEvent], None]:
        def emit(event: DeviceEvent) -> None:
            self._deliver(lambda: self._dispatch(role, event))

        return emit

    def _dispatch(self, role: str, event: DeviceEvent) -> None:
        if isinstance(event, StatusChanged):
            self.slots[role].status = event.status
        self._on_event(role, event)

    def refresh(self) -> bool:
        """Poll every open driver's status; True when any changed."""
        changed = False
        for slot in self.slots.values():
            if slot.driver is None:
                continue
            try:
                status = slot.driver.status()
            except Exception as exc:
                status = DeviceStatus(Health.ERROR, "status.device.status_failed", type(exc).__name__)
            if status != slot.status:
                slot.status, changed = status, True
        return changed

    def close_all(self) -> None:
        """Close every driver; failures are logged, not raised (we are shutting down)."""
        for slot in self.slots.values():
            if slot.driver is not None:
                try:
                    slot.driver.close()
                except Exception as exc:
                    log.warning("device %s failed to close: %s", slot.role, type(exc).__name__)

    def driver(self, role: str) -> Driver | None:
        """The working driver of ``role``, or None."""
        slot = self.slots.get(role)
        return slot.driver if slot and slot.status.working else None

    def required_working(self) -> bool:
        """True when every required role's device works."""
        return all(slot.status.working for slot in self.slots.values() if slot.settings.required)

    def statuses(self) -> dict[str, DeviceStatus]:
        """Role → status, for the maintenance screen and the heartbeat."""
        return {role: slot.status for role, slot in self.slots.items()}
