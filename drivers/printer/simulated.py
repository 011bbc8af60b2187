"""The printer's simulated twin: each printed job's PDF lands in a folder, with named failures.

Used by tests and ``make run``; a production configuration refuses it. The scenario can be switched
while the kiosk runs (maintenance screen, journey tests), and a job history records what the kiosk
asked for.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from drivers.base import DeviceStatus, Emit, Health, Printer, PrintOutcome, SelfTestResult, StatusChanged
from drivers.printer.outcomes import COMPLETED, SELF_TEST_PASSED
from drivers.printer.test_page import render_test_page

NOT_A_PDF = "print.not_a_pdf"

_STATUS: dict[str, DeviceStatus] = {
    "ready": DeviceStatus(Health.OK, "status.printer.ready", "simulated: ready"),
    "paper_low": DeviceStatus(Health.DEGRADED, "status.printer.paper_low", "simulated: media-low-warning"),
    "out_of_paper": DeviceStatus(Health.NEEDS_STAFF, "status.printer.out_of_paper", "simulated: media-empty-error"),
    "jammed": DeviceStatus(Health.NEEDS_STAFF, "status.printer.paper_jam", "simulated: media-jam-error"),
    "cover_open": DeviceStatus(Health.NEEDS_STAFF, "status.printer.cover_open", "simulated: door-open-error"),
    "offline": DeviceStatus(Health.ABSENT, "status.printer.offline", "simulated: offline-report"),
}
#: Ready until a job starts; the paper runs out during that job, which then fails.
MID_JOB = "paper_runs_out_mid_job"


@dataclass(frozen=True)
class SimulatedJob:
    """One job the kiosk submitted, as the twin saw it."""

    job_id: int
    title: str
    copies: int
    outcome: PrintOutcome
    output: Path | None  # the copy in ``output_dir`` when the job printed


class SimulatedPrinter(Printer):
    """A printer that "prints" by copying the PDF into ``output_dir``."""

    name = "simulated"
    scenarios = (*_STATUS, MID_JOB)

    def __init__(self, *, scenario: str = "ready", output_dir: str | Path | None = None) -> None:
        self._check(scenario)
        self._scenario = scenario
        # Its own folder (none given, as under `make run`) is the "paper tray": printed complaints
        # carry names, so it goes when the printer closes; a given folder belongs to the caller.
        self._owns_output = output_dir is None
        self.output_dir = Path(output_dir) if output_dir is not None else Path(tempfile.mkdtemp(prefix="kiosk-print-"))
        self._jobs: list[SimulatedJob] = []
        self._emit: Emit | None = None
        self._lock = threading.Lock()

    @classmethod
    def is_usable(cls) -> bool:
        return True

    @property
    def scenario(self) -> str:
        return self._scenario

    def set_scenario(self, scenario: str) -> None:
        """Switch the simulated condition; an open twin reports the change like a real printer would."""
        self._check(scenario)
        with self._lock:
            before = self._status_locked()
            self._scenario = scenario
            after = self._status_locked()
            emit = self._emit
        if emit is not None and after != before:
            emit(StatusChanged(after))

    def open(self, emit: Emit) -> None:
        self.output_dir.mkdir(parents=True, exist_ok=True)
        self._emit = emit
        emit(StatusChanged(self.status()))

    def close(self) -> None:
        self._emit = None
        if self._owns_output:
            shutil.rmtree(self.output_dir, ignore_errors=True)

    def status(self) -> DeviceStatus:
        with self._lock:
            return self._status_locked()

    def self_test(self) -> SelfTestResult:
        with tempfile.TemporaryDirectory(prefix="kiosk-testpage-") as tmp:
            pdf = render_test_page(Path(tmp) / "test-page.pdf", printer_label="simulated")
            outcome = self.print_pdf(pdf, title="courtkiosk self-test")
        return SelfTestResult(outcome.completed, SELF_TEST_PASSED if outcome.completed else outcome.message_key,
                              outcome.detail)

    def print_pdf(self, pdf: Path, *, title: str, copies: int = 1, timeout_s: float = 60.0) -> PrintOutcome:
        with self._lock:
            job_id = len(self._jobs) + 1
            before = self._status_locked()
            runs_out = self._scenario == MID_JOB
            if runs_out:
                self._scenario = "out_of_paper"
        output: Path | None = None
        if not before.working:
            outcome = PrintOutcome(False, before.message_key, before.detail)
        elif not _is_pdf(pdf):
            outcome = PrintOutcome(False, NOT_A_PDF, f"job {job_id}: not a PDF file", job_id)
        elif runs_out:
            after = self.status()
            outcome = PrintOutcome(False, after.message_key, f"job {job_id}: paper ran out during the job", job_id)
            if self._emit is not None:
                self._emit(StatusChanged(after))
        else:
            self.output_dir.mkdir(parents=True, exist_ok=True)
            output = self.output_dir / f"job-{job_id:04d}.pdf"
            shutil.copyfile(pdf, output)
            outcome = PrintOutcome(True, COMPLETED, f"job {job_id} completed", job_id)
        with self._lock:
            self._jobs.append(SimulatedJob(job_id, title, copies, outcome, output))
        return outcome

    # --- test helpers: not part of the Printer interface ---------------------------------------

    @property
    def jobs(self) -> tuple[SimulatedJob, ...]:
        """Test helper: every job submitted so far, printed or not, oldest first."""
        with self._lock:
            return tuple(self._jobs)

    def printed(self) -> list[Path]:
        """Test helper: the output files of the jobs that printed."""
        return [job.output for job in self.jobs if job.output is not None]

    # --- internals ------------------------------------------------------------------------------

    def _status_locked(self) -> DeviceStatus:
        return _STATUS["ready" if self._scenario == MID_JOB else self._scenario]

    def _check(self, scenario: str) -> None:
        if scenario not in self.scenarios:
            raise ValueError(f"unknown printer scenario {scenario!r}; known: {', '.join(self.scenarios)}")


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(5) == b"%PDF-"
    except OSError:
        return False
