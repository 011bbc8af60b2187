"""The explicit registry of built-in drivers, plus vendor drivers installed as packages.

Built-ins are named by import path and imported only when configured, so an unused driver's
libraries need not be present and a frozen build can list them as hidden imports. Vendor packages
add drivers through the ``courtkiosk.drivers`` entry-point group (``<kind>.<name> = "pkg.mod:Class"``).
"""

from __future__ import annotations

import importlib
from functools import cache
from importlib.metadata import entry_points

from drivers.base import DeviceKind, Driver

ENTRY_POINT_GROUP = "courtkiosk.drivers"

BUILTIN: dict[tuple[DeviceKind, str], str] = {
    (DeviceKind.ID_READER, "ga467"): "drivers.idcard.serial_reader:Ga467Reader",
    (DeviceKind.ID_READER, "simulated"): "drivers.idcard.simulated:SimulatedIdReader",
    (DeviceKind.SCANNER, "camera"): "drivers.barcode.camera_scanner:CameraScanner",
    (DeviceKind.SCANNER, "hid"): "drivers.barcode.hid_scanner:HidScanner",
    (DeviceKind.SCANNER, "simulated"): "drivers.barcode.simulated:SimulatedScanner",
    (DeviceKind.CAMERA, "opencv"): "drivers.camera.opencv_camera:OpenCvDocumentCamera",
    (DeviceKind.CAMERA, "simulated"): "drivers.camera.simulated:SimulatedDocumentCamera",
    (DeviceKind.PRINTER, "cups"): "drivers.printer.cups_printer:CupsPrinter",
    (DeviceKind.PRINTER, "simulated"): "drivers.printer.simulated:SimulatedPrinter",
    (DeviceKind.SPEECH, "pyttsx3"): "drivers.speech.pyttsx3_speaker:Pyttsx3Speaker",
    (DeviceKind.SPEECH, "simulated"): "drivers.speech.simulated:SimulatedSpeaker",
    (DeviceKind.HEADPHONES, "alsa_jack"): "drivers.headphones.alsa_jack:AlsaJackSense",
    (DeviceKind.HEADPHONES, "simulated"): "drivers.headphones.simulated:SimulatedHeadphones",
}


class UnknownDriver(LookupError):
    """The configuration names a driver nobody registered."""


@cache
def _installed() -> dict[tuple[DeviceKind, str], str]:
    """Vendor drivers, read once a process: scanning the installed packages' metadata takes ~20 ms a time."""
    found: dict[tuple[DeviceKind, str], str] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        kind, _, name = ep.name.partition(".")
        found[(DeviceKind(kind), name)] = ep.value
    return found


def available() -> dict[tuple[DeviceKind, str], str]:
    """Every known driver: built-ins first, vendor packages may add (not replace) names."""
    return {**_installed(), **BUILTIN}


def driver_class(kind: DeviceKind, name: str) -> type[Driver]:
    """Import and return the driver class configured as ``name`` for ``kind``."""
    target = available().get((kind, name))
    if target is None:
        known = sorted(n for k, n in available() if k == kind)
        raise UnknownDriver(f"no {kind.value} driver named {name!r}; known: {', '.join(known)}")
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    if not (isinstance(cls, type) and issubclass(cls, Driver) and cls.kind == kind):
        raise UnknownDriver(f"{target} is not a {kind.value} driver")
    return cls

