"""The simulated printer: every scenario, the output folder and the job history."""

from __future__ import annotations

from pathlib import Path

import pytest

from drivers.base import DeviceEvent, DeviceKind, Health, StatusChanged
from drivers.printer.outcomes import COMPLETED, SELF_TEST_PASSED
from drivers.printer.simulated import MID_JOB, NOT_A_PDF, SimulatedPrinter
from drivers.registry import driver_class


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "doc.pdf"
    path.write_bytes(b"%PDF-1.4\nreceipt\n%%EOF\n")
    return path


def test_registered_and_simulated() -> None:
    cls = driver_class(DeviceKind.PRINTER, "simulated")
    assert cls is SimulatedPrinter
    assert cls().simulated


def test_ready_prints_into_output_dir(tmp_path: Path, pdf: Path) -> None:
    printer = SimulatedPrinter(output_dir=tmp_path / "out")
    outcome = printer.print_pdf(pdf, title="receipt", copies=2)
    assert (outcome.completed, outcome.message_key, outcome.job_id) == (True, COMPLETED, 1)
    assert [p.read_bytes() for p in printer.printed()] == [pdf.read_bytes()]
    assert printer.jobs[0].copies == 2


@pytest.mark.parametrize(("scenario", "health", "key"), [
    ("out_of_paper", Health.NEEDS_STAFF, "status.printer.out_of_paper"),
    ("jammed", Health.NEEDS_STAFF, "status.printer.paper_jam"),
    ("cover_open", Health.NEEDS_STAFF, "status.printer.cover_open"),
    ("offline", Health.ABSENT, "status.printer.offline"),
])
def test_failing_scenarios_refuse(tmp_path: Path, pdf: Path, scenario: str, health: Health, key: str) -> None:
    printer = SimulatedPrinter(scenario=scenario, output_dir=tmp_path)
    assert (printer.status().health, printer.status().message_key) == (health, key)
    outcome = printer.print_pdf(pdf, title="receipt")
    assert (outcome.completed, outcome.message_key) == (False, key)
    assert printer.printed() == []
    assert len(printer.jobs) == 1


def test_paper_low_still_prints(tmp_path: Path, pdf: Path) -> None:
    printer = SimulatedPrinter(scenario="paper_low", output_dir=tmp_path)
    assert printer.status().health == Health.DEGRADED
    assert printer.print_pdf(pdf, title="receipt").completed


def test_paper_runs_out_mid_job(tmp_path: Path, pdf: Path) -> None:
    """GIVEN a printer that looks ready WHEN the paper runs out during the job THEN the job fails
    with the out-of-paper key, nothing is printed, and the printer now reports out of paper."""
    printer = SimulatedPrinter(scenario=MID_JOB, output_dir=tmp_path)
    events: list[DeviceEvent] = []
    printer.open(events.append)
    assert printer.status().health == Health.OK
    outcome = printer.print_pdf(pdf, title="receipt")
    assert (outcome.completed, outcome.message_key) == (False, "status.printer.out_of_paper")
    assert printer.printed() == []
    assert printer.status().health == Health.NEEDS_STAFF
    assert isinstance(events[-1], StatusChanged) and events[-1].status.health == Health.NEEDS_STAFF


def test_switching_scenario_emits_and_recovers(tmp_path: Path, pdf: Path) -> None:
    printer = SimulatedPrinter(output_dir=tmp_path)
    events: list[DeviceEvent] = []
    printer.open(events.append)
    printer.set_scenario("jammed")
    printer.set_scenario("ready")
    assert [e.status.message_key for e in events if isinstance(e, StatusChanged)] == [
        "status.printer.ready", "status.printer.paper_jam", "status.printer.ready"]
    assert printer.print_pdf(pdf, title="receipt").completed
    with pytest.raises(ValueError, match="unknown printer scenario"):
        printer.set_scenario("on_fire")


def test_not_a_pdf_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_text("hello")
    outcome = SimulatedPrinter(output_dir=tmp_path / "out").print_pdf(junk, title="x")
    assert (outcome.completed, outcome.message_key) == (False, NOT_A_PDF)


def test_self_test_prints_test_page(tmp_path: Path) -> None:
    printer = SimulatedPrinter(output_dir=tmp_path)
    result = printer.self_test()
    assert (result.passed, result.message_key) == (True, SELF_TEST_PASSED)
    assert printer.printed()[0].read_bytes().startswith(b"%PDF-")


def test_its_own_output_folder_goes_when_it_closes_a_given_one_stays(tmp_path: Path) -> None:
    own, given = SimulatedPrinter(), SimulatedPrinter(output_dir=tmp_path / "given")
    for printer in (own, given):
        printer.open(lambda event: None)
        printer.self_test()
        printer.close()
    assert not own.output_dir.exists()
    assert [path.name for path in given.printed()] == ["job-0001.pdf"] and given.printed()[0].exists()
