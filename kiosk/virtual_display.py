"""A private Xvfb display for machines without a screen (CI, a server, ``make run`` over SSH)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator


class VirtualDisplayError(RuntimeError):
    """Xvfb is missing or did not start."""


@contextlib.contextmanager
def virtual_display(width_px: int, height_px: int) -> Iterator[str]:
    """Start Xvfb on a free display number, yield its name (``:N``), stop it afterwards.

    ``-displayfd`` lets Xvfb choose the number itself, so parallel runs never collide.
    """
    if shutil.which("Xvfb") is None:
        raise VirtualDisplayError("Xvfb is not installed (Debian package xvfb)")
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width_px}x{height_px}x24",
         "-nolisten", "tcp", "+extension", "GLX", "-noreset"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise VirtualDisplayError(f"Xvfb exited with status {process.poll()}")
        yield f":{number}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()


@contextlib.contextmanager
def display_available(width_px: int, height_px: int) -> Iterator[str]:
    """The current ``DISPLAY`` if there is one, else a virtual one exported into the environment."""
    current = os.environ.get("DISPLAY")
    if current:
        yield current
        return
    with virtual_display(width_px, height_px) as name:
        os.environ["DISPLAY"] = name
        try:
            yield name
        finally:
            os.environ.pop("DISPLAY", None)
