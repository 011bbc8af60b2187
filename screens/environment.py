"""Kivy settings that must be in place before Kivy is first imported."""

from __future__ import annotations

import os
import tempfile

from kiosk.config import DisplaySettings


def prepare_kivy(display: DisplaySettings) -> None:
    """Quiet, self-contained Kivy: no command-line parsing, logs through Python logging, fixed size.

    Kivy asks for 2 samples per pixel by default. Text is smoothed by its font rasteriser and the
    kiosk's shapes are rectangles with small rounded corners, so more samples only soften those
    corners; under software rendering (llvmpipe) they cost more than half of every frame's swap.
    """
    os.environ.setdefault("KIVY_NO_ARGS", "1")
    os.environ.setdefault("KIVY_LOG_MODE", "PYTHON")
    os.environ.setdefault("KIVY_NO_FILELOG", "1")
    os.environ.setdefault("KIVY_HOME", os.path.join(tempfile.gettempdir(), "courtkiosk-kivy"))
    from kivy.config import Config  # noqa: PLC0415 - must follow the environment above

    Config.set("graphics", "width", str(display.width_px))
    Config.set("graphics", "height", str(display.height_px))
    Config.set("graphics", "resizable", "0")
    Config.set("graphics", "fullscreen", "auto" if display.fullscreen else "0")
    Config.set("graphics", "borderless", "1" if display.fullscreen else "0")
    Config.set("graphics", "multisamples", str(display.antialiasing_samples))
    Config.set("input", "mouse", "mouse,disable_multitouch")
    Config.set("kivy", "exit_on_escape", "0")
