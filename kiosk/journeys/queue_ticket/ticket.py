"""The queue ticket (排队号票) on the 80 mm roll: the number, large, and what to do until it is called.

It names no person. A number from the kiosk's own counter (court offline) says so, and that the window
will call it in turn with the others.

The ticket's data lives here, its layout in ``ticket_pdf`` (reportlab), imported when a ticket is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.court.contract.services import QueuePriority, QueueService

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


def render_ticket(ticket: Ticket, directory: Path, name: str = "queue-ticket.pdf") -> Path:
    """Write the ticket into ``directory`` as one page 80 mm wide and as long as its content."""
    from kiosk.journeys.queue_ticket import ticket_pdf  # noqa: PLC0415 - reportlab only when a ticket is printed

    return ticket_pdf.render(ticket, directory / name)
