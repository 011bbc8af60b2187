"""Bring up the project's CUPS scheduler and its test queues, idempotently.

The scheduler is the machine's own ``cupsd`` (started if not running); queues are created once and
left in place, so a second run only checks them. Parallel test workers each ask for it (a session
fixture runs once per worker), so a lock file makes them take turns. cups-pdf writes into the
``Out`` folder of ``/etc/cups/cups-pdf.conf`` with ``${HOME}`` taken from the submitting user.
"""

from __future__ import annotations

import fcntl
import os
import pwd
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
CUPS_PDF_MODEL = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"

PDF_QUEUE = "KioskPDF"
PAUSED_QUEUE = "KioskTestPaused"
REJECTING_QUEUE = "KioskTestRejecting"
STUCK_QUEUE = "KioskTestStuck"


@dataclass(frozen=True)
class CupsTestServer:
    """Names of the ready queues and where cups-pdf puts printed files."""

    pdf_queue: str
    paused_queue: str
    rejecting_queue: str
    stuck_queue: str
    output_dir: Path

    def printed_file(self, job_id: int, wait_s: float = 10.0) -> Path | None:
        """The PDF cups-pdf wrote for ``job_id``, waiting briefly for the backend to finish writing."""
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            found = sorted(self.output_dir.glob(f"*job_{job_id}.pdf"))
            if found:
                return found[0]
            time.sleep(0.1)
        return None


def why_unavailable() -> str | None:
    """A reason to skip the CUPS tests, or None when they can run."""
    if os.geteuid() != 0:
        return "needs root to start cupsd and add queues with lpadmin (run the tests as root)"
    for tool in ("cupsd", "lpadmin", "lpstat", "cupsdisable", "cupsreject", "pdftotext", "pdftoppm"):
        if shutil.which(tool) is None:
            return f"{tool} not found: run scripts/install-system-packages.sh"
    if not CUPS_PDF_CONF.exists():
        return "cups-pdf is not installed: run scripts/install-system-packages.sh"
    return None


#: Held while one process brings the scheduler and queues up; the others wait, then only check.
START_LOCK = Path("/tmp/courtkiosk-test-cups.lock")


def start() -> CupsTestServer:
    """Start cupsd if needed and make sure every test queue exists in its intended state."""
    with START_LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _start()


def _start() -> CupsTestServer:
    if not _scheduler_running():
        subprocess.run(["cupsd"], check=True)
        deadline = time.monotonic() + 15
        while not _scheduler_running():
            if time.monotonic() > deadline:
                raise RuntimeError("cupsd did not come up within 15 s")
            time.sleep(0.1)
    existing = _queues()
    _ensure_queue(PDF_QUEUE, "cups-pdf:/", existing)
    _ensure_queue(PAUSED_QUEUE, "cups-pdf:/", existing)
    _ensure_queue(REJECTING_QUEUE, "cups-pdf:/", existing)
    _ensure_queue(STUCK_QUEUE, f"socket://127.0.0.1:{_closed_port()}", existing)
    subprocess.run(["cupsenable", PDF_QUEUE, STUCK_QUEUE], check=True)
    subprocess.run(["cupsaccept", PDF_QUEUE, STUCK_QUEUE, PAUSED_QUEUE], check=True)
    subprocess.run(["cupsdisable", "-r", "kiosk test: paused", PAUSED_QUEUE], check=True)
    subprocess.run(["cupsreject", "-r", "kiosk test: rejecting", REJECTING_QUEUE], check=True)
    return CupsTestServer(PDF_QUEUE, PAUSED_QUEUE, REJECTING_QUEUE, STUCK_QUEUE, cups_pdf_output_dir())


def cups_pdf_output_dir() -> Path:
    """cups-pdf's ``Out`` setting, resolved for the user who submits the jobs."""
    out = "/var/spool/cups-pdf/${USER}"
    for line in CUPS_PDF_CONF.read_text().splitlines():
        match = re.match(r"\s*Out\s+(\S+)", line)
        if match:
            out = match.group(1)
    user = pwd.getpwuid(os.geteuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


def _scheduler_running() -> bool:
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return "is running" in result.stdout and "not" not in result.stdout


def _queues() -> dict[str, str]:
    result = subprocess.run(["lpstat", "-v"], capture_output=True, text=True)
    queues = {}
    for line in result.stdout.splitlines():
        match = re.match(r"device for (\S+): (\S+)", line)
        if match:
            queues[match.group(1)] = match.group(2)
    return queues


def _ensure_queue(name: str, uri: str, existing: dict[str, str]) -> None:
    """Add the queue unless it exists with the same kind of device (the stuck queue's port may differ)."""
    current = existing.get(name, "")
    if current == uri or (uri.startswith("socket://127.0.0.1:") and current.startswith("socket://127.0.0.1:")):
        return
    subprocess.run(["lpadmin", "-p", name, "-E", "-v", uri, "-m", CUPS_PDF_MODEL],
                   check=True, capture_output=True)


def _closed_port() -> int:
    """A loopback port nobody listens on, so the socket backend keeps retrying and the job never ends."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
