"""Guards and entry actions of queue tickets: service, priority (elderly by ID card), the number, the print."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import get_args

from drivers.base import DeviceError, ResidentCard
from kiosk.court.contract import QueueTicketRequest, utc_now
from kiosk.court.contract.services import QueuePriority, QueueService
from kiosk.court.errors import CourtUnavailable
from kiosk.domain.identity import age_on
from kiosk.journeys.base import JourneyEffects
from kiosk.journeys.queue_ticket.counter import LocalCounter
from kiosk.journeys.queue_ticket.ticket import Ticket, render_ticket

PRINTER_ROLE = "receipt_printer"
ELDERLY_AGE = 60
SERVICES: tuple[QueueService, ...] = get_args(QueueService)
PRIORITIES: tuple[QueuePriority, ...] = get_args(QueuePriority)


def is_elderly(card: ResidentCard | None, today: date) -> bool:
    """The card's holder is 60 or older (by the birth date in the ID number, which the chip signs)."""
    if card is None:
        return False
    try:
        return age_on(card.id_number, today) >= ELDERLY_AGE
    except ValueError:
        return False


class QueueTicketEffects(JourneyEffects):
    """The queue-ticket journey's machine listener."""

    journey = "queue_ticket"
    card_steps = frozenset({"queue_ticket_priority"})
    waiting_steps = frozenset({"queue_ticket_taking", "queue_ticket_printing"})

    @property
    def counter(self) -> LocalCounter:
        """The offline counter in the kiosk's data directory."""
        return LocalCounter(self.host.settings.resolved_data_dir())

    # --- guards -----------------------------------------------------------------------------------

    def queue_service_ok(self, service: str = "") -> bool:
        """A service was touched: a new ticket starts."""
        if service not in SERVICES:
            return False
        for stale in ("request", "ticket", "printed", "problem"):
            self.data.pop(stale, None)
        self.data["service"] = service
        return True

    def queue_priority_ok(self, priority: str = "") -> bool:
        """Regular or one of the priorities: the request gets its idempotency key now, once."""
        if priority not in PRIORITIES:
            return False
        self.data["request"] = QueueTicketRequest.new(self.host.settings.kiosk_id, service=self.data["service"],
                                                      priority=priority)
        return True

    def queue_ticket_unprinted(self) -> bool:
        """The ticket did not come out: it may be printed again."""
        return not self.data.get("printed")

    # --- device input and entry actions -------------------------------------------------------

    def on_enter_queue_ticket_priority(self) -> None:
        """Offer the elderly priority by itself when a card read in this visit shows 60 or more."""
        self.data["elderly"] = is_elderly(self.host.visit.card, date.today())

    def on_card(self, card: ResidentCard) -> None:
        """A card laid on the reader at the priority step: only the age is kept."""
        self.data["elderly"] = is_elderly(card, date.today())

    def on_enter_queue_ticket_taking(self) -> None:
        """The court's number; the kiosk's own when the court cannot be reached."""
        request: QueueTicketRequest = self.data["request"]
        court, counter = self.host.services.court, self.counter

        def work() -> Ticket:
            try:
                taken = court.take_queue_ticket(request)
            except CourtUnavailable:
                return Ticket(counter.take(request.service), request.service, request.priority, utc_now(), None)
            return Ticket(taken.number, taken.service, taken.priority, taken.issued_at, taken.people_ahead)

        self.host.run_task("queue_ticket.take", work, "ticket_taken", "ticket_failed",
                           lambda ticket: self.data.__setitem__("ticket", ticket))

    def on_enter_queue_ticket_printing(self) -> None:
        """Print the ticket on the roll."""
        ticket: Ticket = self.data["ticket"]
        directory = self.host.visit.temp_dir
        printer = self.host.devices.driver(PRINTER_ROLE)

        def work() -> Path:
            path = render_ticket(ticket, directory, f"queue-ticket-{ticket.number}.pdf")
            if printer is None:
                raise DeviceError("queue_ticket.error.print_failed")
            outcome = printer.print_pdf(path, title="queue-ticket")  # type: ignore[attr-defined]
            if not outcome.completed:
                raise DeviceError("queue_ticket.error.print_failed", outcome.message_key)
            return path

        self.host.run_task("queue_ticket.print", work, "ticket_printed", "ticket_print_failed", self._printed)

    def _printed(self, path: Path) -> None:
        self.data["printed"] = True
        self.data.pop("problem", None)
