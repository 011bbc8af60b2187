"""Realistic filings, one per case type: the answers a visitor gives and the parties they enter.

Shared by the interview, complaint and printed-document tests. People and companies are fictitious
(the demo court's fixture people); credit codes carry correct check characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.complaints import Interview, Party, template_for
from kiosk.court.contract import Agent, Court, OrganisationParty, PersonParty
from kiosk.court.demo.seed import COURTS, LAWYER, LI, WANG, ZHANG, ZHAO

TODAY = date(2025, 3, 14)
SKIP = object()
"""Stands for pressing Skip on an optional question."""

MINGHU = COURTS[0]
QINGCHUAN = COURTS[1]

ZHANG_P = PersonParty(
    role="plaintiff", name=ZHANG.name, sex="male", birth_date=date(1985, 3, 12), nation="汉",
    address="北京市明湖区湖滨路1号院3号楼2单元501室", id_number=ZHANG.id_number, phone="13800138000",
)
WANG_D = PersonParty(
    role="defendant", name=WANG.name, sex="male", birth_date=date(1972, 11, 2), nation="汉",
    address="北京市青川区青川大街2号", id_number=WANG.id_number, phone="13900139000",
)
ZHAO_D = PersonParty(
    role="defendant", name=ZHAO.name, sex="female", birth_date=date(1990, 1, 15), nation="回",
    address="天津市和平区南京路88号", id_number=ZHAO.id_number,
)
LI_P = PersonParty(
    role="plaintiff", name=LI.name, sex="female", birth_date=date(1956, 7, 21), nation="满",
    address="北京市海淀区知春路6号", id_number=LI.id_number, phone="13700137000",
)
TECH_D = OrganisationParty(
    role="defendant", name="北京明湖科技有限公司", credit_code="91110105MA01ABCD13", legal_representative="孙志强",
    address="北京市明湖区科技园路9号",
)
INSURER_D = OrganisationParty(
    role="defendant", name="青松财产保险股份有限公司北京分公司", credit_code="91110000100012345L",
    legal_representative="钱国华", address="北京市青川区金融街12号",
)
MANAGER_P = OrganisationParty(
    role="plaintiff", name="北京湖滨物业管理有限公司", credit_code="91110108MA02XY701K", legal_representative="周海燕",
    address="北京市明湖区湖滨路20号", phone="010-55501234",
)
LAWYER_AGENT = Agent(
    kind="lawyer", name=LAWYER.name, id_number=LAWYER.id_number, phone="13600136000",
    licence_number="11101201910123456", law_firm="北京明法律师事务所", represents=[0],
)


@dataclass(frozen=True)
class Scenario:
    """One case type's walk: the answers in the order the questions must come, and who is involved."""

    case_type: str
    answers: tuple[tuple[str, object], ...]
    parties: tuple[Party, ...]
    expected_claims: tuple[str, ...]
    court: Court = MINGHU


SCENARIOS: dict[str, Scenario] = {
    "private_lending": Scenario(
        "private_lending",
        (
            ("loan_date", "2023-05-01"), ("principal", "100,000"), ("delivery_method", "bank_transfer"),
            ("has_iou", "是"), ("iou_date", "2023年5月1日"), ("due_agreed", True), ("due_date", "2024-05-01"),
            ("interest_agreed", True), ("interest_rate", "12"), ("repaid", True), ("repaid_amount", "20000"),
            ("outstanding", "80000"), ("interest_claimed", True), ("interest_from", "2023-05-01"),
            ("interest_owed", "17,920.00"), ("has_guarantor", False), ("demanded", True), ("other_facts", SKIP),
        ),
        (ZHANG_P, WANG_D),
        ("判令被告偿还借款本金人民币80,000元", "判令被告支付利息", "判令被告承担本案诉讼费用"),
    ),
    "sale_contract": Scenario(
        "sale_contract",
        (
            ("plaintiff_side", "seller"), ("contract_date", "2024-03-10"), ("written_contract", True),
            ("goods", "304不锈钢板（2mm）200张"), ("total_price", "186000"), ("delivered_on", "2024-03-25"),
            ("paid_amount", "60000"), ("unpaid_price", "126000"), ("late_claimed", True),
            ("late_from", "2024-04-25"), ("late_loss", "3,450.50"), ("other_facts", "被告曾于2024年8月出具对账单确认欠款。"),
        ),
        (ZHANG_P, TECH_D),
        ("判令被告支付货款人民币126,000元", "判令被告赔偿逾期付款损失", "判令被告承担本案诉讼费用"),
    ),
    "labour_dispute": Scenario(
        "labour_dispute",
        (
            ("arbitration_done", True), ("arbitration_outcome", "award"), ("award_number", "京明劳人仲字〔2025〕第123号"),
            ("award_received", "2025-03-05"), ("start_date", "2022-06-01"), ("position", "仓库管理员"),
            ("monthly_wage", "6500"), ("written_contract", False), ("still_employed", False), ("end_date", "2024-12-31"),
            ("unpaid_period", "2024年7月至2024年12月"), ("unpaid_wages", "39000"), ("double_wage_claimed", True),
            ("double_wage", "71500"), ("compensation_claimed", True), ("compensation", "19500"), ("other_facts", SKIP),
        ),
        (ZHANG_P, TECH_D),
        ("判令被告支付原告2024年7月至2024年12月拖欠的工资人民币39,000元", "二倍工资差额人民币71,500元", "经济补偿人民币19,500元"),
    ),
    "divorce": Scenario(
        "divorce",
        (
            ("marriage_date", "2012-10-01"), ("how_met", "introduced"), ("has_children", True),
            ("children", "王小明（2014年5月3日出生）"), ("custody", "plaintiff"), ("child_support", "2000"),
            ("ground", "separation"), ("separated_since", "2022-02-01"),
            ("details", "双方婚后常因家庭琐事争吵，\n2022年起分居，互不往来。"), ("divide_property", True),
            ("property", "北京市明湖区住房一套、小型汽车一辆"), ("property_value", "2,600,000"),
        ),
        (LI_P, WANG_D),
        ("判令原告与被告离婚", "由原告抚养", "判令依法分割夫妻共同财产"),
    ),
    "traffic_accident": Scenario(
        "traffic_accident",
        (
            ("accident_date", "2024-09-18"), ("place", "北京市明湖区湖滨路与青川大街交叉口"), ("plate", "京A·12345"),
            ("plaintiff_was", "cycling"), ("liability_determined", True), ("liability", "full"), ("insured", True),
            ("insurer", INSURER_D.name), ("injured", True), ("medical", "45,680.30"), ("lost_income", "12000"),
            ("nursing", SKIP), ("transport", "860"), ("disabled", True), ("disability_grade", "10"),
            ("disability_compensation", "168,000"), ("mental_damages", "5000"), ("has_property_loss", True),
            ("property_loss", "2300"), ("advance_paid", "10000"), ("other_facts", SKIP),
        ),
        (ZHANG_P, WANG_D, INSURER_D),
        ("判令被告赔偿原告因交通事故造成的各项损失共计人民币233,840.30元", f"判令被告{INSURER_D.name}在机动车交通事故责任强制保险"),
    ),
    "property_service": Scenario(
        "property_service",
        (
            ("contract_kind", "preliminary"), ("contract_date", "2019-06-30"),
            ("property_address", "北京市明湖区湖滨花园5号楼1单元1202室"), ("area", "89.5"), ("fee_rate", "3.2"),
            ("unpaid_from", "2022-01-01"), ("unpaid_to", "2024-12-31"), ("unpaid_fee", "10310.40"),
            ("late_fee_agreed", True), ("late_fee", "800"), ("demanded", True), ("demand_method", "written"),
            ("other_facts", SKIP),
        ),
        (MANAGER_P, WANG_D),
        ("判令被告支付2022年1月1日至2024年12月31日期间的物业服务费人民币10,310.40元", "违约金人民币800元"),
    ),
}


def walk(case_type: str, today: date = TODAY) -> Interview:
    """Answer every question of a scenario in turn, checking the questions come in the expected order."""
    scenario = SCENARIOS[case_type]
    interview = Interview(template_for(case_type), today=today)
    for question_id, answer in scenario.answers:
        assert interview.current is not None, f"the interview ended before {question_id}"
        assert interview.current.id == question_id
        if answer is SKIP:
            interview.skip()
        else:
            interview.answer(answer)
    assert interview.current is None
    return interview
