"""One whole filing by simulated touches in the real app under Xvfb: card, keyboards, camera, printers."""

from __future__ import annotations

from kiosk.court.demo.seed import WANG, ZHANG
from tests.screens.conftest import RunScript


def test_a_whole_filing_is_done_by_touch_and_prints_the_receipt_and_the_complaint(run_in_app: RunScript) -> None:
    results = run_in_app("tests.screens.scripts_filing:full_filing")
    assert {"filing_identity", "filing_confirm", "filing_parties", "filing_question_date", "filing_question_choice",
            "filing_review", "filing_done"} <= set(results["screens"])
    assert results["parties"][0][:3] == ["plaintiff", ZHANG.name, ZHANG.id_number]
    assert results["parties"][1] == ["defendant", WANG.name, WANG.id_number, "松林路8号"]
    assert results["reference"].startswith("K") and results["queued"] is False
    assert results["printed"] == {"receipt_printer": [["filing-receipt", 1, True]],
                                  "a4_printer": [["complaint", 2, True]]}
