"""The journeys the kiosk assembles: their effects listeners and presenters (their states are in the machine)."""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.journeys.base import Journey, JourneyEffects, JourneyHost, Presenter
from kiosk.journeys.filing.effects import FilingEffects
from kiosk.journeys.filing.presenters import PRESENTERS as FILING_PRESENTERS
from kiosk.journeys.filing.states import filing
from kiosk.journeys.lookup.effects import LookupEffects
from kiosk.journeys.lookup.presenters import PRESENTERS as LOOKUP_PRESENTERS
from kiosk.journeys.lookup.states import lookup
from kiosk.journeys.payment.effects import PaymentEffects
from kiosk.journeys.payment.presenters import PRESENTERS as PAYMENT_PRESENTERS
from kiosk.journeys.payment.states import payment
from kiosk.journeys.queue_ticket.effects import QueueTicketEffects
from kiosk.journeys.queue_ticket.presenters import PRESENTERS as QUEUE_TICKET_PRESENTERS
from kiosk.journeys.queue_ticket.states import queue_ticket
from kiosk.journeys.rating import RatingEffects
from kiosk.journeys.work_order.effects import WorkOrderEffects
from kiosk.journeys.work_order.presenters import PRESENTERS as WORK_ORDER_PRESENTERS
from kiosk.journeys.work_order.states import work_order
from kiosk.maintenance.effects import MaintenanceEffects
from kiosk.maintenance.presenters import PRESENTERS as MAINTENANCE_PRESENTERS
from kiosk.maintenance.states import maintenance

JOURNEYS: tuple[Journey, ...] = (
    Journey("filing", filing, FilingEffects, FILING_PRESENTERS),
    Journey("lookup", lookup, LookupEffects, LOOKUP_PRESENTERS),
    Journey("payment", payment, PaymentEffects, PAYMENT_PRESENTERS),
    Journey("work_order", work_order, WorkOrderEffects, WORK_ORDER_PRESENTERS),
    Journey("queue_ticket", queue_ticket, QueueTicketEffects, QUEUE_TICKET_PRESENTERS),
)
#: Staff modes are built like journeys but never offered to visitors (and have no visitor samples).
STAFF_MODES: tuple[Journey, ...] = (
    Journey("maintenance", maintenance, MaintenanceEffects, MAINTENANCE_PRESENTERS),
)


def presenters() -> Mapping[str, Presenter]:
    """Every journey step's presenter by step name."""
    return {step: presenter for journey in (*JOURNEYS, *STAFF_MODES)
            for step, presenter in journey.presenters.items()}


def effects(host: JourneyHost) -> list[JourneyEffects]:
    """One effects listener per journey, and the end-of-visit rating's, bound to ``host``."""
    return [*(journey.effects(host) for journey in (*JOURNEYS, *STAFF_MODES)), RatingEffects(host)]
