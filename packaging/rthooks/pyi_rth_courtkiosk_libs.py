"""PyInstaller runtime hook: native libraries shipped in the bundle are found before the system's.

pyzbar looks libzbar up with ``ctypes.util.find_library("zbar")``, which asks ``ldconfig`` and so only
ever sees the system's copy: on a terminal without the Debian package ``libzbar0`` barcode reading would
fail although the bundle carries the library. Looking in the bundle first keeps it self-contained.
"""

import ctypes.util
import os
import sys

_system_find_library = ctypes.util.find_library


def _find_library_bundled_first(name: str) -> str | None:
    bundle = sys._MEIPASS  # type: ignore[attr-defined]  # set by the PyInstaller bootloader
    prefix = f"lib{name}.so"
    for entry in sorted(os.listdir(bundle)):
        if entry == prefix or entry.startswith(prefix + "."):
            return os.path.join(bundle, entry)
    return _system_find_library(name)


ctypes.util.find_library = _find_library_bundled_first
