"""CupsPrinter's job following, with pycups replaced at the library boundary by a scripted queue.

The real scheduler cannot be made to report an empty tray or a jam on demand; these tests can.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from drivers.base import DeviceEvent, Health, StatusChanged
from drivers.printer import cups_printer, reasons
from drivers.printer.cups_printer import CupsPrinter

cups = pytest.importorskip("cups")


class ScriptedQueue:
    """Stands in for ``cups.Connection``: printer attributes and job states follow a script."""

    def __init__(self, printer: list[tuple[int, list[str]]], jobs: list[int]) -> None:
        self.printer = printer
        self.jobs = jobs
        self.submitted: list[str] = []
        self.cancelled: list[int] = []

    def __call__(self, *args: Any, **kwargs: Any) -> ScriptedQueue:
        return self

    def getPrinterAttributes(self, name: str, requested_attributes: list[str]) -> dict[str, Any]:  # noqa: N802
        state, keywords = self.printer.pop(0) if len(self.printer) > 1 else self.printer[0]
        return {"printer-state": state, "printer-state-reasons": keywords, "printer-is-accepting-jobs": True}

    def printFile(self, queue: str, path: str, title: str, options: dict[str, str]) -> int:  # noqa: N802
        self.submitted.append(path)
        return 42

    def getJobAttributes(self, job_id: int, requested_attributes: list[str]) -> dict[str, Any]:  # noqa: N802
        state = self.jobs.pop(0) if len(self.jobs) > 1 else self.jobs[0]
        return {"job-state": state, "job-state-reasons": ["none"]}

    def cancelJob(self, job_id: int, purge_job: bool = False) -> None:  # noqa: N802
        self.cancelled.append(job_id)


IDLE = (reasons.PRINTER_IDLE, ["none"])


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "doc.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return path


def _printer(monkeypatch: pytest.MonkeyPatch, queue: ScriptedQueue) -> CupsPrinter:
    monkeypatch.setattr(cups, "Connection", queue)
    return CupsPrinter(queue="Scripted", poll_interval_s=0.001)


def test_out_of_paper_refuses_before_submitting(monkeypatch: pytest.MonkeyPatch, pdf: Path) -> None:
    queue = ScriptedQueue([(reasons.PRINTER_STOPPED, ["media-empty-error"])], [9])
    outcome = _printer(monkeypatch, queue).print_pdf(pdf, title="t")
    assert (outcome.completed, outcome.message_key) == (False, "status.printer.out_of_paper")
    assert queue.submitted == []


def test_completed_job_on_healthy_printer(monkeypatch: pytest.MonkeyPatch, pdf: Path) -> None:
    queue = ScriptedQueue([IDLE], [cups_printer.JOB_PENDING, cups_printer.JOB_PROCESSING, cups_printer.JOB_COMPLETED])
    outcome = _printer(monkeypatch, queue).print_pdf(pdf, title="t")
    assert (outcome.completed, outcome.message_key, outcome.job_id) == (True, cups_printer.COMPLETED, 42)


def test_spooler_success_is_not_enough(monkeypatch: pytest.MonkeyPatch, pdf: Path) -> None:
    """GIVEN the spooler completes the job WHEN the printer then reports an empty tray THEN the
    outcome is not completed: the receipt may never have come out."""
    queue = ScriptedQueue([IDLE, (reasons.PRINTER_IDLE, ["media-empty-error"])], [cups_printer.JOB_COMPLETED])
    outcome = _printer(monkeypatch, queue).print_pdf(pdf, title="t")
    assert (outcome.completed, outcome.message_key) == (False, "status.printer.out_of_paper")
    assert "completed at the spooler" in outcome.detail


def test_jam_during_job_cancels_it(monkeypatch: pytest.MonkeyPatch, pdf: Path) -> None:
    """A job stalled on a jam is cancelled, so it cannot print later for the next visitor."""
    queue = ScriptedQueue([IDLE, (reasons.PRINTER_STOPPED, ["media-jam-error"])], [cups_printer.JOB_PROCESSING])
    outcome = _printer(monkeypatch, queue).print_pdf(pdf, title="t")
    assert (outcome.completed, outcome.message_key) == (False, "status.printer.paper_jam")
    assert queue.cancelled == [42]


def test_aborted_job_fails(monkeypatch: pytest.MonkeyPatch, pdf: Path) -> None:
    queue = ScriptedQueue([IDLE], [cups_printer.JOB_PROCESSING, cups_printer.JOB_ABORTED])
    outcome = _printer(monkeypatch, queue).print_pdf(pdf, title="t")
    assert (outcome.completed, outcome.message_key) == (False, cups_printer.JOB_FAILED)


def test_scheduler_down_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("failed to connect to server")

    monkeypatch.setattr(cups, "Connection", refuse)
    status = CupsPrinter(queue="Any").status()
    assert (status.health, status.message_key) == (Health.ERROR, reasons.SERVICE_UNAVAILABLE)


def test_monitor_emits_status_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    queue = ScriptedQueue([IDLE, (reasons.PRINTER_STOPPED, ["media-empty-error"])], [9])
    printer = _printer(monkeypatch, queue)
    printer.status_interval_s = 0.001
    events: list[DeviceEvent] = []
    second = threading.Event()

    def emit(event: DeviceEvent) -> None:
        events.append(event)
        if len(events) == 2:
            second.set()

    printer.open(emit)
    try:
        assert second.wait(10)
    finally:
        printer.close()
    assert [e.status.message_key for e in events if isinstance(e, StatusChanged)] == [
        reasons.READY, "status.printer.out_of_paper"]
    assert printer.status().health == Health.NEEDS_STAFF
