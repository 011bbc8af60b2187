"""Guards and entry actions of work orders: who asks, what they ask, sending, the slip, and tracking."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from drivers.base import DeviceError, ResidentCard
from kiosk.court.contract import AppointmentSlot
from kiosk.court.errors import CourtFailure
from kiosk.journeys.base import JourneyEffects
from kiosk.journeys.work_order.delivery import Delivery, deliver
from kiosk.journeys.work_order.form import (
    CHECKS,
    FIELDS,
    KINDS,
    MESSAGE,
    TRACKING_NUMBER,
    FieldRefused,
    Request,
    check_fields,
)
from kiosk.journeys.work_order.slip import Slip, render_slip
from kiosk.journeys.work_order.slip_code import decode_slip_code, typed_number

log = logging.getLogger("kiosk.journeys.work_order")

PRINTER_ROLE = "receipt_printer"
#: Working days of file-borrowing slots offered, starting tomorrow.
SLOT_DAYS = 14
#: Extra seconds beyond one court call that sending waits for the outbox's first attempt.
DELIVERY_MARGIN_S = 1.0


def slot_days(slots: list[AppointmentSlot]) -> list[date]:
    """The days that still have a free slot, in order."""
    return sorted({slot.starts_at.date() for slot in slots if slot.remaining > 0})


class WorkOrderEffects(JourneyEffects):
    """The work-order journey's machine listener."""

    journey = "work_order"
    card_steps = frozenset({"work_order_card"})
    code_steps = frozenset({"work_order_track"})
    waiting_steps = frozenset({"work_order_loading", "work_order_sending", "work_order_printing",
                               "work_order_searching"})

    # --- guards -----------------------------------------------------------------------------------

    def work_order_kind_ok(self, kind: str = "") -> bool:
        """A kind was touched: a new work order starts (typed fields stay, for a visitor who changes kind)."""
        if kind not in KINDS:
            return False
        for stale in ("request", "slots", "slot_day", "delivery", "printed", "problem", "waiting"):
            self.data.pop(stale, None)
        self.data["kind"] = kind
        self.data["field"] = 0
        return True

    def work_order_field_ok(self) -> bool:
        """The field on screen is acceptable (it keeps its text and says why when it is not)."""
        field_id = FIELDS[self.data["kind"]][self.data.get("field", 0)]
        try:
            CHECKS[field_id](self.field_value(field_id))
        except FieldRefused as refusal:
            return self.refuse(field_id, refusal.message_key)
        return self.accept(field_id)

    def work_order_next_field(self) -> bool:
        """Move on to the kind's next field, if there is one."""
        index = self.data.get("field", 0)
        if index + 1 >= len(FIELDS[self.data["kind"]]):
            return False
        self.data["field"] = index + 1
        return True

    def work_order_on_last_field(self) -> bool:
        """The kind's last field is on screen: the whole form is checked next."""
        return self.data.get("field", 0) == len(FIELDS[self.data["kind"]]) - 1

    def work_order_earlier_field(self) -> bool:
        """Back goes to the previous field first."""
        index = self.data.get("field", 0)
        if index == 0:
            return False
        self.data["field"] = index - 1
        return True

    def work_order_requester_known(self) -> bool:
        """An ID card read earlier in this visit identifies the requester."""
        card = self.host.visit.card
        if card is None:
            return False
        self.data["requester"] = (card.name, card.id_number)
        return True

    def work_order_form_ok(self) -> bool:
        """Every field of the kind is acceptable; each refused one says why, and keeps its text."""
        kind = self.data["kind"]
        values, refused = check_fields(kind, self.host.visit.fields)
        for field_id in values:
            self.accept(field_id)
        for field_id, key in refused.items():
            self.refuse(field_id, key)
        if refused:
            self.data["field"] = FIELDS[kind].index(next(iter(refused)))
            return False
        name, id_number = self.data["requester"]
        self.data["request"] = Request(
            kind=kind, requester_name=name, requester_id_number=id_number, phone=values["work_order.phone"],
            case_number=values.get("work_order.case_number"), message=values.get(MESSAGE),
            visitee=values.get("work_order.visitee"),
        )
        return True

    def work_order_needs_slot(self) -> bool:
        """File borrowing is booked into a slot."""
        return self.data.get("kind") == "file_borrowing"

    def work_order_day_ok(self, day: int = 0) -> bool:
        """Another day of slots was touched."""
        if not 0 <= day < len(slot_days(self.data.get("slots", []))):
            return False
        self.data["slot_day"] = day
        return True

    def work_order_slot_ok(self, slot_id: str = "") -> bool:
        """A free slot was touched."""
        slot = next((s for s in self.data.get("slots", []) if s.slot_id == slot_id and s.remaining > 0), None)
        if slot is None:
            return False
        self.data["request"] = replace(self.data["request"], slot=slot)
        return True

    def work_order_number_ok(self) -> bool:
        """A typed tracking number or slip reference."""
        try:
            number = typed_number(self.field_value(TRACKING_NUMBER))
        except ValueError:
            return self.refuse(TRACKING_NUMBER, "work_order.error.number_invalid")
        # The court's tracking numbers run in sequence and can be guessed: the reply is shown only to
        # whoever holds the slip (its random reference, typed or scanned).
        self.data["query"] = (number, not number.startswith("GD"))
        return self.accept(TRACKING_NUMBER)

    def work_order_slip_unprinted(self) -> bool:
        """The slip did not come out: it may be printed again."""
        return not self.data.get("printed")

    def work_order_failed_loading(self) -> bool:
        """The problem came from loading slots."""
        return self.data.get("waiting") == "loading"

    def work_order_failed_sending(self) -> bool:
        """The problem came from sending."""
        return self.data.get("waiting") == "sending"

    # --- device input -------------------------------------------------------------------------

    def on_card(self, card: ResidentCard) -> None:
        """The requester's ID card; their cases are asked for first, so a case number can be chosen, not typed.

        Choosing is what a keypad can do: the case-number pad's court and case-type keys are out of its reach.
        A court that cannot say leaves the number to be typed as before.
        """
        self.data["requester"] = (card.name, card.id_number)
        self.data.pop("cases", None)
        court = self.host.services.court

        def cases() -> list[str]:
            try:
                return [case.case_number for case in court.cases_of_party(card.id_number)]
            except CourtFailure:
                return []

        self.host.run_task("work_order.cases", cases, "card_read", "card_read",
                           lambda found: self.data.__setitem__("cases", found))

    def on_code(self, symbology: str, text: str) -> None:
        """A slip's QR code; anything else is refused on screen without leaving the step."""
        try:
            reference = decode_slip_code(text)
        except ValueError:
            self.data["code_error"] = "work_order.error.not_a_slip"
            return
        self.data.pop("code_error", None)
        self.data["query"] = (reference, True)
        self.host.send("code_read")

    # --- entry actions ------------------------------------------------------------------------

    def on_enter_work_order_loading(self) -> None:
        """File-borrowing slots of the coming days."""
        self.data["waiting"] = "loading"
        court = self.host.services.court
        start = date.today() + timedelta(days=1)
        self.data["slot_day"] = 0
        self.host.run_task("work_order.slots", lambda: court.appointment_slots(start, SLOT_DAYS), "slots_loaded",
                           "failed", lambda slots: self.data.__setitem__("slots", slots))

    def on_enter_work_order_sending(self) -> None:
        """Queue a fresh submission in the outbox and wait, briefly, for the court's tracking number."""
        self.data["waiting"] = "sending"
        request: Request = self.data["request"]
        services, settings = self.host.services, self.host.settings
        submission = request.submission(settings.kiosk_id)
        limit_s = settings.court.connect_timeout_s + settings.court.read_timeout_s + DELIVERY_MARGIN_S
        slot_day = request.slot.starts_at.date() if request.slot else None

        def work() -> Delivery:
            return deliver(services.outbox, services.court, submission, slot_day=slot_day, limit_s=limit_s)

        self.host.run_task("work_order.send", work, "sent", "failed", self._sent)

    def _sent(self, delivery: Delivery) -> None:
        self.data["delivery"] = delivery
        self.data.pop("printed", None)
        # Sent: the message must not go twice by a second touch; the phone stays for another request.
        self.host.visit.fields.pop(MESSAGE, None)
        log.info("work order %s %s", delivery.submission.reference, "delivered" if delivery.delivered else "queued")

    def on_enter_work_order_printing(self) -> None:
        """Render the slip and print it on the roll."""
        slip = Slip(self.data["request"], self.data["delivery"])
        directory = self.host.visit.temp_dir
        printer = self.host.devices.driver(PRINTER_ROLE)

        def work() -> Path:
            path = render_slip(slip, directory, f"work-order-{slip.reference}.pdf")
            if printer is None:
                raise DeviceError("work_order.error.print_failed")
            outcome = printer.print_pdf(path, title="work-order-slip")  # type: ignore[attr-defined]
            if not outcome.completed:
                raise DeviceError("work_order.error.print_failed", outcome.message_key)
            return path

        self.host.run_task("work_order.print", work, "printed", "print_failed", self._printed)

    def _printed(self, path: Path) -> None:
        self.data["printed"] = True
        self.data.pop("problem", None)

    def on_enter_work_order_searching(self) -> None:
        """The work order's progress, by tracking number or slip reference."""
        self.data["waiting"] = "searching"
        court = self.host.services.court
        number, _ = self.data["query"]
        self.host.run_task("work_order.track", lambda: court.work_order(number), "found", "failed",
                           lambda order: self.data.__setitem__("order", order))
