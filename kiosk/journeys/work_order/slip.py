"""The work-order slip (工单回执) on the 80 mm roll: tracking number, time limit, and the QR code to follow it.

Like the filing receipt (``kiosk.documents.receipt``, whose roll layout and QR drawing it reuses) the slip
leaves in a pocket, so the requester's name and phone are masked and the message itself is not printed.
The QR code holds only the kiosk reference (``slip_code``). The slip's data lives here, its layout in
``slip_pdf`` (reportlab), imported when a slip is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.court.contract import AppointmentSlot
from kiosk.documents.receipt import format_time
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


def render_slip(slip: Slip, directory: Path, name: str = "work-order-slip.pdf") -> Path:
    """Write the slip into ``directory`` as one page 80 mm wide and as long as its content."""
    from kiosk.journeys.work_order import slip_pdf  # noqa: PLC0415 - reportlab only when a slip is printed

    return slip_pdf.render(slip, directory / name)
