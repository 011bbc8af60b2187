"""Kivy settings that must be in place before Kivy is first imported."""

from __future__ import annotations

import os
import tempfile


def prepare_kivy(width_px: int, height_px: int, fullscreen: bool) -> None:
    """Quiet, self-contained Kivy: no command-line parsing, logs through Python logging, fixed size."""
    os.environ.setdefault("KIVY_NO_ARGS", "1")
    os.environ.setdefault("KIVY_LOG_MODE", "PYTHON")
    os.environ.setdefault("KIVY_NO_FILELOG", "1")
    os.environ.setdefault("KIVY_HOME", os.path.join(tempfile.gettempdir(), "courtkiosk-kivy"))
    from kivy.config import Config  # noqa: PLC0415 - must follow the environment above

    Config.set("graphics", "width", str(width_px))
    Config.set("graphics", "height", str(height_px))
    Config.set("graphics", "resizable", "0")
    Config.set("graphics", "fullscreen", "auto" if fullscreen else "0")
    Config.set("graphics", "borderless", "1" if fullscreen else "0")
    Config.set("input", "mouse", "mouse,disable_multitouch")
    Config.set("kivy", "exit_on_escape", "0")
