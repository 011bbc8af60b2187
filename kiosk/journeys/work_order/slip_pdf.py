"""The work-order slip's layout on the 80 mm roll (the data and its wording are in ``slip``)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer

from kiosk.documents.charset import for_print
from kiosk.documents.fonts import cjk_font
from kiosk.documents.roll import QrCode, render_roll
from kiosk.journeys.work_order.slip import NEXT_STEP, NO_NUMBER_NOTE, QUEUED_NOTE, TITLE, Slip


def _story(slip: Slip) -> list[Flowable]:
    body = ParagraphStyle("body", fontName=cjk_font(), fontSize=9, leading=13, wordWrap="CJK")
    title = ParagraphStyle("title", body, fontSize=14, leading=20, alignment=TA_CENTER)
    centre = ParagraphStyle("centre", body, alignment=TA_CENTER)
    number = ParagraphStyle("number", body, fontSize=13, leading=18, alignment=TA_CENTER)
    line = ParagraphStyle("line", body, leftIndent=6 * 9, firstLineIndent=-6 * 9)

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(for_print(text)), style)

    order = slip.delivery.order
    story: list[Flowable] = [para(TITLE, title)]
    if slip.delivery.court_name:
        story.append(para(f"{slip.delivery.court_name}诉讼服务中心", centre))
    story += [Spacer(0, 2 * mm), para(order.tracking_number if order else slip.reference, number),
              HRFlowable(width="100%", thickness=0.5)]
    story += [para(f"{label}：{value}", line) for label, value in slip.lines()]
    if not slip.delivery.delivered:
        story += [Spacer(0, 1 * mm), para(QUEUED_NOTE, body)]
    elif order is None:
        story += [Spacer(0, 1 * mm), para(NO_NUMBER_NOTE, body)]
    story += [HRFlowable(width="100%", thickness=0.5, spaceBefore=2 * mm), para(NEXT_STEP, body)]
    story += [Spacer(0, 3 * mm), QrCode(slip.code), para("扫码查询办理进度", centre)]
    story += [Spacer(0, 2 * mm), para("本回执已隐去部分个人信息，请妥善保管。", centre)]
    return story


def render(slip: Slip, path: Path) -> Path:
    """Write the slip to ``path``."""
    return render_roll(lambda: _story(slip), path, TITLE)
