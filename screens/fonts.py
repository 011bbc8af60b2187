"""The CJK font: Chinese and Korean must render on every screen."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from kiosk.paths import ASSETS_DIR

FONT_NAME = "KioskSans"
_FAMILY = "Noto Sans CJK SC"


def find_cjk_font() -> Path | None:
    """A font file covering Chinese and Korean: one shipped in assets, else fontconfig's match."""
    for shipped in sorted((ASSETS_DIR / "fonts").glob("NotoSansCJK*")):
        return shipped
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", _FAMILY], capture_output=True, text=True, check=False)
        path = Path(found.stdout.strip())
        if found.returncode == 0 and "CJK" in path.name and path.is_file():
            return path
    return None


def register_fonts() -> str:
    """Register the CJK font under :data:`FONT_NAME`; raise if none is installed."""
    from kivy.core.text import LabelBase  # noqa: PLC0415 - Kivy only when the app starts

    path = find_cjk_font()
    if path is None:
        raise RuntimeError("no CJK font found: install fonts-noto-cjk")
    LabelBase.register(FONT_NAME, str(path))
    return FONT_NAME
