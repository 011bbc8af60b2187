"""The complaint on A4 in the standard layout of a civil complaint (民事起诉状).

Order as courts expect it: title; parties (原告, 被告, 第三人, each followed by their legal
representative and agent); 诉讼请求, numbered; 事实与理由; 证据和证据来源，证人姓名和住所; 此致 and the
court; the signature line and date; the attachments (copies for the defendants). Each page carries
"第 n 页 共 m 页". The complaint is the legal document, so it prints full ID numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from kiosk.complaints import Complaint
from kiosk.complaints.compose import format_date
from kiosk.court.contract import Agent, OrganisationParty, PersonParty
from kiosk.documents.charset import for_print
from kiosk.documents.fonts import CjkCanvas, cjk_font

BODY_SIZE = 13
ROLE_NAMES = {"plaintiff": "原告", "defendant": "被告", "third_party": "第三人"}
SEX_NAMES = {"male": "男", "female": "女"}
AGENT_KINDS = {"lawyer": "律师", "relative": "近亲属", "colleague": "工作人员"}
_NATIONS_WITHOUT_ZU = frozenset({"其他", "外国血统中国籍人士"})


def _styles() -> dict[str, ParagraphStyle]:
    font = cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.75, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", body, fontSize=22, leading=30, alignment=TA_CENTER, spaceAfter=2 * mm),
        "subtitle": ParagraphStyle("subtitle", body, fontSize=14, alignment=TA_CENTER, spaceAfter=6 * mm),
        "body": body,
        "heading": ParagraphStyle("heading", body, fontSize=14, spaceBefore=3 * mm, keepWithNext=1),
        "item": ParagraphStyle("item", body, leftIndent=2 * BODY_SIZE, firstLineIndent=-BODY_SIZE),
        "paragraph": ParagraphStyle("paragraph", body, firstLineIndent=2 * BODY_SIZE),
        "salute": ParagraphStyle("salute", body, firstLineIndent=2 * BODY_SIZE, spaceBefore=6 * mm),
        "signature": ParagraphStyle("signature", body, leftIndent=95 * mm, spaceBefore=4 * mm),
    }


def nation_text(nation: str) -> str:
    """汉 → 汉族, as a complaint writes it; names already ending in 族, and 其他, stay as they are."""
    return nation if nation.endswith("族") or nation in _NATIONS_WITHOUT_ZU else nation + "族"


def person_line(party: PersonParty) -> str:
    """原告：张三，男，1985年3月12日出生，汉族，住……，公民身份号码：……，联系电话：……。"""
    parts = [
        party.name,
        SEX_NAMES[party.sex],
        f"{format_date(party.birth_date)}出生",
        nation_text(party.nation),
        f"住{party.address}",
        f"公民身份号码：{party.id_number}",
    ]
    if party.phone:
        parts.append(f"联系电话：{party.phone}")
    return f"{ROLE_NAMES[party.role]}：" + "，".join(parts) + "。"


def organisation_lines(party: OrganisationParty) -> list[str]:
    """被告：某公司，住所地……，统一社会信用代码：……。 then 法定代表人：……。"""
    parts = [party.name, f"住所地{party.address}", f"统一社会信用代码：{party.credit_code}"]
    if party.phone:
        parts.append(f"联系电话：{party.phone}")
    return [f"{ROLE_NAMES[party.role]}：" + "，".join(parts) + "。", f"法定代表人：{party.legal_representative}。"]


def agent_line(agent: Agent, principal: str) -> str:
    """委托诉讼代理人：……，某律师事务所律师（执业证号……）; a relative or colleague says whose."""
    if agent.kind == "lawyer":
        detail = f"{agent.law_firm or ''}律师，执业证号：{agent.licence_number}"
    else:
        detail = f"系{principal}的{AGENT_KINDS[agent.kind]}，公民身份号码：{agent.id_number}"
    phone = f"，联系电话：{agent.phone}" if agent.phone else ""
    return f"委托诉讼代理人：{agent.name}，{detail}{phone}。"


def party_lines(complaint: Complaint) -> Iterator[str]:
    """The parties block in role order, each agent after the party it represents."""
    indexed = list(enumerate(complaint.parties))
    for role in ROLE_NAMES:
        for index, party in indexed:
            if party.role != role:
                continue
            if isinstance(party, PersonParty):
                yield person_line(party)
            else:
                yield from organisation_lines(party)
            agent = complaint.agent
            if agent is not None and index in agent.represents and index == min(agent.represents):
                yield agent_line(agent, party.name)


def claim_lines(claims: tuple[str, ...]) -> list[str]:
    """1．……；2．……。 — numbered, each ending in a semicolon and the last in a full stop."""
    lines = []
    for number, claim in enumerate(claims, start=1):
        end = "。" if number == len(claims) else "；"
        lines.append(f"{number}．{claim.rstrip('；;。.')}{end}")
    return lines


def evidence_lines(complaint: Complaint) -> list[str]:
    """One line per evidence item (source, what it proves, pages), then the witnesses, or 无."""
    lines = []
    for number, line in enumerate(complaint.evidence, start=1):
        parts = [line.name, line.source]
        if line.purpose:
            parts.append(line.purpose)
        pages = f"，共{line.pages}页" if line.pages else ""
        lines.append(f"{number}．" + "，".join(parts) + pages + "。")
    for witness in complaint.witnesses:
        lines.append(f"证人：{witness.name}，住{witness.address}。")
    return lines or ["无。"]


def signer_label(complaint: Complaint) -> str:
    """具状人（签名）for people, （盖章）when the plaintiffs are organisations only."""
    plaintiffs = complaint.with_role("plaintiff")
    return "具状人（盖章）：" if all(isinstance(p, OrganisationParty) for p in plaintiffs) else "具状人（签名）："


def subtitle(complaint: Complaint) -> str:
    """（要素式·民间借贷纠纷） for element-style templates, （案由） otherwise."""
    return f"（要素式·{complaint.cause}）" if complaint.template.element_style else f"（{complaint.cause}）"


def _story(complaint: Complaint) -> list[Flowable]:
    s = _styles()

    def para(text: str, style: str) -> Paragraph:
        return Paragraph(escape(for_print(text)), s[style])

    story: list[Flowable] = [para("民事起诉状", "title"), para(subtitle(complaint), "subtitle")]
    story += [para(line, "body") for line in party_lines(complaint)]
    story.append(para("诉讼请求：", "heading"))
    story += [para(line, "item") for line in claim_lines(complaint.claims)]
    story.append(para("事实与理由：", "heading"))
    story += [para(text, "paragraph") for text in complaint.facts_and_reasons.split("\n") if text]
    story.append(para("证据和证据来源，证人姓名和住所：", "heading"))
    story += [para(line, "item") for line in evidence_lines(complaint)]
    closing = [
        para("此致", "salute"),
        para(complaint.court.name, "body"),
        Spacer(0, 8 * mm),
        para(signer_label(complaint), "signature"),
        Spacer(0, 6 * mm),
        para(format_date(complaint.filed_on), "signature"),
        Spacer(0, 6 * mm),
        para(f"附：本起诉状副本{complaint.copies - 1}份；证据材料{len(complaint.evidence)}份。", "body"),
    ]
    story.append(KeepTogether(closing))
    return story


class _NumberedCanvas(CjkCanvas):
    """Draws "第 n 页 共 m 页" once the number of pages is known, at save time."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(cjk_font(), 10)
            self.drawCentredString(A4[0] / 2, 15 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
            super().showPage()
        super().save()


def render_complaint(complaint: Complaint, directory: Path, name: str = "complaint.pdf") -> Path:
    """Write the complaint into ``directory`` (the visit's private folder) and return the file.

    One copy: the printer prints :attr:`Complaint.copies` of it (one per defendant plus the court's).
    """
    path = directory / name
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        topMargin=30 * mm,
        bottomMargin=28 * mm,
        title="民事起诉状",
        author="courtkiosk",
        subject=complaint.cause,
    )
    document.build(_story(complaint), canvasmaker=_NumberedCanvas)
    return path
