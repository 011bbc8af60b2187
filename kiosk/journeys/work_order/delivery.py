"""Sending a work order: into the durable outbox first, then a bounded wait for the court's tracking number.

The outbox's sender delivers on its own thread. When the court takes the work order within one court
call's time, the kiosk asks for it back (by the kiosk reference) to print the court's tracking number
and promised time limit; otherwise the slip says it is queued and gives the reference the court will
know it by. Runs on a worker thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from kiosk.court.contract import WorkOrder, WorkOrderSubmission
from kiosk.court.errors import SLOT_FULL, CourtFailure, CourtRejected
from kiosk.court.gateway import CourtGateway
from kiosk.court.outbox import Outbox

#: How often the sending step looks whether the sender has delivered yet.
POLL_S = 0.05


@dataclass(frozen=True)
class Delivery:
    """What the slip needs from sending: whether the court has it, and its work order if it answered."""

    submission: WorkOrderSubmission
    delivered: bool
    order: WorkOrder | None = None
    court_name: str | None = None


def _outcome(outbox: Outbox, reference: str, limit_s: float) -> str | None:
    """``None`` once delivered; ``"queued"`` when the first attempt failed or took too long; a refusal's key."""
    deadline = time.monotonic() + limit_s
    while True:
        row = next((item for item in outbox.pending() if item.reference == reference), None)
        if row is None:
            return None
        if row.state == "needs_staff":
            return row.last_error or "court.error.rejected"
        if row.attempts > 0 or time.monotonic() >= deadline:
            return "queued"
        time.sleep(POLL_S)


def _slot_still_free(court: CourtGateway, submission: WorkOrderSubmission, on: date) -> None:
    """Refuse a slot that filled up while the visitor reviewed (when the court can say so)."""
    try:
        slots = court.appointment_slots(on, 1)
    except CourtFailure:
        return
    if any(slot.slot_id == submission.slot_id and slot.remaining == 0 for slot in slots):
        raise CourtRejected(SLOT_FULL)


def deliver(outbox: Outbox, court: CourtGateway, submission: WorkOrderSubmission, *, slot_day: date | None,
            limit_s: float) -> Delivery:
    """Queue ``submission``, wait up to ``limit_s`` for the court, and fetch the court's work order."""
    if slot_day is not None:
        _slot_still_free(court, submission, slot_day)
    outbox.submit(submission)
    outcome = _outcome(outbox, submission.reference, limit_s)
    if outcome is not None and outcome != "queued":
        raise CourtRejected(outcome)
    if outcome == "queued":
        return Delivery(submission, delivered=False)
    try:
        order = court.work_order(submission.reference)
        court_name = court.info().court.name
    except CourtFailure:
        # Delivered, but its tracking number did not come back: the slip's reference finds it later.
        return Delivery(submission, delivered=True)
    return Delivery(submission, True, order, court_name)
