"""Guards and entry actions of the case lookup: what is looked up, how, and what is printed."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

from drivers.base import DeviceError, ResidentCard
from kiosk.court import contract as c
from kiosk.documents.receipt_code import decode_receipt_code
from kiosk.domain import case_number
from kiosk.journeys.base import JourneyEffects

log = logging.getLogger("kiosk.journeys.lookup")

CASE_NUMBER_FIELD = "lookup.case_number"
PRINTER_ROLE = "a4_printer"


class LookupEffects(JourneyEffects):
    """The lookup journey's machine listener."""

    journey = "lookup"
    card_steps = frozenset({"lookup_card"})
    code_steps = frozenset({"lookup_qr"})
    waiting_steps = frozenset({"lookup_searching", "lookup_printing"})

    # --- guards -----------------------------------------------------------------------------------

    def case_number_ok(self) -> bool:
        """The typed case number parses; it becomes the query (public detail only)."""
        try:
            parsed = case_number.parse(self.field_value(CASE_NUMBER_FIELD))
        except ValueError:
            return self.refuse(CASE_NUMBER_FIELD, "lookup.error.case_number_invalid")
        self.data.pop("id_number", None)
        self.data["query"] = ("case", parsed.format())
        return self.accept(CASE_NUMBER_FIELD)

    def case_chosen(self, case_number: str = "") -> bool:
        """One of the visitor's own cases was touched."""
        if case_number not in {case.case_number for case in self.data.get("cases", [])}:
            return False
        self.data["query"] = ("case", case_number)
        return True

    def is_party(self) -> bool:
        """Served documents are only for a visitor identified by ID card."""
        if "id_number" not in self.data or "case" not in self.data:
            return False
        self.data["query"] = ("documents", self.data["case"].case_number)
        return True

    def came_from_card(self) -> bool:
        """Back from a case returns to the list when the visitor came with a card."""
        return "cases" in self.data

    def document_chosen(self, document_id: str = "") -> bool:
        """One of the listed documents was touched to print."""
        if document_id not in {d.document_id for d in self.data.get("documents", [])}:
            return False
        self.data["print"] = document_id
        return True

    # --- device input -------------------------------------------------------------------------

    def on_card(self, card: ResidentCard) -> None:
        """The visitor's own cases, in full detail."""
        self.data["id_number"] = card.id_number
        self.data["query"] = ("cases", card.id_number)
        self.host.send("card_read")

    def on_code(self, symbology: str, text: str) -> None:
        """A receipt's QR code; anything else is refused on screen without leaving the step."""
        try:
            reference = decode_receipt_code(text)
        except ValueError:
            self.data["code_error"] = "lookup.error.not_a_receipt"
            return
        self.data.pop("code_error", None)
        self.data["query"] = ("filing", reference)
        self.host.send("code_read")

    # --- entry actions ------------------------------------------------------------------------

    def on_enter_lookup_searching(self) -> None:
        """Ask the court, off the UI thread."""
        court = self.host.services.court
        kind, key = self.data["query"]
        id_number: str | None = self.data.get("id_number")
        keep = self.data.__setitem__
        if kind == "case":
            self.host.run_task("lookup.case", lambda: court.case(key, id_number), "found_case", "failed",
                               lambda view: keep("case", view))
        elif kind == "cases":
            self.host.run_task("lookup.cases", lambda: court.cases_of_party(key), "found_cases", "failed",
                               lambda cases: keep("cases", cases))
        elif kind == "filing":
            self.host.run_task("lookup.filing", lambda: court.filing_status(key), "found_filing", "failed",
                               lambda status: keep("filing", status))
        else:
            assert id_number is not None
            self.host.run_task("lookup.documents", lambda: court.served_documents(key, id_number),
                               "found_documents", "failed", lambda docs: keep("documents", docs))

    def on_enter_lookup_printing(self) -> None:
        """Fetch the served document, print it on A4, and tell the court it was printed."""
        document_id: str = self.data["print"]
        id_number: str = self.data["id_number"]
        temp_dir = self.host.visit.temp_dir
        printer = self.host.devices.driver(PRINTER_ROLE)
        court = self.host.services.court

        def work() -> c.ServedDocument:
            if printer is None:
                raise DeviceError("lookup.error.printer_unavailable")
            path = temp_dir / f"served-{document_id}.pdf"
            path.write_bytes(court.document_pdf(document_id, id_number))
            outcome = printer.print_pdf(path, title="served-document")  # type: ignore[attr-defined]
            if not outcome.completed:
                raise DeviceError(outcome.message_key, outcome.detail)
            record = c.PrintRecord.new(self.host.settings.kiosk_id, id_number=id_number, copies=1,
                                       printed_at=datetime.now(timezone.utc))
            return court.record_print(document_id, record)

        self.host.run_task("lookup.print", work, "printed", "failed", self._printed)

    def _printed(self, document: c.ServedDocument) -> None:
        documents: list[Any] = self.data.get("documents", [])
        self.data["documents"] = [document if d.document_id == document.document_id else d for d in documents]
        self.data["printed"] = document.document_id
