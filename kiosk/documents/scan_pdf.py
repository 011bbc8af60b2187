"""Bind a visit's scanned pages into one A4 PDF.

Scans are personal data: the PDF is written only into the visit's own temporary directory, which
the session deletes when the visit ends, and the page images go into it straight from memory
(no intermediate image files).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

_MARGIN = 6 * mm
_FOOTER = 4 * mm


@dataclass(frozen=True)
class ScannedPdf:
    """The bound PDF and how many pages it holds (shown to the visitor to confirm)."""

    path: Path
    page_count: int


def assemble_pdf(pages: Sequence[np.ndarray], visit_dir: Path, *, name: str = "scan.pdf",
                 title: str = "scanned document") -> ScannedPdf:
    """Write ``pages`` (uint8 grayscale or BGR images) as one A4 page each, numbered "n / N".

    ``visit_dir`` must already exist: creating it here could put personal data somewhere the
    end-of-visit cleanup does not know about.
    """
    if not pages:
        raise ValueError("no pages to assemble")
    if not visit_dir.is_dir():
        raise FileNotFoundError(f"visit directory {visit_dir} does not exist")
    if Path(name).name != name:
        raise ValueError("name must be a plain file name inside the visit directory")
    target = visit_dir / name
    partial = visit_dir / f".{name}.partial"
    width, height = A4
    pdf = canvas.Canvas(str(partial), pagesize=A4, pageCompression=1)
    pdf.setTitle(title)
    pdf.setCreator("courtkiosk")
    for number, page in enumerate(pages, start=1):
        image = _to_pil(page)
        box_w, box_h = width - 2 * _MARGIN, height - 2 * _MARGIN - _FOOTER
        scale = min(box_w / image.width, box_h / image.height)
        draw_w, draw_h = image.width * scale, image.height * scale
        x, y = (width - draw_w) / 2, _MARGIN + _FOOTER + (box_h - draw_h) / 2
        pdf.drawImage(ImageReader(image), x, y, draw_w, draw_h)
        pdf.setFont("Helvetica", 8)
        pdf.drawCentredString(width / 2, _MARGIN, f"{number} / {len(pages)}")
        pdf.showPage()
    pdf.save()
    os.replace(partial, target)
    return ScannedPdf(target, len(pages))


def _to_pil(page: np.ndarray) -> Image.Image:
    if page.dtype != np.uint8:
        raise ValueError("pages must be uint8 images")
    if page.ndim == 2:
        return Image.fromarray(page, mode="L")
    return Image.fromarray(np.ascontiguousarray(page[..., ::-1]), mode="RGB")  # OpenCV's BGR → RGB
