"""The kiosk's state machine: the single source of truth for where a visitor is.

States are the steps of a visit; events are intents from the screens, device events, timeouts
and backend replies. A visit is one compound state, so Help can leave it and Back return to the
exact step (history). Any exception raised inside a transition becomes the ``error.execution``
event, which lands in ``out_of_service`` instead of crashing the kiosk.
"""

from __future__ import annotations

import logging

from statemachine import HistoryState, State, StateChart

from kiosk.journeys.filing.states import filing as filing_journey
from kiosk.journeys.lookup.states import lookup as lookup_journey
from kiosk.journeys.payment.states import payment as payment_journey
from kiosk.journeys.queue_ticket.states import queue_ticket as queue_ticket_journey
from kiosk.journeys.work_order.states import work_order as work_order_journey
from kiosk.maintenance.states import STEPS as MAINTENANCE_STEPS
from kiosk.maintenance.states import maintenance as maintenance_mode

log = logging.getLogger("kiosk.flow")

#: Journey entry states, in the order the home screen offers them.
JOURNEYS: tuple[str, ...] = ("filing", "lookup", "payment", "work_order", "queue_ticket")


class KioskFlow(StateChart):
    """attract → home → a journey → rating → attract, with help, out-of-service and maintenance."""

    attract = State(initial=True)

    class visit(State.Compound):
        """Everything a visitor does between the first touch and the rating."""

        home = State(initial=True)
        filing = filing_journey
        lookup = lookup_journey
        payment = payment_journey
        work_order = work_order_journey
        queue_ticket = queue_ticket_journey
        rating = State()
        last_step = HistoryState(type="deep")

        choose_filing = home.to(filing)
        choose_lookup = home.to(lookup)
        choose_payment = home.to(payment)
        choose_work_order = home.to(work_order)
        choose_queue_ticket = home.to(queue_ticket)
        go_home = home.from_(filing, lookup, payment, work_order, queue_ticket, rating)
        back = home.from_(filing, lookup, payment, work_order, queue_ticket)
        finish = rating.from_(home, filing, lookup, payment, work_order, queue_ticket)
        choose_reason = rating.to.itself(internal=True, cond="rating_reason_ok")

    help = State()
    out_of_service = State()
    maintenance = maintenance_mode

    start_visit = attract.to(visit)
    ask_help = visit.to(help)
    leave_help = help.to(visit.last_step, event="back")
    rated = visit.rating.to(attract)
    timeout = attract.from_(visit, help)
    service_unavailable = out_of_service.from_(attract, visit, help)
    service_restored = out_of_service.to(attract)
    staff_enter = maintenance.from_(attract, out_of_service)
    staff_exit = maintenance.to(attract)
    error_execution = out_of_service.from_.any()

    def on_enter_out_of_service(self, event: str, error: Exception | None = None) -> None:
        """Log why (an exception's type only: its message may carry visitor data)."""
        if error is not None:
            log.error("transition failed: %s; kiosk out of service", type(error).__name__)
        else:
            log.warning("kiosk out of service (%s)", event)

    @classmethod
    def entry_step(cls, journey: str) -> str:
        """The first step (screen) of a journey: its initial leaf state."""
        state = cls.states_map[journey]
        while state.is_compound:
            state = next(child for child in state.states if child.initial)
        return state.id

    @property
    def step(self) -> str:
        """The innermost active state, which names the screen to show."""
        leaves = [s for s in self.configuration if not s.is_compound]
        return leaves[-1].id if leaves else self.attract.id

    @property
    def in_visit(self) -> bool:
        """True while a visitor's data may exist (inside the visit or its help)."""
        return self.step not in (self.attract.id, self.out_of_service.id, *MAINTENANCE_STEPS)
