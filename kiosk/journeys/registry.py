"""The journeys the kiosk assembles: their effects listeners and presenters (their states are in the machine)."""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.journeys.base import Journey, JourneyEffects, JourneyHost, Presenter
from kiosk.journeys.lookup.effects import LookupEffects
from kiosk.journeys.lookup.presenters import PRESENTERS as LOOKUP_PRESENTERS
from kiosk.journeys.lookup.states import lookup
from kiosk.journeys.payment.effects import PaymentEffects
from kiosk.journeys.payment.presenters import PRESENTERS as PAYMENT_PRESENTERS
from kiosk.journeys.payment.states import payment
from kiosk.maintenance.effects import MaintenanceEffects
from kiosk.maintenance.presenters import PRESENTERS as MAINTENANCE_PRESENTERS
from kiosk.maintenance.states import maintenance

JOURNEYS: tuple[Journey, ...] = (
    Journey("lookup", lookup, LookupEffects, LOOKUP_PRESENTERS),
    Journey("payment", payment, PaymentEffects, PAYMENT_PRESENTERS),
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
    """One effects listener per journey, bound to ``host``."""
    return [journey.effects(host) for journey in (*JOURNEYS, *STAFF_MODES)]
