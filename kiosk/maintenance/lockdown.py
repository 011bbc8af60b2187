"""Kiosk mode's ways in and out: the display kept awake, and the two exits staff may take.

Fullscreen, borderless, Escape swallowed and the close request refused live in the Kivy app; what
is here needs no Kivy. Keeping the panel awake is the kiosk's job, not the desktop's: blanking
would leave a visitor facing a black screen that does not say "touch me".
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable

log = logging.getLogger("kiosk.lockdown")

#: The X screen saver and display power management off, and no blanking.
XSET_COMMANDS = (("s", "off"), ("s", "noblank"), ("-dpms",))


def keep_display_awake(run: Callable[..., subprocess.CompletedProcess[bytes]] = subprocess.run) -> bool:
    """Turn off X blanking and DPMS when a display is present; a failure is logged, never raised."""
    if not os.environ.get("DISPLAY"):
        return False
    xset = shutil.which("xset")
    if xset is None:
        log.warning("xset not found: screen blanking left to the desktop (install x11-xserver-utils)")
        return False
    for arguments in XSET_COMMANDS:
        try:
            run([xset, *arguments], check=True, capture_output=True, timeout=5)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("xset %s failed (%s): screen blanking left to the desktop", " ".join(arguments),
                        type(exc).__name__)
            return False
    log.info("display blanking and power saving off")
    return True


def restart_process(close: Callable[[], None]) -> None:
    """Close the devices and services (``close``), then replace this process with a fresh kiosk.

    The process id stays the same, so a supervising systemd unit (and its watchdog) sees no exit.
    """
    close()
    logging.shutdown()
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
