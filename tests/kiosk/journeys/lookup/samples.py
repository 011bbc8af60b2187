"""Lookup journey data as the demo court gives it, for tests that render every step."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from kiosk.court import contract as c
from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import ZHANG


def sample_data(court: DemoCourt) -> dict[str, Any]:
    """Everything any lookup step may show: cases, a party's view, documents, a filing, a problem."""
    cases = court.cases_of_party(ZHANG.id_number)
    view = court.case(cases[1].case_number, ZHANG.id_number)
    documents = court.served_documents(view.case_number, ZHANG.id_number)
    filing = c.FilingStatus(reference="K1234-5678-9ABC", receiving_court_code="京0191", status="accepted",
                            updated_at=datetime.now(timezone.utc), case_number=view.case_number, note="已立案")
    return {"id_number": ZHANG.id_number, "cases": cases, "case": view, "documents": documents, "filing": filing,
            "problem": "court.error.unavailable", "code_error": "lookup.error.not_a_receipt",
            "printed": documents[0].document_id}
