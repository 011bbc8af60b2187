"""The 80 mm roll that receipts, slips and tickets print on: one page as long as its content.

A renderer module (it imports reportlab): only code that renders a document imports it, so the
kiosk starts without reportlab.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import segno
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from kiosk.documents.fonts import CjkCanvas

ROLL_WIDTH = 80 * mm
MARGIN = 4 * mm
QR_SIZE = 34 * mm
QR_QUIET_ZONE = 4
"""Light modules around the code, as the QR standard asks."""
FRAME_PADDING = 6
"""Points of padding platypus puts inside each side of a page's frame."""
TEXT_WIDTH = ROLL_WIDTH - 2 * MARGIN - 2 * FRAME_PADDING
"""The width a flowable on the roll is laid out in."""


class QrCode(Flowable):
    """The QR code as one filled path of dark-module runs, error correction M, 4-module quiet zone.

    reportlab's ``QrCodeWidget`` builds and validates a shape per module and encodes the code again
    for its bounds: about 0.3 s a receipt on the kiosk's CPU, most of the render. Drawing only paths,
    it names no font either (a drawing started in Helvetica would put an unembedded font in the PDF).
    """

    def __init__(self, payload: str) -> None:
        super().__init__()
        self._matrix = segno.make_qr(payload, error="m", boost_error=False).matrix
        self.width = self.height = QR_SIZE
        self.hAlign = "CENTER"

    def draw(self) -> None:
        unit = QR_SIZE / (len(self._matrix) + 2 * QR_QUIET_ZONE)
        path = self.canv.beginPath()
        for row_index, row in enumerate(self._matrix):
            y = QR_SIZE - (row_index + QR_QUIET_ZONE + 1) * unit
            column = 0
            while column < len(row):
                start = column
                while column < len(row) and row[column]:
                    column += 1
                if column > start:
                    path.rect((start + QR_QUIET_ZONE) * unit, y, (column - start) * unit, unit)
                column += 1
        self.canv.drawPath(path, stroke=0, fill=1)


def story_height(story: list[Flowable], width: float) -> float:
    """The height ``story`` takes laid out ``width`` wide, space before and after included."""
    total = 0.0
    for flowable in story:
        _, height = flowable.wrap(width, 10_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def render_roll(story: Callable[[], list[Flowable]], path: Path, title: str,
                canvasmaker: type[Canvas] = CjkCanvas) -> Path:
    """Write ``story`` to ``path`` as one page 80 mm wide and as long as its content.

    ``story`` is called twice (to measure, then to build): a laid-out flowable cannot be reused.
    """
    height = story_height(story(), TEXT_WIDTH) + 2 * MARGIN + 2 * FRAME_PADDING + 3 * mm
    document = SimpleDocTemplate(str(path), pagesize=(ROLL_WIDTH, height), leftMargin=MARGIN, rightMargin=MARGIN,
                                 topMargin=MARGIN, bottomMargin=MARGIN, title=title, author="courtkiosk")
    document.build(story(), canvasmaker=canvasmaker)
    return path
