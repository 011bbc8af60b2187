"""The payment receipt's layout on the 80 mm roll (the data and its wording are in ``receipt``)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table, TableStyle

from kiosk.documents.charset import for_print
from kiosk.documents.fonts import cjk_font
from kiosk.documents.receipt import format_time
from kiosk.documents.roll import TEXT_WIDTH, render_roll
from kiosk.domain.money import format_yuan, to_capital
from kiosk.journeys.payment.receipt import METHOD_NAMES, NOTE, PaymentReceipt

TITLE = "诉讼费缴费回执"


def _story(receipt: PaymentReceipt) -> list[Flowable]:
    font = cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13, wordWrap="CJK")
    title = ParagraphStyle("title", body, fontSize=14, leading=20, alignment=TA_CENTER)
    centre = ParagraphStyle("centre", body, alignment=TA_CENTER)
    right = ParagraphStyle("right", body, alignment=TA_RIGHT)
    line = ParagraphStyle("line", body, leftIndent=6 * 9, firstLineIndent=-6 * 9)

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(for_print(text)), style)

    rows = [[para(name, body), para(format_yuan(amount), right)] for name, amount in receipt.items]
    rows.append([para("合计", body), para(format_yuan(receipt.amount), right)])
    table = Table(rows, colWidths=[TEXT_WIDTH * 0.62, TEXT_WIDTH * 0.38])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEABOVE", (0, -1), (-1, -1), 0.5, "black"),
    ]))
    story: list[Flowable] = [para(TITLE, title)]
    if receipt.court_name:
        story.append(para(f"{receipt.court_name}诉讼服务中心", centre))
    story += [Spacer(0, 2 * mm), HRFlowable(width="100%", thickness=0.5)]
    story += [para(f"{label}：{value}", line) for label, value in (
        ("案号", receipt.case_number),
        ("状态", "已缴费（法院已确认）"),
    )]
    story += [Spacer(0, 1 * mm), table, Spacer(0, 1 * mm)]
    story += [para(f"{label}：{value}", line) for label, value in (
        ("大写金额", to_capital(receipt.amount)),
        ("支付方式", METHOD_NAMES.get(receipt.method, METHOD_NAMES["other"])),
        ("支付流水号", receipt.reference),
        ("缴费时间", format_time(receipt.paid_at.astimezone())),
        ("终端", receipt.kiosk_id),
    )]
    story += [HRFlowable(width="100%", thickness=0.5, spaceBefore=2 * mm), para(NOTE, body)]
    return story


def render(receipt: PaymentReceipt, path: Path) -> Path:
    """Write the receipt to ``path``; it keeps reportlab's own canvas, as it always has."""
    return render_roll(lambda: _story(receipt), path, TITLE, canvasmaker=Canvas)
