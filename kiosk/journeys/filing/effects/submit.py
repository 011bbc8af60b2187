"""Review, submit and print: the complaint is built for review, queued in the outbox, then printed."""

from __future__ import annotations

import logging
from pathlib import Path

from drivers.base import DeviceError
from kiosk.complaints import IncompleteInterview
from kiosk.journeys.filing.draft import Envelope, Outcome
from kiosk.journeys.filing.effects.base import FilingBase
from kiosk.journeys.filing.submission import complaint_of, submit

log = logging.getLogger("kiosk.journeys.filing")

RECEIPT_PRINTER = "receipt_printer"
A4_PRINTER = "a4_printer"
#: Extra seconds beyond one court call that the submit step waits for the sender's first attempt.
DELIVERY_MARGIN_S = 1.0


class SubmitEffects(FilingBase):
    """Review, submission and printing."""

    def on_enter_filing_review(self) -> None:
        """Build the complaint as it will print; from here on every part's "next" returns to the review."""
        draft = self.draft
        draft.reviewing = True
        try:
            draft.complaint = complaint_of(draft)
            draft.review_error = None
        except IncompleteInterview:
            draft.complaint, draft.review_error = None, "filing.error.incomplete"
        except ValueError:
            draft.complaint, draft.review_error = None, "filing.error.too_long"

    def complaint_ready(self) -> bool:
        """Nothing stops the complaint."""
        return self.draft.complaint is not None

    def on_enter_filing_submitting(self) -> None:
        """Queue the filing in the outbox, see whether the court took it, and render the papers."""
        draft = self.draft
        complaint = draft.complaint
        assert complaint is not None
        if draft.envelope is None:
            draft.envelope = Envelope.new()
        envelope = draft.envelope
        court = self.host.settings.court
        services = self.host.services
        directory = self.host.visit.temp_dir
        kiosk_id = self.host.settings.kiosk_id
        limit_s = court.connect_timeout_s + court.read_timeout_s + DELIVERY_MARGIN_S

        def work() -> Outcome:
            return submit(draft, complaint, envelope, outbox=services.outbox, kiosk_id=kiosk_id, limit_s=limit_s,
                          directory=directory)

        def keep(outcome: Outcome) -> None:
            draft.outcome = outcome
            log.info("filing %s %s", envelope.reference, "queued" if outcome.queued else "delivered")

        self.host.run_task("filing.submit", work, "submitted", "submit_failed", keep)

    def on_submit_failed(self) -> None:
        """Back on the review screen, saying what went wrong; nothing entered is lost."""
        self.draft.review_error = self.data.pop("problem", "filing.error.submit_failed")

    def on_enter_filing_printing(self) -> None:
        """The receipt on the roll, the complaint on A4 (one copy per defendant plus the court's)."""
        draft = self.draft
        outcome, complaint = draft.outcome, draft.complaint
        assert outcome is not None and complaint is not None
        done = draft.printed_parts
        jobs = [("receipt", RECEIPT_PRINTER, outcome.receipt_pdf, "filing-receipt", 1),
                ("complaint", A4_PRINTER, outcome.complaint_pdf, "complaint", complaint.copies)]
        printers = {role: self.host.devices.driver(role) for role in (RECEIPT_PRINTER, A4_PRINTER)}

        def work() -> None:
            for part, role, path, title, copies in jobs:
                if part not in done:
                    _print(printers[role], path, title, copies)
                    done.add(part)

        self.host.run_task("filing.print", work, "printed", "print_failed")


def _print(printer: object, path: Path, title: str, copies: int) -> None:
    if printer is None:
        raise DeviceError("filing.error.print_failed", "printer unavailable")
    result = printer.print_pdf(path, title=title, copies=copies)  # type: ignore[attr-defined]
    if not result.completed:
        raise DeviceError("filing.error.print_failed", result.message_key)
