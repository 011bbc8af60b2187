"""From a finished interview to a complete complaint: claims, facts, evidence, amount and fee."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kiosk.complaints import IncompleteInterview, Interview, Witness, build_complaint, template_for
from kiosk.court.contract import EvidenceItem, FilingSubmission
from kiosk.domain.fees import estimate
from tests.kiosk.complaints.scenarios import LAWYER_AGENT, SCENARIOS, TODAY, WANG_D, ZHANG_P, walk


def complaint_for(case_type: str, **options):
    scenario = SCENARIOS[case_type]
    return build_complaint(walk(case_type), scenario.parties, scenario.court, **options)


@pytest.mark.parametrize("case_type", sorted(SCENARIOS))
def test_a_full_interview_gives_a_complete_complaint(case_type: str) -> None:
    scenario = SCENARIOS[case_type]
    complaint = complaint_for(case_type)
    text = "\n".join(complaint.claims) + complaint.facts_and_reasons
    assert "{" not in text and "}" not in text
    for expected in scenario.expected_claims:
        assert any(expected in claim for claim in complaint.claims), expected
    assert complaint.claims[-1] == "判令被告承担本案诉讼费用"
    assert complaint.facts_and_reasons.endswith("请求依法判如所请。")
    assert "中华人民共和国" in complaint.facts_and_reasons
    assert complaint.evidence and all(line.name and line.purpose for line in complaint.evidence)
    assert complaint.court.name == "北京市明湖区人民法院"
    assert complaint.filed_on == TODAY
    assert complaint.cause == template_for(case_type).cause.zh_CN
    assert complaint.copies == len([p for p in scenario.parties if p.role == "defendant"]) + 1


@pytest.mark.parametrize(
    ("case_type", "amount", "fee"),
    [
        ("private_lending", Decimal("97920.00"), Decimal("2248.00")),
        ("sale_contract", Decimal("129450.50"), Decimal("2889.01")),
        ("labour_dispute", Decimal("130000.00"), Decimal("10.00")),
        ("traffic_accident", Decimal("233840.30"), Decimal("4807.60")),
        ("property_service", Decimal("11110.40"), Decimal("77.76")),
    ],
)
def test_claim_amount_is_the_sum_of_the_amount_answers_and_the_fee_follows_it(case_type: str, amount: Decimal, fee: Decimal) -> None:
    complaint = complaint_for(case_type)
    assert complaint.claim_amount == amount
    assert complaint.fee.fee == fee
    assert complaint.fee == estimate(template_for(case_type).fee_kind, amount)


def test_divorce_fee_is_a_range_until_the_province_figure_is_configured() -> None:
    complaint = complaint_for("divorce")
    assert complaint.claim_amount == Decimal("2600000.00")
    assert complaint.fee.fee is None
    assert complaint.fee.range == (Decimal("12050.00"), Decimal("12300.00"))
    configured = complaint_for("divorce", configured_fee=Decimal("200"))
    assert configured.fee.fee == Decimal("12200.00")


def test_divorce_without_property_has_no_claim_amount() -> None:
    interview = walk("divorce")
    interview.go_to("divide_property")
    interview.answer(False)
    complaint = build_complaint(interview, (ZHANG_P, WANG_D), SCENARIOS["divorce"].court)
    assert complaint.claim_amount is None
    assert complaint.fee.range == (Decimal("50.00"), Decimal("300.00"))
    assert not any("分割" in claim for claim in complaint.claims)


def test_facts_read_as_sentences_built_from_the_answers() -> None:
    complaint = complaint_for("private_lending")
    first, *rest = complaint.facts_and_reasons.split("\n")
    assert first.startswith("2023年5月1日，被告向原告借款人民币100,000元，原告当日以银行转账方式将借款交付被告。")
    assert "被告于2023年5月1日向原告出具借条（借款合同）" in first
    assert "双方约定借款年利率为12%。" in first
    assert len(rest) == 1 and rest[0].startswith("原告认为")


def test_optional_amounts_left_blank_drop_their_sentence() -> None:
    complaint = complaint_for("traffic_accident")
    assert "护理费" not in complaint.facts_and_reasons
    assert "误工损失人民币12,000元。" in complaint.facts_and_reasons
    assert "构成10级伤残" in complaint.facts_and_reasons


def test_capital_numerals_are_available_to_templates() -> None:
    from kiosk.complaints.compose import Yuan, _ClauseFormatter

    assert _ClauseFormatter({"x": Yuan(Decimal("50000"))}).format("{x}元（大写：{x:capital}）") == "50,000元（大写：伍万元整）"


def test_scanned_evidence_fills_its_slot_and_extra_items_follow() -> None:
    scanned = [
        EvidenceItem(name="转账凭证", page_count=3),
        EvidenceItem(name="微信聊天记录截图", purpose="证明被告承认借款", page_count=5),
    ]
    complaint = complaint_for("private_lending", scanned=scanned)
    names = [(line.name, line.pages) for line in complaint.evidence]
    assert names == [
        ("原告身份证明", None),
        ("借条（借款合同）", None),
        ("转账凭证", 3),
        ("催款记录（聊天记录、短信等）", None),
        ("微信聊天记录截图", 5),
    ]
    assert complaint.evidence[2].purpose == "证明原告已实际交付借款"


def test_the_complaint_goes_into_a_filing_submission() -> None:
    complaint = complaint_for("private_lending", agent=LAWYER_AGENT, witnesses=[Witness("刘强", "北京市明湖区湖滨路3号")])
    submission = FilingSubmission.new(
        "kiosk-1",
        receiving_court_code=complaint.court.code,
        case_type=complaint.case_type,
        parties=list(complaint.parties),
        agent=complaint.agent,
        complaint=complaint.to_contract(),
        claim_amount=complaint.claim_amount,
        fee_estimate=complaint.fee.fee,
    )
    assert submission.complaint.answers["loan_date"] == "2023-05-01"
    assert submission.complaint.answers["has_iou"] == "true"
    assert submission.complaint.answers["principal"] == "100000.00"
    assert submission.complaint.claims == list(complaint.claims)


def test_an_unfinished_interview_is_refused_with_its_problems() -> None:
    interview = Interview(template_for("private_lending"), today=TODAY)
    interview.answer("2023-05-01")
    with pytest.raises(IncompleteInterview) as refused:
        build_complaint(interview, (ZHANG_P, WANG_D), SCENARIOS["private_lending"].court)
    assert refused.value.problems[0].question_id == "principal"


def test_a_complaint_needs_a_plaintiff_and_a_defendant() -> None:
    with pytest.raises(ValueError, match="plaintiff and one defendant"):
        build_complaint(walk("private_lending"), (ZHANG_P,), SCENARIOS["private_lending"].court)


def test_filed_on_can_be_given() -> None:
    assert complaint_for("sale_contract", filed_on=date(2025, 3, 15)).filed_on == date(2025, 3, 15)
