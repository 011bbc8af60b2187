"""The queue ticket's layout on the 80 mm roll (the data and its wording are in ``ticket``)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer

from kiosk.documents.charset import for_print
from kiosk.documents.fonts import cjk_font
from kiosk.documents.receipt import format_time
from kiosk.documents.roll import render_roll
from kiosk.journeys.queue_ticket.ticket import OFFLINE_NOTE, PRIORITY_NAMES, SERVICE_NAMES, TITLE, WAIT_NOTE, Ticket


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


def render(ticket: Ticket, path: Path) -> Path:
    """Write the ticket to ``path``."""
    return render_roll(lambda: _story(ticket), path, TITLE)
