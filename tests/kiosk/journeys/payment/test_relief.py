"""Applying for fee relief (缓减免) with proof from the document camera; it reaches the court through the outbox."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from kiosk.controller import KioskController
from kiosk.court import contract as c
from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import ZHANG
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card
from tests.kiosk.journeys.payment.conftest import at, case_number, journey, keys_of, to_items

REASON = "本人领取最低生活保障，无力交纳诉讼费"


def applications_at(court: DemoCourt) -> list[c.FeeReliefApplication]:
    """The fee-relief applications the court has received (read from its own database)."""
    with court._store.transaction() as db:  # noqa: SLF001 - checking at the court itself
        rows = db.execute("SELECT * FROM fee_reliefs").fetchall()
    return [c.FeeReliefApplication.model_validate(json.loads(row[1])) for row in rows]


def test_a_waiver_with_two_scanned_pages_reaches_the_court(
        controller: KioskController, loop: UiLoop, court: DemoCourt, tmp_path: Path) -> None:
    number = case_number(court)
    to_items(controller, loop, number)
    controller.intent("apply_relief")
    assert controller.flow.step == "payment_relief_card"  # came by case number: the applicant shows their card
    present_card(controller, card_of(ZHANG))
    loop.pump(at(controller, "payment_relief_kind"))
    controller.intent("choose_relief", kind="waiver")
    assert controller.flow.step == "payment_relief_reason"
    controller.intent("submit")
    assert controller.model().fields[0].error.key == "payment.error.reason_empty"  # type: ignore[union-attr]
    controller.intent("edit_field", field="payment.relief_reason", value=REASON)
    controller.intent("submit")
    assert controller.flow.step == "payment_relief_scan"
    assert not next(a for a in controller.model().actions if a.intent == "send_relief").enabled

    camera = controller.devices.slots["camera"].driver
    for _ in range(2):
        controller.intent("capture_page")
        loop.pump(at(controller, "payment_relief_scan"))
    camera.set_scenario("blank")  # type: ignore[union-attr]
    controller.intent("capture_page")
    loop.pump(at(controller, "payment_relief_scan"))
    assert "payment.error.capture_blank" in keys_of(controller)
    assert len(journey(controller)["pages"]) == 2  # the blank sheet was not kept

    controller.intent("send_relief")
    loop.pump(at(controller, "payment_relief_done"))
    reference = journey(controller)["relief_reference"]
    assert next(t for t in controller.model().body if t.key == "payment.row.relief_reference").params == {
        "reference": reference}
    loop.pump(lambda: not controller.services.outbox.pending())  # the sender delivers it
    (received,) = applications_at(court)
    assert received.reference == reference and received.case_number == number and received.kind == "waiver"
    assert received.applicant_id_number == ZHANG.id_number and received.reason == REASON
    (proof,) = received.proof_pages
    (tmp_path / "proof.pdf").write_bytes(proof)
    info = subprocess.run(["pdfinfo", str(tmp_path / "proof.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.MULTILINE)


def test_a_visitor_who_came_with_their_card_applies_without_showing_it_again(
        controller: KioskController, loop: UiLoop, court: DemoCourt) -> None:
    controller.intent("start_visit")
    controller.intent("choose_payment")
    controller.intent("by_card")
    present_card(controller, card_of(ZHANG))
    loop.pump(at(controller, "payment_cases"))
    controller.intent("choose_case", case_number=case_number(court))
    loop.pump(at(controller, "payment_items"))
    controller.intent("apply_relief")
    assert controller.flow.step == "payment_relief_kind"
    controller.intent("back")
    assert controller.flow.step == "payment_items"
