"""CupsPrinter against the real CUPS scheduler and a cups-pdf queue (see conftest.py)."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from drivers.base import Health
from drivers.printer import cups_printer, reasons
from drivers.printer.cups_printer import CupsPrinter
from drivers.printer.test_page import cjk_font
from tests.drivers.printer.cups_server import CupsTestServer

pytestmark = pytest.mark.cups

CHINESE = "民事起诉状 原告：示例科技有限公司"


def _document(path: Path, marker: str) -> Path:
    font = cjk_font()
    assert font is not None, "no embeddable CJK font: run scripts/install-system-packages.sh"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, 28)
    c.drawString(60, 760, CHINESE)
    c.setFont("Helvetica", 14)
    c.drawString(60, 720, f"Case {marker} filed at the kiosk")
    c.save()
    return path


def _ink(pdf: Path, tmp_path: Path, name: str) -> np.ndarray:
    """The top band of page 1 as a boolean ink mask, cropped to its ink and scaled to a fixed size."""
    prefix = tmp_path / name
    subprocess.run(["pdftoppm", "-gray", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(prefix)], check=True)
    page = np.asarray(Image.open(f"{prefix}.png").convert("L"))
    band = page[: page.shape[0] // 6] < 128
    ys, xs = np.nonzero(band)
    crop = band[ys.min(): ys.max() + 1, xs.min(): xs.max() + 1]
    return np.asarray(Image.fromarray(crop).resize((600, 80))) > 0


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Share of ``a``'s ink that lies within two pixels of ``b``'s ink."""
    padded = np.pad(b, 2)
    near = np.zeros_like(b)
    for dy in range(5):
        for dx in range(5):
            near |= padded[dy: dy + b.shape[0], dx: dx + b.shape[1]]
    return float((a & near).sum() / max(a.sum(), 1))


def test_prints_chinese_and_latin_text(cups_test_server: CupsTestServer, tmp_path: Path) -> None:
    """GIVEN a PDF with Chinese and Latin text WHEN printed on the cups-pdf queue THEN the printed PDF
    carries the Latin text and renders the same Chinese glyphs as the source."""
    marker = uuid.uuid4().hex[:10].upper()
    source = _document(tmp_path / "doc.pdf", marker)
    printer = CupsPrinter(queue=cups_test_server.pdf_queue)

    outcome = printer.print_pdf(source, title="kiosk-test", timeout_s=60)

    assert outcome.completed, outcome
    assert outcome.message_key == cups_printer.COMPLETED
    assert outcome.job_id is not None
    printed = cups_test_server.printed_file(outcome.job_id)
    assert printed is not None, f"no cups-pdf output for job {outcome.job_id} in {cups_test_server.output_dir}"
    try:
        text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout
        assert f"Case {marker} filed at the kiosk" in " ".join(text.split())
        # Ghostscript in the filter chain drops the Chinese text layer (no ToUnicode), so the glyphs
        # themselves are compared: a substituted font would draw different shapes.
        source_ink, printed_ink = _ink(source, tmp_path, "src"), _ink(printed, tmp_path, "out")
        assert min(_overlap(source_ink, printed_ink), _overlap(printed_ink, source_ink)) > 0.9
    finally:
        printed.unlink(missing_ok=True)


def test_status_of_ready_queue(cups_test_server: CupsTestServer) -> None:
    status = CupsPrinter(queue=cups_test_server.pdf_queue).status()
    assert status.health == Health.OK
    assert status.message_key == reasons.READY


def test_paused_queue_refuses_before_submitting(cups_test_server: CupsTestServer, tmp_path: Path) -> None:
    """GIVEN a queue stopped with cupsdisable WHEN asked to print THEN nothing is submitted and the
    outcome says the printer is paused."""
    printer = CupsPrinter(queue=cups_test_server.paused_queue)
    outcome = printer.print_pdf(_document(tmp_path / "doc.pdf", "PAUSED"), title="kiosk-test")
    assert not outcome.completed
    assert outcome.job_id is None
    assert outcome.message_key == reasons.PAUSED
    assert "paused" in outcome.detail
    assert printer.status().health == Health.NEEDS_STAFF


def test_rejecting_queue_refuses(cups_test_server: CupsTestServer, tmp_path: Path) -> None:
    outcome = CupsPrinter(queue=cups_test_server.rejecting_queue).print_pdf(
        _document(tmp_path / "doc.pdf", "REJECT"), title="kiosk-test")
    assert not outcome.completed
    assert outcome.message_key == reasons.NOT_ACCEPTING


def test_unknown_queue_is_absent(cups_test_server: CupsTestServer) -> None:
    status = CupsPrinter(queue="NoSuchKioskQueue").status()
    assert status.health == Health.ABSENT
    assert status.message_key == reasons.NOT_FOUND


def test_job_that_does_not_finish_is_cancelled(cups_test_server: CupsTestServer, tmp_path: Path) -> None:
    """GIVEN a queue whose device never answers WHEN the job outlives its timeout THEN the job is
    cancelled at the scheduler and reported as timed out."""
    import cups

    printer = CupsPrinter(queue=cups_test_server.stuck_queue)
    outcome = printer.print_pdf(_document(tmp_path / "doc.pdf", "STUCK"), title="kiosk-test", timeout_s=1.5)
    assert not outcome.completed
    assert outcome.message_key == cups_printer.TIMED_OUT
    assert "job cancelled" in outcome.detail
    assert outcome.job_id is not None
    state = cups.Connection().getJobAttributes(outcome.job_id)["job-state"]
    assert state == cups_printer.JOB_CANCELED


def test_self_test_prints_a_page(cups_test_server: CupsTestServer) -> None:
    result = CupsPrinter(queue=cups_test_server.pdf_queue).self_test()
    assert result.passed, result
    job_id = int(result.detail.split()[1])
    printed = cups_test_server.printed_file(job_id)
    assert printed is not None
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout
    printed.unlink()
    assert "courtkiosk test page" in text
