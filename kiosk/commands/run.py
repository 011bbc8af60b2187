"""``kiosk run``: start the kiosk (under a private virtual display when there is no screen)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kiosk.config import ConfigError, load_settings
from kiosk.logs import configure_logging
from kiosk.virtual_display import display_available


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``kiosk run``."""
    parser = subparsers.add_parser("run", help="start the kiosk")
    parser.add_argument("--screenshot", metavar="PNG", type=Path,
                        help="keep writing the current screen to this file (default without a display: a temp file)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the configuration, then hand over to the GUI's composition root."""
    configure_logging()
    try:
        settings = load_settings(Path(args.config) if args.config else None)
    except ConfigError as exc:
        print(f"kiosk: {exc}")
        return 2
    headless = not os.environ.get("DISPLAY")
    screenshot = args.screenshot
    if headless and screenshot is None:
        screenshot = Path(os.environ.get("TMPDIR", "/tmp")) / "courtkiosk-screen.png"
    with display_available(settings.display.width_px, settings.display.height_px) as display:
        if headless:
            print(f"No display: running on virtual display {display}.")
        if screenshot is not None:
            print(f"The current screen is written every few seconds to {screenshot} (open it with an image viewer).")
        from screens.launch import run as run_gui  # noqa: PLC0415 - the core never needs Kivy

        return run_gui(settings, screenshot)
