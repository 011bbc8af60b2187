"""Start ``kiosk court-sim`` as a real subprocess on a free loopback port, for tests."""

from __future__ import annotations

import ctypes
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests


def die_with_parent() -> None:
    """In the child (Linux): SIGKILL when the test process dies, so no server outlives an aborted run."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class CourtSim:
    """A running court-sim: its URL, token and database file."""

    process: subprocess.Popen[bytes]
    url: str
    token: str
    db: Path

    def stop(self) -> None:
        """Terminate the server and wait for it."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_court_sim(db: Path, token: str = "test-token", extra: tuple[str, ...] = ()) -> CourtSim:
    """Start the server and wait (at most 20 s) until it answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "court-sim", "--port", str(port), "--db", str(db), "--token", token, *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=die_with_parent,
    )
    sim = CourtSim(process, f"http://127.0.0.1:{port}", token, db)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"court-sim exited with {process.returncode}")
        try:
            requests.get(f"{sim.url}/v1/info", headers={"Authorization": f"Bearer {token}"}, timeout=1)
            return sim
        except requests.ConnectionError:
            time.sleep(0.1)
    sim.stop()
    raise RuntimeError("court-sim did not start within 20 s")
