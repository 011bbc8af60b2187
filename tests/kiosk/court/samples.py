"""Sample submissions built from the demo court's fixture people."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kiosk.court import contract as c
from kiosk.court.demo.seed import WANG, ZHANG


def filing(kiosk_id: str, court_code: str = "京0191", note: str = "") -> c.FilingSubmission:
    """A private-lending filing by 张明华 against 王建军."""
    return c.FilingSubmission.new(
        kiosk_id,
        receiving_court_code=court_code,
        case_type="private_lending",
        parties=[
            c.PersonParty(role="plaintiff", name=ZHANG.name, sex="male", birth_date=date(1985, 3, 12), nation="汉",
                          address="北京市明湖区湖滨路1号", id_number=ZHANG.id_number, phone="13800138000"),
            c.PersonParty(role="defendant", name=WANG.name, sex="male", birth_date=date(1972, 11, 2), nation="汉",
                          address="北京市青川区青川大街2号", id_number=WANG.id_number),
        ],
        complaint=c.Complaint(
            claims=["判令被告偿还借款本金50000元", "判令被告承担本案诉讼费用"],
            facts_and_reasons=f"被告向原告借款50000元，到期未还。{note}",
            answers={"loan_amount": "50000", "loan_date": "2023-05-01"},
        ),
        claim_amount=Decimal("50000.00"),
        fee_estimate=Decimal("1050.00"),
        evidence=[c.EvidenceItem(name="借条", page_count=1, pages=[b"page-1"])],
    )


def work_order(
    kiosk_id: str, kind: str, case_number: str | None = None, slot_id: str | None = None, message: str = "请联系我"
) -> c.WorkOrderSubmission:
    """A work order of any kind from 张明华."""
    return c.WorkOrderSubmission.new(
        kiosk_id,
        kind=kind,
        requester_name=ZHANG.name,
        requester_id_number=ZHANG.id_number,
        requester_phone="13800138000",
        case_number=case_number if kind in ("contact_judge", "file_borrowing") else None,
        subject="案件咨询",
        message=message,
        slot_id=slot_id,
        visitee="立案庭" if kind == "visitor_reception" else None,
    )
