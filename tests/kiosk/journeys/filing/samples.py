"""Filing journey data as far as a visitor can take it, for tests that render every step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from drivers.idcard.fixtures import FIXTURE_CARD
from kiosk.complaints import Interview, LocalText, QuestionKind, template_for
from kiosk.court.contract import Agent, OrganisationParty, PersonParty
from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import LI, ZHANG
from kiosk.documents.receipt import Receipt
from kiosk.journeys.filing.draft import Draft, Editing, EvidenceDraft, Outcome, Refusal, Visitor
from kiosk.journeys.filing.effects.interview import filing_courts
from kiosk.journeys.filing.submission import complaint_of, kiosk_court

#: One answer per kind, as a visitor would give it.
ANSWERS = {QuestionKind.DATE: "2023.05.01", QuestionKind.AMOUNT: "50000", QuestionKind.NUMBER: "12",
           QuestionKind.TEXT: "双方多次协商未果。"}


def answered(case_type: str, yes: bool = True) -> Interview:
    """An interview with every question answered (yes/no all ``yes``, or all ``no``; first options)."""
    interview = Interview(template_for(case_type))
    while (question := interview.current) is not None:
        if question.kind is QuestionKind.YES_NO:
            interview.answer(yes if question.must_be is None else question.must_be)
        elif question.kind is QuestionKind.CHOICE:
            interview.answer(question.options[0].value)
        else:
            interview.answer(ANSWERS[question.kind])
    return interview


def sample_draft(court: DemoCourt) -> Draft:
    """Zhang's lawyer files against a company, Li as third party, with a cross-court filing."""
    card = replace(FIXTURE_CARD, name=ZHANG.name, id_number=ZHANG.id_number, birth_date=date(1985, 3, 12))
    plaintiff = PersonParty(role="plaintiff", name=ZHANG.name, sex="male", birth_date=date(1985, 3, 12), nation="汉",
                            address="北京市明湖区湖滨路18号", id_number=ZHANG.id_number, phone="13800138000")
    company = OrganisationParty(role="defendant", name="北京明湖物业管理有限公司", credit_code="91110108MA01ABCD3L",
                                legal_representative="赵建国", address="北京市明湖区湖滨路1号")
    third = PersonParty(role="third_party", name=LI.name, sex="female", birth_date=date(1956, 7, 21), nation="汉",
                        address="北京市明湖区松林路8号", id_number=LI.id_number)
    courts = filing_courts(court.courts())
    interview = answered("private_lending")
    interview.go_to("principal")
    draft = Draft(
        visitor=Visitor(ZHANG.id_number, ZHANG.name, "male", date(1985, 3, 12), card),
        role="lawyer",
        agent=Agent(kind="lawyer", name=ZHANG.name, id_number=ZHANG.id_number, phone="13900139000",
                    licence_number="11101200910123456", law_firm="北京明湖律师事务所", represents=[0]),
        parties=[plaintiff, company, third],
        editing=Editing("plaintiff", "person", 0),
        parties_error="filing.error.parties_missing",
        courts=courts,
        court=courts[1],
        interview=interview,
        answer_error=Refusal("complaints.answer.amount_too_large", {"max": "9,999"},
                             LocalText(zh_CN="示例说明", en="An example", ko="예시")),
        relief="reduction",
        evidence=[EvidenceDraft("借条（借款合同）", "证明借贷关系", [Path("page-1.jpg"), Path("page-2.jpg")])],
        item=0,
        capture_error="capture.blurred",
        review_error="filing.error.incomplete",
    )
    draft.complaint = complaint_of(draft)
    receipt = Receipt.for_complaint(draft.complaint, "K1234-5678-9ABC", datetime(2025, 3, 14, 10, 32, tzinfo=timezone.utc),
                                    queued=True, kiosk_court=kiosk_court(courts))
    draft.outcome = Outcome(True, receipt, Path("receipt.pdf"), Path("complaint.pdf"))
    return draft


def sample_data(court: DemoCourt) -> dict[str, Any]:
    """Everything any filing step may show, with a failed court call."""
    return {"draft": sample_draft(court), "problem": "court.error.unavailable"}
