"""The A4 complaint: standard order of parts, full party details, numbered claims, pages numbered."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from kiosk.complaints import Witness, build_complaint
from kiosk.court.contract import Agent, EvidenceItem, PersonParty
from kiosk.documents.charset import for_print, unprintable
from kiosk.documents.complaint_pdf import claim_lines, nation_text, render_complaint
from tests.kiosk.complaints.scenarios import (
    INSURER_D,
    LAWYER_AGENT,
    LI_P,
    MANAGER_P,
    SCENARIOS,
    TECH_D,
    WANG_D,
    ZHANG_P,
    walk,
)

PARTS_IN_ORDER = ["民事起诉状", "原告：", "被告：", "诉讼请求：", "事实与理由：", "证据和证据来源，证人姓名和住所：", "此致", "具状人", "附："]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def flat(path: Path) -> str:
    return "".join(pdf_text(path).split())


def render(case_type: str, tmp_path: Path, **options) -> Path:
    scenario = SCENARIOS[case_type]
    parties = options.pop("parties", scenario.parties)
    interview = options.pop("interview", None) or walk(case_type)
    complaint = build_complaint(interview, parties, scenario.court, **options)
    return render_complaint(complaint, tmp_path)


@pytest.mark.parametrize("case_type", sorted(SCENARIOS))
def test_every_case_type_prints_a_complete_complaint_in_the_standard_order(case_type: str, tmp_path: Path) -> None:
    scenario = SCENARIOS[case_type]
    path = render(case_type, tmp_path)
    text = flat(path)
    positions = [text.find(part) for part in PARTS_IN_ORDER]
    assert -1 not in positions and positions == sorted(positions), dict(zip(PARTS_IN_ORDER, positions, strict=True))
    for expected in scenario.expected_claims:
        assert expected in text
    assert "1．" in text and "此致北京市明湖区人民法院" in text
    assert "2025年3月14日" in text
    assert "{" not in text and "}" not in text
    assert re.search(r"第1页共\d页", text)
    assert list(tmp_path.iterdir()) == [path]


def test_natural_persons_print_in_full_with_their_id_numbers(tmp_path: Path) -> None:
    text = flat(render("private_lending", tmp_path))
    assert (
        "原告：张明华，男，1985年3月12日出生，汉族，住北京市明湖区湖滨路1号院3号楼2单元501室，"
        f"公民身份号码：{ZHANG_P.id_number}，联系电话：13800138000。"
    ) in text
    assert f"被告：王建军，男，1972年11月2日出生，汉族，住北京市青川区青川大街2号，公民身份号码：{WANG_D.id_number}" in text
    assert "（要素式·民间借贷纠纷）" in text


def test_organisations_print_credit_code_and_legal_representative(tmp_path: Path) -> None:
    text = flat(render("traffic_accident", tmp_path))
    assert f"被告：{INSURER_D.name}，住所地北京市青川区金融街12号，统一社会信用代码：{INSURER_D.credit_code}。" in text
    assert "法定代表人：钱国华。" in text
    assert "具状人（签名）：" in text
    assert "附：本起诉状副本2份" in text


def test_an_organisation_plaintiff_seals_instead_of_signing(tmp_path: Path) -> None:
    text = flat(render("property_service", tmp_path))
    assert f"原告：{MANAGER_P.name}，住所地北京市明湖区湖滨路20号，统一社会信用代码：{MANAGER_P.credit_code}" in text
    assert "具状人（盖章）：" in text


def test_claims_are_numbered_and_punctuated() -> None:
    assert claim_lines(("判令甲", "判令乙；", "判令丙。")) == ["1．判令甲；", "2．判令乙；", "3．判令丙。"]


def test_agent_follows_the_party_represented_and_witnesses_are_listed(tmp_path: Path) -> None:
    text = flat(render("private_lending", tmp_path, agent=LAWYER_AGENT, witnesses=[Witness("刘强", "北京市明湖区湖滨路3号")]))
    agent = "委托诉讼代理人：周律师，北京明法律师事务所律师，执业证号：11101201910123456，联系电话：13600136000。"
    assert text.index("原告：张明华") < text.index(agent) < text.index("被告：王建军")
    assert "证人：刘强，住北京市明湖区湖滨路3号。" in text


def test_a_relative_agent_says_whose_relative(tmp_path: Path) -> None:
    relative = Agent(kind="relative", name=ZHANG_P.name, id_number=ZHANG_P.id_number, represents=[0])
    text = flat(render("divorce", tmp_path, agent=relative))
    assert f"委托诉讼代理人：张明华，系李秀英的近亲属，公民身份号码：{ZHANG_P.id_number}。" in text
    assert "原告：李秀英，女，1956年7月21日出生，满族" in text


def test_scanned_evidence_shows_page_counts(tmp_path: Path) -> None:
    text = flat(render("sale_contract", tmp_path, scanned=[EvidenceItem(name="送货单、收货确认单", page_count=12)]))
    assert "送货单、收货确认单，原告提供，证明原告已交付货物，共12页。" in text
    assert f"被告：{TECH_D.name}" in text


def test_long_facts_run_over_pages_each_numbered(tmp_path: Path) -> None:
    interview = walk("private_lending")
    interview.go_to("other_facts")
    interview.answer("被告多次承诺还款但均未兑现。" * 70)
    path = render("private_lending", tmp_path, interview=interview)
    pages = pdf_text(path).split("\f")
    total = len([page for page in pages if page.strip()])
    assert total >= 3
    for number in range(1, total + 1):
        assert f"第{number}页共{total}页" in "".join(pages[number - 1].split())


def test_middle_dots_and_markup_characters_print_as_written(tmp_path: Path) -> None:
    """The name's U+00B7 is set as the font's middle dot, whose text mapping reads back as U+00B7."""
    uyghur = PersonParty(
        role="plaintiff", name="阿依古丽·买买提", sex="female", birth_date=ZHANG_P.birth_date, nation="维吾尔",
        address="乌鲁木齐市A&B<大厦>1号", id_number=ZHANG_P.id_number,
    )
    text = flat(render("private_lending", tmp_path, parties=(uyghur, WANG_D)))
    assert "原告：阿依古丽·买买提，女，1985年3月12日出生，维吾尔族，住乌鲁木齐市A&B<大厦>1号" in text


def test_nation_names_take_zu_once() -> None:
    assert [nation_text(n) for n in ("汉", "维吾尔族", "其他", "外国血统中国籍人士")] == ["汉族", "维吾尔族", "其他", "外国血统中国籍人士"]


def test_page_is_a4(tmp_path: Path) -> None:
    info = subprocess.run(["pdfinfo", str(render("divorce", tmp_path))], capture_output=True, text=True, check=True).stdout
    width, _, height = next(line for line in info.splitlines() if line.startswith("Page size")).split()[2:5]
    assert (round(float(width) / mm), round(float(height) / mm)) == (210, 297)


def test_second_plaintiff_and_copies_for_each_defendant(tmp_path: Path) -> None:
    parties = (ZHANG_P, LI_P.model_copy(update={"role": "plaintiff"}), WANG_D, TECH_D)
    scenario = SCENARIOS["sale_contract"]
    complaint = build_complaint(walk("sale_contract"), parties, scenario.court)
    assert complaint.copies == 3
    text = flat(render_complaint(complaint, tmp_path))
    assert text.count("原告：") == 2 and text.count("被告：") == 2
    assert "附：本起诉状副本2份" in text


def test_characters_the_font_lacks_are_substituted_or_reported() -> None:
    assert for_print("阿依古丽•买买提") == for_print("阿依古丽・买买提") == "阿依古丽·买买提"
    assert unprintable("😀借ń·款\u007f") == "😀\u007f"
