"""The queue ticket (排队号票) on the 80 mm roll: the number, large, and what to do until it is called.

It names no person. A number from the kiosk's own counter (court offline) says so, and that the window
will call it in turn with the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, SimpleDocTemplate, Spacer

from kiosk.court.contract.services import QueuePriority, QueueService
from kiosk.documents.charset import for_print
from kiosk.documents.fonts import CjkCanvas, cjk_font
from kiosk.documents.receipt import FRAME_PADDING, MARGIN, ROLL_WIDTH, _height, format_time

TITLE = "排队号票"
SERVICE_NAMES: dict[QueueService, str] = {"filing": "立案窗口", "consultation": "诉讼咨询", "payment": "缴费窗口",
                                          "contact_judge": "联系法官"}
PRIORITY_NAMES: dict[QueuePriority, str] = {"none": "", "elderly": "老年人优先", "disabled": "残疾人优先",
                                            "military": "军人优先", "pregnant": "孕妇优先"}
OFFLINE_NOTE = "法院叫号系统暂时无法连接，本号由自助终端发放，窗口将按顺序叫号。"
WAIT_NOTE = "请留意叫号屏幕和广播，过号请到窗口重新取号。"


@dataclass(frozen=True)
class Ticket:
    """A queue number as the visitor takes it away."""

    number: str
    service: QueueService
    priority: QueuePriority
    issued_at: datetime
    #: People ahead when it was taken; ``None`` when the kiosk's own counter gave the number.
    people_ahead: int | None

    @property
    def offline(self) -> bool:
        """The court could not be reached: the kiosk's counter gave the number."""
        return self.people_ahead is None


def _story(ticket: Ticket) -> list[Flowable]:
    body = ParagraphStyle("body", fontName=cjk_font(), fontSize=9, leading=13, wordWrap="CJK")
    centre = ParagraphStyle("centre", body, alignment=TA_CENTER)
    title = ParagraphStyle("title", centre, fontSize=14, leading=20)
    number = ParagraphStyle("number", centre, fontSize=36, leading=44)

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(for_print(text)), style)

    service = SERVICE_NAMES[ticket.service]
    if ticket.priority != "none":
        service += f"（{PRIORITY_NAMES[ticket.priority]}）"
    story: list[Flowable] = [para(TITLE, title), para(service, centre), Spacer(0, 2 * mm), para(ticket.number, number),
                             Spacer(0, 2 * mm), HRFlowable(width="100%", thickness=0.5)]
    if ticket.people_ahead is not None:
        story.append(para(f"您前面还有 {ticket.people_ahead} 人等候", centre))
    else:
        story.append(para(OFFLINE_NOTE, body))
    story += [para(f"取号时间：{format_time(ticket.issued_at.astimezone())}", centre), Spacer(0, 1 * mm),
              para(WAIT_NOTE, body)]
    return story


def render_ticket(ticket: Ticket, directory: Path, name: str = "queue-ticket.pdf") -> Path:
    """Write the ticket into ``directory`` as one page 80 mm wide and as long as its content."""
    path = directory / name
    width = ROLL_WIDTH - 2 * MARGIN - 2 * FRAME_PADDING
    height = _height(_story(ticket), width) + 2 * MARGIN + 2 * FRAME_PADDING + 3 * mm
    document = SimpleDocTemplate(str(path), pagesize=(ROLL_WIDTH, height), leftMargin=MARGIN, rightMargin=MARGIN,
                                 topMargin=MARGIN, bottomMargin=MARGIN, title=TITLE, author="courtkiosk")
    document.build(_story(ticket), canvasmaker=CjkCanvas)
    return path
