"""The composition root of the GUI: settings → devices → controller → Kivy app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.config import Settings
from screens.environment import prepare_kivy


def build_app(settings: Settings, screenshot_path: Path | None = None):  # noqa: ANN201 - KioskApp needs Kivy imported
    """Create the app with its devices and controller; devices deliver through Kivy's clock."""
    prepare_kivy(settings.display)
    from kivy.clock import Clock  # noqa: PLC0415 - only after prepare_kivy

    from kiosk.controller import KioskController  # noqa: PLC0415
    from kiosk.devices import DeviceManager  # noqa: PLC0415
    from kiosk.i18n import Translator  # noqa: PLC0415
    from kiosk.services import build_services  # noqa: PLC0415
    from kiosk.voice.build import voice_guide  # noqa: PLC0415
    from screens.app import KioskApp  # noqa: PLC0415

    def deliver(call: Callable[[], None]) -> None:
        Clock.schedule_once(lambda _dt: call())

    devices = DeviceManager(settings, deliver=deliver)
    services = build_services(settings, deliver)
    translator = Translator(settings.languages.available)
    controller = KioskController(settings, devices, services, voice_guide(devices, translator))
    devices.open_all(controller.device_event)
    services.start()
    return KioskApp(controller, translator, screenshot_path=screenshot_path)


def run(settings: Settings, screenshot_path: Path | None = None) -> int:
    """Run the kiosk until the window closes; devices are closed on the way out."""
    app = build_app(settings, screenshot_path)
    try:
        app.run()
    finally:
        app.controller.devices.close_all()
        app.controller.services.stop()
    return 0
