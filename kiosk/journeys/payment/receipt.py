"""The payment receipt (缴费回执) on the 80 mm roll.

It is the visitor's proof that the court confirmed a payment: the case, each item and its amount,
the total in figures and in capital numerals, how it was paid, the court's payment reference and the
time the court settled it. It names no person. The official fee bill (票据) is issued by the court.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from drivers.base import DeviceError, Printer
from kiosk.documents.charset import for_print
from kiosk.documents.fonts import cjk_font
from kiosk.documents.receipt import FRAME_PADDING, MARGIN, ROLL_WIDTH, _height, format_time
from kiosk.domain.money import format_yuan, to_capital

METHOD_NAMES = {"qr": "扫码支付", "wechat": "微信付款码", "alipay": "支付宝付款码", "unionpay": "银联付款码",
                "other": "付款码"}
NOTE = "本回执为缴费成功凭证，不作报销使用；诉讼费票据由法院依法开具。如有疑问，请持本回执到诉讼服务中心咨询。"


@dataclass(frozen=True)
class PaymentReceipt:
    """A payment the court has confirmed, as the receipt prints it."""

    court_name: str
    case_number: str
    items: tuple[tuple[str, Decimal], ...]
    amount: Decimal
    method: str
    reference: str
    paid_at: datetime
    kiosk_id: str


def _story(receipt: PaymentReceipt) -> list[Flowable]:
    font = cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13, wordWrap="CJK")
    title = ParagraphStyle("title", body, fontSize=14, leading=20, alignment=TA_CENTER)
    centre = ParagraphStyle("centre", body, alignment=TA_CENTER)
    right = ParagraphStyle("right", body, alignment=TA_RIGHT)
    line = ParagraphStyle("line", body, leftIndent=6 * 9, firstLineIndent=-6 * 9)

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(for_print(text)), style)

    width = ROLL_WIDTH - 2 * MARGIN - 2 * FRAME_PADDING
    rows = [[para(name, body), para(format_yuan(amount), right)] for name, amount in receipt.items]
    rows.append([para("合计", body), para(format_yuan(receipt.amount), right)])
    table = Table(rows, colWidths=[width * 0.62, width * 0.38])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEABOVE", (0, -1), (-1, -1), 0.5, "black"),
    ]))
    story: list[Flowable] = [para("诉讼费缴费回执", title)]
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


def render_payment_receipt(receipt: PaymentReceipt, directory: Path, name: str = "payment-receipt.pdf") -> Path:
    """Write the receipt into ``directory`` as one page 80 mm wide and as long as its content."""
    path = directory / name
    width = ROLL_WIDTH - 2 * MARGIN - 2 * FRAME_PADDING
    height = _height(_story(receipt), width) + 2 * MARGIN + 2 * FRAME_PADDING + 3 * mm
    document = SimpleDocTemplate(str(path), pagesize=(ROLL_WIDTH, height), leftMargin=MARGIN, rightMargin=MARGIN,
                                 topMargin=MARGIN, bottomMargin=MARGIN, title="诉讼费缴费回执", author="courtkiosk")
    document.build(_story(receipt))
    return path


def print_receipt(receipt: PaymentReceipt, directory: Path, printer: Printer) -> None:
    """Render and print; a printer that fails says so with a key the visitor is shown."""
    outcome = printer.print_pdf(render_payment_receipt(receipt, directory), title="payment-receipt")
    if not outcome.completed:
        raise DeviceError("payment.error.receipt_not_printed", outcome.message_key)
