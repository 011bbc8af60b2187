"""The document font: embedded in every PDF the kiosk renders, read for coverage, printing true via CUPS."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from drivers.printer.cups_printer import CupsPrinter
from kiosk.court.demo.documents import render_pdf
from kiosk.documents import fonts
from kiosk.documents.charset import unprintable
from kiosk.documents.receipt import render_receipt
from tests.drivers.printer.conftest import cups_test_server  # noqa: F401 - the one CUPS fixture, shared
from tests.drivers.printer.cups_server import CupsTestServer
from tests.kiosk.complaints.scenarios import MINGHU
from tests.kiosk.documents.test_complaint_pdf import render
from tests.kiosk.documents.test_receipt import receipt_for


def _complaint(tmp_path: Path) -> Path:
    return render("private_lending", tmp_path)


def _receipt(tmp_path: Path) -> Path:
    return render_receipt(receipt_for("private_lending"), tmp_path)


def _served_document(tmp_path: Path) -> Path:
    path = tmp_path / "served.pdf"
    path.write_bytes(render_pdf(MINGHU.name, "（2025）京0101民初1234号", "民事判决书", "原告张明华诉被告王建军民间借贷纠纷一案。", 2))
    return path


RENDERERS: dict[str, Callable[[Path], Path]] = {
    "complaint": _complaint,
    "receipt": _receipt,
    "demo_court_document": _served_document,
}


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """Each font of ``path`` as ``pdffonts`` lists it: name and whether it is embedded."""
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    return [(row[0], row[-5] == "yes") for row in rows]


@pytest.mark.parametrize("kind", sorted(RENDERERS))
def test_every_document_embeds_the_one_font_it_uses(kind: str, tmp_path: Path) -> None:
    """GIVEN any document the kiosk renders THEN its only font is Zen Hei, embedded (pdffonts: emb yes),
    so no printer or viewer substitutes glyphs; not even an unused Helvetica is named."""
    listed = pdf_fonts(RENDERERS[kind](tmp_path))
    assert listed, "no fonts listed"
    assert all(embedded and name.endswith(f"+{fonts.CJK_FONT}-0") for name, embedded in listed), listed


def test_the_font_draws_every_gb18030_ideograph_and_gb2312() -> None:
    drawn = fonts.drawn_characters()
    ideographs = {chr(c) for c in (*range(0x4E00, 0x9FA6), *range(0x3400, 0x4DB6))}
    gb2312 = set()
    for first in range(0xA1, 0xF8):
        for second in range(0xA1, 0xFF):
            try:
                gb2312.add(bytes((first, second)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    assert not ideographs - drawn
    assert not gb2312 - drawn


def test_answers_are_checked_against_what_the_font_draws() -> None:
    """Rare name characters and Hangul print; emoji, Thai, controls and cmap entries whose glyph is empty
    (U+F9EA) do not."""
    assert unprintable("刘䶮 㛃 朴지민\n") == ""
    assert unprintable("😀ไทย\u007f\uf9ea") == "😀ไทย\u007f\uf9ea"


def test_a_shipped_copy_comes_before_fontconfig(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    installed, _ = fonts.find_font()
    shipped = tmp_path / "wqy-zenhei.ttc"
    shipped.symlink_to(installed)
    monkeypatch.setattr(fonts, "SHIPPED_FONT", shipped)
    assert fonts.find_font() == (shipped, 0)


def test_a_missing_font_names_the_debian_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(fonts, "SHIPPED_FONT", tmp_path / "absent.ttc")
    monkeypatch.setattr(fonts, "FONT_FAMILY", "No Such Kiosk Font")
    with pytest.raises(fonts.FontMissing, match="fonts-wqy-zenhei"):
        fonts.find_font()


def _pages(pdf: Path, prefix: Path) -> list[np.ndarray]:
    """Each page at 100 dpi as a boolean ink mask."""
    subprocess.run(["pdftoppm", "-gray", "-png", "-r", "100", str(pdf), str(prefix)], check=True, capture_output=True)
    return [np.asarray(Image.open(png).convert("L")) < 128 for png in sorted(prefix.parent.glob(f"{prefix.name}-*.png"))]


def _near_share(a: np.ndarray, b: np.ndarray) -> float:
    """Share of ``a``'s ink within one pixel of ``b``'s ink (rasterising rounds glyph edges differently)."""
    padded = np.pad(b, 1)
    near = np.zeros_like(b)
    for dy in range(3):
        for dx in range(3):
            near |= padded[dy: dy + b.shape[0], dx: dx + b.shape[1]]
    return float((a & near).sum() / max(a.sum(), 1))


@pytest.mark.cups
@pytest.mark.parametrize("kind", ["complaint", "demo_court_document"])
def test_printed_documents_show_the_same_chinese(
    kind: str, cups_test_server: CupsTestServer, tmp_path: Path  # noqa: F811 - the imported fixture
) -> None:
    """GIVEN an A4 document WHEN printed on the cups-pdf queue THEN every page draws the same glyphs.

    Ghostscript in cups-pdf re-embeds the font without its ToUnicode map, so ``pdftotext`` cannot read
    Chinese from the printed file; the pages are compared as pixels instead. Ink within one pixel of
    the other page's ink is 99 % and more for the embedded font; the substituted STSong-Light scored
    under 90 %.
    """
    source = RENDERERS[kind](tmp_path)
    source_text = "".join(subprocess.run(["pdftotext", str(source), "-"], capture_output=True, text=True,
                                         check=True).stdout.split())
    assert MINGHU.name in source_text and (kind != "complaint" or "民事起诉状" in source_text)
    outcome = CupsPrinter(queue=cups_test_server.pdf_queue).print_pdf(source, title="kiosk-font-test", timeout_s=60)
    assert outcome.completed and outcome.job_id is not None, outcome
    printed = cups_test_server.printed_file(outcome.job_id)
    assert printed is not None, f"no cups-pdf output for job {outcome.job_id}"
    try:
        copy = Path(shutil.copy(printed, tmp_path / "printed.pdf"))
    finally:
        printed.unlink(missing_ok=True)
    assert all(embedded for _, embedded in pdf_fonts(copy))
    before, after = _pages(source, tmp_path / "source"), _pages(copy, tmp_path / "printed")
    assert len(before) == len(after) > 0
    for number, (a, b) in enumerate(zip(before, after, strict=True), start=1):
        assert a.shape == b.shape, number
        assert min(_near_share(a, b), _near_share(b, a)) > 0.98, number
