"""Playing WAV files on an ALSA device through a child process we can kill at once.

pyttsx3's own ``say()`` on Linux runs ``aplay`` through ``os.system``: it blocks, cannot be
interrupted, and fails silently without a sound card. A child process per sentence can be killed
the moment new speech or a key press arrives, and its exit status tells us the device is missing.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

#: ``{device}`` and ``{path}`` are filled in per sentence.
DEFAULT_PLAYER: tuple[str, ...] = ("aplay", "-q", "-D", "{device}", "{path}")


def command(template: Sequence[str], device: str, path: Path) -> list[str]:
    """The player command line for ``path`` on ``device``."""
    return [part.format(device=device, path=str(path)) for part in template]


def start(template: Sequence[str], device: str, path: Path) -> subprocess.Popen[bytes]:
    """Start playing ``path``; the caller waits for or kills the process."""
    return subprocess.Popen(
        command(template, device, path),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def outcome(process: subprocess.Popen[bytes]) -> str | None:
    """Once the player has exited: None when it played, else its last stderr line (a staff-only detail)."""
    process.wait()
    err = ""
    if process.stderr:
        err = process.stderr.read().decode(errors="replace")
        process.stderr.close()
    if process.returncode == 0:
        return None
    lines = [line for line in err.splitlines() if line.strip()]
    return lines[-1] if lines else f"player exited with status {process.returncode}"


def kill(process: subprocess.Popen[bytes]) -> None:
    """Silence the player now and release its pipe."""
    process.kill()
    process.wait()
    if process.stderr:
        process.stderr.close()


def probe(template: Sequence[str], device: str, silence: Path, timeout_s: float = 5.0) -> str | None:
    """None when ``device`` plays the short WAV ``silence``; otherwise why not (no card, busy, no player)."""
    try:
        process = start(template, device, silence)
    except OSError as exc:
        return f"player not runnable: {exc.strerror}"
    try:
        process.wait(timeout_s)
    except subprocess.TimeoutExpired:
        kill(process)
        return f"player did not finish the probe in {timeout_s} s"
    return outcome(process)
