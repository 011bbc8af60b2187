"""A printer behind a CUPS queue, driven through pycups.

Printers and spoolers report success while out of paper, so the queue's state is read before a
job is submitted (a visitor is not sent to wait at an empty printer) and again after the spooler
says the job completed; only both together count as printed. A job that outlives its time, or
that stalls on a printer needing staff, is cancelled so it cannot come out later for the next
visitor. All pycups calls run on one worker thread that owns the connection (libcups connections
are not thread-safe), and each call is given a deadline.
"""

from __future__ import annotations

import concurrent.futures
import logging
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from drivers.base import DeviceError, DeviceStatus, Emit, Health, Printer, PrintOutcome, SelfTestResult, StatusChanged
from drivers.printer import reasons
from drivers.printer.outcomes import COMPLETED, JOB_CANCELLED, JOB_FAILED, SELF_TEST_PASSED, SUBMIT_FAILED, TIMED_OUT
from drivers.printer.test_page import PAPER_MM, render_test_page

try:
    import cups
except ImportError:  # is_usable() reports it; the registry imports this module only when configured
    cups = None

log = logging.getLogger(__name__)

T = TypeVar("T")

JOB_PENDING, JOB_HELD, JOB_PROCESSING, JOB_STOPPED, JOB_CANCELED, JOB_ABORTED, JOB_COMPLETED = range(3, 10)


_PRINTER_ATTRIBUTES = ["printer-state", "printer-state-reasons", "printer-is-accepting-jobs", "printer-state-message"]
_JOB_ATTRIBUTES = ["job-state", "job-state-reasons", "job-printer-state-message"]


class CupsPrinter(Printer):
    """One CUPS queue (``queue``), on the local scheduler or on ``server``:``port``."""

    name = "cups"

    def __init__(self, *, queue: str, server: str | None = None, port: int = 631, paper: str = "a4",
                 call_timeout_s: float = 10.0, poll_interval_s: float = 0.2, status_interval_s: float = 5.0) -> None:
        if paper not in PAPER_MM:
            raise ValueError(f"paper must be one of {', '.join(PAPER_MM)}")
        self.queue = queue
        self.server = server
        self.port = port
        self.paper = paper
        self.call_timeout_s = call_timeout_s
        self.poll_interval_s = poll_interval_s
        self.status_interval_s = status_interval_s
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"cups-{queue}")
        self._connection: Any = None
        self._emit: Emit | None = None
        self._last: DeviceStatus | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._monitor: threading.Thread | None = None

    @classmethod
    def is_usable(cls) -> bool:
        return cups is not None

    # --- lifecycle --------------------------------------------------------------------------

    def open(self, emit: Emit) -> None:
        if self._monitor is not None:
            return
        self._emit = emit
        self._stop.clear()
        self._monitor = threading.Thread(target=self._watch, name=f"cups-{self.queue}-status", daemon=True)
        self._monitor.start()

    def close(self) -> None:
        self._stop.set()
        if self._monitor is not None:
            self._monitor.join(timeout=self.call_timeout_s + 1)
            self._monitor = None
        self._emit = None

    def status(self) -> DeviceStatus:
        """The last status the monitor saw while open; a fresh query otherwise."""
        with self._lock:
            last = self._last
        if self._monitor is not None and last is not None:
            return last
        return self._refresh()

    def self_test(self) -> SelfTestResult:
        with tempfile.TemporaryDirectory(prefix="kiosk-testpage-") as tmp:
            pdf = render_test_page(Path(tmp) / "test-page.pdf", printer_label=self.queue, paper=self.paper)
            outcome = self.print_pdf(pdf, title="courtkiosk self-test", timeout_s=60.0)
        key = SELF_TEST_PASSED if outcome.completed else outcome.message_key
        return SelfTestResult(outcome.completed, key, outcome.detail)

    # --- printing ----------------------------------------------------------------------------

    def print_pdf(self, pdf: Path, *, title: str, copies: int = 1, timeout_s: float = 60.0) -> PrintOutcome:
        before = self._refresh()
        if not before.working:
            log.info("queue %s refused a job before submission: %s", self.queue, before.detail)
            return PrintOutcome(False, before.message_key, before.detail)
        try:
            job_id = self._call(lambda c: c.printFile(self.queue, str(pdf), title, {"copies": str(copies)}))
        except DeviceError as exc:
            return PrintOutcome(False, SUBMIT_FAILED, exc.detail)
        log.info("queue %s accepted job %d", self.queue, job_id)
        started = time.monotonic()
        ended = self._follow(job_id, started + timeout_s)
        if ended is not None:
            return ended
        after = self._refresh()
        if not after.working:
            detail = f"job {job_id} completed at the spooler but the printer then reported: {after.detail}"
            log.warning("queue %s: %s", self.queue, detail)
            return PrintOutcome(False, after.message_key, detail, job_id)
        log.info("queue %s completed job %d in %.2f s", self.queue, job_id, time.monotonic() - started)
        return PrintOutcome(True, COMPLETED, f"job {job_id} completed", job_id)

    def _follow(self, job_id: int, deadline: float) -> PrintOutcome | None:
        """Wait for the job to finish; None when it completed, else the outcome that ended it."""
        while True:
            try:
                job = self._call(lambda c: c.getJobAttributes(job_id, requested_attributes=_JOB_ATTRIBUTES))
            except DeviceError as exc:
                return self._cancel(job_id, PrintOutcome(False, exc.message_key, exc.detail, job_id))
            state = int(job.get("job-state", JOB_PENDING))
            job_detail = f"job {job_id}: job-state={state}, job-state-reasons={_as_list(job.get('job-state-reasons'))}"
            if state == JOB_COMPLETED:
                return None
            if state == JOB_CANCELED:
                return PrintOutcome(False, JOB_CANCELLED, job_detail, job_id)
            if state == JOB_ABORTED:
                return PrintOutcome(False, JOB_FAILED, job_detail, job_id)
            printer = self._refresh()
            if printer.health == Health.NEEDS_STAFF or state in (JOB_STOPPED, JOB_HELD):
                key = printer.message_key if not printer.working else JOB_FAILED
                return self._cancel(job_id, PrintOutcome(False, key, f"{job_detail}; {printer.detail}", job_id))
            if time.monotonic() >= deadline:
                return self._cancel(job_id, PrintOutcome(False, TIMED_OUT, f"{job_detail}; {printer.detail}", job_id))
            time.sleep(self.poll_interval_s)

    def _cancel(self, job_id: int, outcome: PrintOutcome) -> PrintOutcome:
        """Cancel a job that will not complete, so it cannot print later for someone else."""
        try:
            self._call(lambda c: c.cancelJob(job_id, purge_job=False))
        except DeviceError as exc:
            log.error("queue %s: could not cancel job %d: %s", self.queue, job_id, exc.detail)
            return PrintOutcome(False, outcome.message_key, f"{outcome.detail}; cancel failed: {exc.detail}", job_id)
        log.warning("queue %s: cancelled job %d (%s)", self.queue, job_id, outcome.message_key)
        return PrintOutcome(False, outcome.message_key, f"{outcome.detail}; job cancelled", job_id)

    # --- status ------------------------------------------------------------------------------

    def _refresh(self) -> DeviceStatus:
        try:
            attrs = self._call(lambda c: c.getPrinterAttributes(self.queue, requested_attributes=_PRINTER_ATTRIBUTES))
            status = reasons.printer_health(
                int(attrs.get("printer-state", reasons.PRINTER_IDLE)),
                _as_list(attrs.get("printer-state-reasons")),
                bool(attrs.get("printer-is-accepting-jobs", True)),
                str(attrs.get("printer-state-message", "")),
            )
        except DeviceError as exc:
            health = Health.ABSENT if exc.message_key == reasons.NOT_FOUND else Health.ERROR
            status = DeviceStatus(health, exc.message_key, exc.detail)
        self._publish(status)
        return status

    def _publish(self, status: DeviceStatus) -> None:
        with self._lock:
            changed = self._last is None or (self._last.health, self._last.message_key) != (
                status.health, status.message_key)
            self._last = status
            emit = self._emit
        if changed and emit is not None:
            emit(StatusChanged(status))

    def _watch(self) -> None:
        while not self._stop.is_set():
            self._refresh()
            self._stop.wait(self.status_interval_s)

    # --- the device thread -------------------------------------------------------------------

    def _call(self, fn: Callable[[Any], T]) -> T:
        """Run ``fn(connection)`` on the device thread within ``call_timeout_s``; errors become DeviceError."""
        future = self._executor.submit(self._on_device_thread, fn)
        try:
            return future.result(timeout=self.call_timeout_s)
        except concurrent.futures.TimeoutError:
            raise DeviceError(reasons.SERVICE_UNAVAILABLE,
                              f"CUPS did not answer within {self.call_timeout_s:g} s") from None

    def _on_device_thread(self, fn: Callable[[Any], T]) -> T:
        if cups is None:
            raise DeviceError(reasons.SERVICE_UNAVAILABLE, "pycups is not installed")
        try:
            if self._connection is None:
                self._connection = cups.Connection(host=self.server, port=self.port) if self.server \
                    else cups.Connection()
            return fn(self._connection)
        except cups.IPPError as exc:
            status, message = exc.args if len(exc.args) == 2 else (None, str(exc))
            if status == cups.IPP_NOT_FOUND:
                raise DeviceError(reasons.NOT_FOUND, f"queue {self.queue!r} not found: {message}") from None
            if status == cups.IPP_NOT_ACCEPTING:
                raise DeviceError(reasons.NOT_ACCEPTING, str(message)) from None
            raise DeviceError(reasons.PRINTER_ERROR, f"IPP error {status}: {message}") from None
        except RuntimeError as exc:
            # pycups raises RuntimeError when the scheduler cannot be reached; reconnect next time.
            self._connection = None
            raise DeviceError(reasons.SERVICE_UNAVAILABLE, str(exc)) from None


def _as_list(value: object) -> list[str]:
    """pycups gives a lone keyword as a string and several as a list."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]
