"""Queue-ticket journey data, for tests that render every step."""

from __future__ import annotations

from typing import Any

from kiosk.court.contract import QueueTicketRequest
from kiosk.court.demo import DemoCourt
from kiosk.journeys.queue_ticket.ticket import Ticket


def sample_data(court: DemoCourt) -> dict[str, Any]:
    """An elderly visitor's priority ticket from the court, not yet printed, and a problem."""
    taken = court.take_queue_ticket(QueueTicketRequest.new("kiosk-test", service="filing", priority="elderly"))
    return {"service": "filing", "elderly": True,
            "ticket": Ticket(taken.number, taken.service, taken.priority, taken.issued_at, taken.people_ahead),
            "problem": "court.error.malformed"}
