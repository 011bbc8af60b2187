"""The maintenance test page, drawn with reportlab.

Chinese is drawn with an embedded TrueType font: the non-embedded CID font ``STSong-Light`` is
substituted by Ghostscript in the CUPS filter chain and comes out as the wrong glyphs. Noto CJK
(CFF outlines) cannot be embedded by reportlab, hence the TrueType candidates below.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

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
    for path in _CJK_TRUETYPE:
        if path.exists():
            pdfmetrics.registerFont(TTFont(_FONT_NAME, str(path), subfontIndex=0))
            return _FONT_NAME
    return None


def render_test_page(out: Path, *, printer_label: str, page_size: tuple[float, float] = A4) -> Path:
    """Write a one-page PDF that shows alignment, Chinese and Latin text and a grey ramp."""
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
