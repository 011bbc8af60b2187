"""Scanned pages bound into one PDF: page count, A4 size, images present, nothing written elsewhere."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from drivers.camera import synthetic
from drivers.camera.pages import process_capture
from kiosk.documents.scan_pdf import assemble_pdf

pytestmark = pytest.mark.skipif(subprocess.run(["which", "pdfinfo"], capture_output=True).returncode != 0,
                                reason="poppler-utils missing: run scripts/install-system-packages.sh")


def _info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^([^:]+):\s*(.*)$", out, re.M))


def test_three_scanned_pages_make_a_three_page_a4_pdf(tmp_path: Path) -> None:
    visit = tmp_path / "visit"
    visit.mkdir()
    pages = [process_capture(synthetic.document_scene(seed).image).image for seed in (31, 32, 33)]

    result = assemble_pdf(pages, visit, name="evidence.pdf")

    assert result.page_count == 3
    assert result.path == visit / "evidence.pdf"
    assert sorted(p.name for p in visit.iterdir()) == ["evidence.pdf"]
    info = _info(result.path)
    assert info["Pages"] == "3"
    assert info["Page size"].startswith("595.276 x 841.89")  # A4 in points
    images = subprocess.run(["pdfimages", "-list", str(result.path)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert len(images) == 3 and all(" gray " in line for line in images)
    text = subprocess.run(["pdftotext", str(result.path), "-"], capture_output=True, text=True, check=True).stdout
    assert [p.replace(" ", "").strip() for p in text.split("\f")[:3]] == ["1/3", "2/3", "3/3"]


def test_colour_page_is_kept_in_colour(tmp_path: Path) -> None:
    page = np.full((350, 248, 3), 255, np.uint8)
    page[100:150, 50:200] = (0, 0, 200)
    result = assemble_pdf([page], tmp_path)
    images = subprocess.run(["pdfimages", "-list", str(result.path)], capture_output=True, text=True,
                            check=True).stdout
    assert " rgb " in images and result.page_count == 1


def test_refuses_a_directory_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        assemble_pdf([np.zeros((10, 10), np.uint8)], tmp_path / "missing")


def test_refuses_paths_outside_the_visit_directory(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="plain file name"):
        assemble_pdf([np.zeros((10, 10), np.uint8)], tmp_path, name="../escape.pdf")


def test_refuses_no_pages(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no pages"):
        assemble_pdf([], tmp_path)
