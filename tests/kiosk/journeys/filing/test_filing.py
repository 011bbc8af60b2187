"""Self-filing from attract to the printed receipt, one visitor per case type, headless, with the demo court.

Each filing is read back from the printed PDFs with pdftotext: the receipt masks people (张**, 110105********2317),
the complaint names them in full; both name the receiving court; the claims, the amount and the fee are printed;
the complaint is printed once per defendant plus once for the court; the visit's files are gone at the end.
"""

from __future__ import annotations

import re

import pytest

from kiosk.controller import KioskController
from kiosk.court.contract import PersonParty
from kiosk.court.demo.seed import LAWYER, LI, WANG, ZHANG, ZHAO
from kiosk.documents.receipt import fee_text
from kiosk.domain.masking import mask_id_number, mask_name
from kiosk.domain.money import format_yuan
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import printed_text
from tests.kiosk.journeys.filing.driver import (
    PROPERTY_CO,
    TRADING_CO,
    Filing,
    at,
    draft,
    submit_and_print,
    to_review,
)

FILINGS = [
    Filing("private_lending", ZHANG, defendants=(WANG,), yes=frozenset({"has_iou", "interest_agreed", "interest_claimed"}),
           evidence=(("identity", 1), ("iou", 2))),
    Filing("sale_contract", ZHANG, defendants=(TRADING_CO, WANG), yes=frozenset({"written_contract", "late_claimed"}),
           answers={"total_price": "80000", "paid_amount": "30000", "unpaid_price": "50000", "late_loss": "1200.50"}),
    Filing("labour_dispute", LAWYER, role="lawyer", plaintiffs=(ZHAO,), defendants=(PROPERTY_CO,),
           yes=frozenset({"written_contract"}), relief="waiver", evidence=(("identity", 1), ("relief_proof", 1))),
    Filing("divorce", LI, defendants=(WANG,), yes=frozenset({"divide_property"}), answers={"property_value": "300000"}),
    Filing("traffic_accident", ZHANG, defendants=(WANG, TRADING_CO), third_parties=(LI,), court_code="京0192",
           yes=frozenset({"liability_determined", "injured"})),
    Filing("property_service", ZHAO, role="colleague", plaintiffs=(PROPERTY_CO,), defendants=(LI,),
           yes=frozenset({"late_fee_agreed", "demanded"}), answers={"unpaid_fee": "3600", "fee_rate": "2.5"}),
]


def flat(text: str) -> str:
    """Printed text without line breaks and spaces (pdftotext wraps long lines)."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("filing", FILINGS, ids=[f.case_type for f in FILINGS])
def test_a_visitor_files_and_takes_home_a_receipt_and_the_complaint(
        controller: KioskController, loop: UiLoop, filing: Filing) -> None:
    to_review(controller, loop, filing)
    complaint = draft(controller).complaint
    temp_dir = controller.visit.temp_dir
    submit_and_print(controller, loop)
    assert controller.flow.step == "filing_done"
    outcome = draft(controller).outcome
    assert not outcome.queued

    receipt, paper = flat(printed_text(controller, "receipt_printer")), flat(printed_text(controller, "a4_printer"))
    court = next(c for c in draft(controller).courts if c.code == filing.court_code)
    assert f"受理法院：{court.name}" in receipt and court.name in paper
    assert outcome.receipt.reference in receipt
    for party in complaint.parties:
        if isinstance(party, PersonParty):
            assert f"{mask_name(party.name)}（{mask_id_number(party.id_number)}）" in receipt
            assert party.id_number not in receipt and party.name not in receipt
            assert party.name in paper and party.id_number in paper
        else:
            assert party.name in receipt and party.credit_code in paper
    for claim in complaint.claims:
        assert flat(claim).rstrip("；。") in paper
    if complaint.claim_amount is not None:
        assert format_yuan(complaint.claim_amount) in receipt
    assert flat(fee_text(complaint.fee)) in receipt
    a4 = controller.devices.slots["a4_printer"].driver
    assert [job.copies for job in a4.jobs] == [len(complaint.with_role("defendant")) + 1]  # type: ignore[union-attr]
    assert f"本起诉状副本{len(complaint.with_role('defendant'))}份" in paper

    controller.intent("finish")
    assert controller.flow.step == "rating"
    controller.intent("rate", score=5)
    assert controller.flow.step == "attract"
    assert not temp_dir.exists()
    assert controller.visit.journeys == {} and controller.visit.fields == {}


def test_a_lawyer_is_printed_as_the_plaintiffs_agent_with_the_proof_for_fee_relief(
        controller: KioskController, loop: UiLoop) -> None:
    to_review(controller, loop, FILINGS[2])
    submit_and_print(controller, loop)
    paper = flat(printed_text(controller, "a4_printer"))
    assert "委托诉讼代理人：周律师，北京明湖律师事务所律师，执业证号：11101200910123456" in paper
    assert "申请缓减免诉讼费的证明材料，原告提供，证明原告确有交纳诉讼费用困难，共1页" in paper
    assert controller.services.court.filing_status(draft(controller).outcome.receipt.reference).status == "received"


def test_a_filing_with_another_court_prints_that_court_as_receiving_court(controller: KioskController, loop: UiLoop) -> None:
    to_review(controller, loop, FILINGS[4])
    submit_and_print(controller, loop)
    receipt = flat(printed_text(controller, "receipt_printer"))
    assert "受理法院：北京市青川区人民法院" in receipt
    assert "跨域立案：由北京市明湖区人民法院代为提交" in receipt
    assert controller.services.court.filing_status(draft(controller).outcome.receipt.reference).receiving_court_code == "京0192"
    assert at(controller, "filing_done")()
