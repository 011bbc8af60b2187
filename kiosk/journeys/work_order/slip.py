"""The work-order slip (工单回执) on the 80 mm roll: tracking number, time limit, and the QR code to follow it.

Like the filing receipt (``kiosk.documents.receipt``, whose roll layout and QR drawing it reuses) the slip
leaves in a pocket, so the requester's name and phone are masked and the message itself is not printed.
The QR code holds only the kiosk reference (``slip_code``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, SimpleDocTemplate, Spacer

from kiosk.court.contract import AppointmentSlot
from kiosk.documents.charset import for_print
from kiosk.documents.fonts import CjkCanvas, cjk_font
from kiosk.documents.receipt import FRAME_PADDING, MARGIN, ROLL_WIDTH, _height, _qr, format_time
from kiosk.domain.masking import mask_name, mask_phone
from kiosk.journeys.work_order.delivery import Delivery
from kiosk.journeys.work_order.form import KIND_NAMES, Request
from kiosk.journeys.work_order.slip_code import encode_slip_code

TITLE = "诉讼服务工单回执"
QUEUED_NOTE = "法院系统暂时无法连接。您的工单已保存在本机，恢复连接后自动发送，无需重新提交；答复时限自法院收到时起算。"
NO_NUMBER_NOTE = "工单已送达法院。查询编号请稍后扫描下方二维码查看。"
NEXT_STEP = "扫描本回执二维码，或在本机“联系法官 · 留言预约”中输入查询编号，可查看办理进度和答复。"


def time_limit_text(hours: int) -> str:
    """72 → 3日, 36 → 36小时: whole days when the limit is days, as courts state it."""
    return f"{hours // 24}日" if hours >= 48 and hours % 24 == 0 else f"{hours}小时"


def slot_text(slot: AppointmentSlot) -> str:
    """2025年3月14日 09:00–10:00，档案阅览室."""
    start = slot.starts_at
    return f"{format_time(start)}–{slot.ends_at.astimezone(start.tzinfo):%H:%M}，{slot.room}"


@dataclass(frozen=True)
class Slip:
    """What the slip prints."""

    request: Request
    delivery: Delivery

    @property
    def reference(self) -> str:
        """The kiosk reference the QR code holds."""
        return self.delivery.submission.reference

    @property
    def code(self) -> str:
        """The QR payload."""
        return encode_slip_code(self.reference)

    def lines(self) -> list[tuple[str, str]]:
        """The labelled lines, in print order."""
        request, delivery, order = self.request, self.delivery, self.delivery.order
        lines = [("状态", "已提交法院" if delivery.delivered else "已保存，待发送")]
        if order is not None:
            lines.append(("查询编号", order.tracking_number))
        lines += [("本机参考号", self.reference), ("事项", KIND_NAMES[request.kind])]
        if request.case_number:
            lines.append(("案号", request.case_number))
        if request.visitee:
            lines.append(("来访对象", request.visitee))
        if request.slot is not None:
            lines.append(("阅卷时间", slot_text(request.slot)))
        lines += [("申请人", mask_name(request.requester_name)), ("联系电话", mask_phone(request.phone)),
                  ("提交时间", format_time(delivery.submission.submitted_at.astimezone()))]
        if order is not None:
            hours = round((order.due_at - order.received_at).total_seconds() / 3600)
            lines.append(("答复时限", f"{time_limit_text(hours)}内（{format_time(order.due_at.astimezone())}前）"))
        return lines


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
    story += [Spacer(0, 3 * mm), _qr(slip.code), para("扫码查询办理进度", centre)]
    story += [Spacer(0, 2 * mm), para("本回执已隐去部分个人信息，请妥善保管。", centre)]
    return story


def render_slip(slip: Slip, directory: Path, name: str = "work-order-slip.pdf") -> Path:
    """Write the slip into ``directory`` as one page 80 mm wide and as long as its content."""
    path = directory / name
    width = ROLL_WIDTH - 2 * MARGIN - 2 * FRAME_PADDING
    height = _height(_story(slip), width) + 2 * MARGIN + 2 * FRAME_PADDING + 3 * mm
    document = SimpleDocTemplate(str(path), pagesize=(ROLL_WIDTH, height), leftMargin=MARGIN, rightMargin=MARGIN,
                                 topMargin=MARGIN, bottomMargin=MARGIN, title=TITLE, author="courtkiosk")
    document.build(_story(slip), canvasmaker=CjkCanvas)
    return path

