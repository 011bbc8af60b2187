"""Where the kiosk's own files are: the checkout in development, the bundle when frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def project_root() -> Path:
    """The folder holding ``locales/`` and ``assets/`` (PyInstaller unpacks them to ``_MEIPASS``)."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


LOCALES_DIR = project_root() / "locales"
ASSETS_DIR = project_root() / "assets"
