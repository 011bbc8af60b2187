"""The filing receipt's layout on the 80 mm roll (the data and its wording are in ``receipt``)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer

from kiosk.documents.charset import for_print
from kiosk.documents.fonts import cjk_font
from kiosk.documents.receipt import NEXT_STEPS, QUEUED_NOTE, Receipt, receipt_lines
from kiosk.documents.roll import QrCode, render_roll

TITLE = "自助立案回执"


def _story(receipt: Receipt) -> list[Flowable]:
    font = cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13, wordWrap="CJK")
    styles = {
        "body": body,
        "title": ParagraphStyle("title", body, fontSize=14, leading=20, alignment=TA_CENTER),
        "centre": ParagraphStyle("centre", body, alignment=TA_CENTER),
        "reference": ParagraphStyle("reference", body, fontSize=13, leading=18, alignment=TA_CENTER),
        "line": ParagraphStyle("line", body, leftIndent=6 * 9, firstLineIndent=-6 * 9),
        "step": ParagraphStyle("step", body, leftIndent=9, firstLineIndent=-9),
    }

    def para(text: str, style: str) -> Paragraph:
        return Paragraph(escape(for_print(text)), styles[style])

    story: list[Flowable] = [para(TITLE, "title")]
    if receipt.kiosk_court is not None:
        story.append(para(f"{receipt.kiosk_court.name}诉讼服务中心", "centre"))
    story += [Spacer(0, 2 * mm), para(receipt.reference, "reference"), HRFlowable(width="100%", thickness=0.5)]
    story += [para(f"{label}：{value}", "line") for label, value in receipt_lines(receipt)]
    if receipt.queued:
        story += [Spacer(0, 1 * mm), para(QUEUED_NOTE, "body")]
    story += [HRFlowable(width="100%", thickness=0.5, spaceBefore=2 * mm), para("下一步：", "body")]
    story += [para(f"{n}．{step}", "step") for n, step in enumerate(NEXT_STEPS, start=1)]
    story += [Spacer(0, 3 * mm), QrCode(receipt.code), para("扫码查询立案进度", "centre")]
    story += [Spacer(0, 2 * mm), para("本回执已隐去部分个人信息，请妥善保管。", "centre")]
    return story


def render(receipt: Receipt, path: Path) -> Path:
    """Write the receipt to ``path``."""
    return render_roll(lambda: _story(receipt), path, TITLE)
