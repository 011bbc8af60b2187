"""The maintenance test page, drawn with reportlab.

Chinese is drawn with an embedded TrueType font: the non-embedded CID font ``STSong-Light`` is
substituted by Ghostscript in the CUPS filter chain and comes out as the wrong glyphs. Noto CJK
(CFF outlines) cannot be embedded by reportlab, hence the TrueType candidates below.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path

#: Paper a printer may be loaded with, in millimetres: what its test page is drawn on.
PAPER_MM: dict[str, tuple[float, float]] = {"a4": (210, 297), "receipt80": (80, 120)}

_CJK_TRUETYPE = (
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
)
_FONT_NAME = "KioskCJK"


@cache
def cjk_font() -> str | None:
    """Register and name an embeddable CJK font, or None when the machine has none."""
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415 - reportlab only when a page is drawn, not at start
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415 - likewise

    for path in _CJK_TRUETYPE:
        if path.exists():
            pdfmetrics.registerFont(TTFont(_FONT_NAME, str(path), subfontIndex=0))
            return _FONT_NAME
    return None


def render_test_page(out: Path, *, printer_label: str, paper: str = "a4") -> Path:
    """Write a one-page PDF on ``paper`` (of :data:`PAPER_MM`): alignment, Chinese and Latin text, a grey ramp.

    reportlab is imported here: every printer driver is loaded at start, and its import is a tenth
    of the kiosk's start on a slow machine.
    """
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    page_size = (PAPER_MM[paper][0] * mm, PAPER_MM[paper][1] * mm)
    width, height = page_size
    margin = 10 * mm
    c = canvas.Canvas(str(out), pagesize=page_size)
    c.setTitle("courtkiosk test page")
    c.setLineWidth(1)
    c.rect(margin, margin, width - 2 * margin, height - 2 * margin)
    y = height - margin - 14 * mm
    font = cjk_font()
    if font is not None:
        c.setFont(font, 18)
        c.drawString(margin + 6 * mm, y, "打印测试页 — 诉讼服务自助终端")
        y -= 10 * mm
    c.setFont("Helvetica", 11)
    for line in (f"courtkiosk test page: {printer_label}", datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
                 "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789"):
        c.drawString(margin + 6 * mm, y, line)
        y -= 6 * mm
    ramp_width = (width - 2 * margin - 12 * mm) / 10
    for step in range(10):
        c.setFillGray(step / 9)
        c.rect(margin + 6 * mm + step * ramp_width, y - 12 * mm, ramp_width, 10 * mm, stroke=1, fill=1)
    c.showPage()
    c.save()
    return out
