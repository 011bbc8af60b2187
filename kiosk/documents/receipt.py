"""The filing receipt (立案回执) on the 80 mm roll, and what voice mode reads of it.

The receipt leaves the building in a visitor's pocket, so personal data on it is masked (张**,
110105********2316); organisations are printed by name, which is public registration data. The QR
code carries only the kiosk reference (``kiosk.documents.receipt_code``), which the lookup journey
scans back. When the court could not be reached the filing waits in the outbox, and the receipt says
so and gives the local reference the court will know it by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import segno
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, SimpleDocTemplate, Spacer

from kiosk.complaints import Complaint, LocalText, Party
from kiosk.complaints.compose import format_date
from kiosk.court.contract import Court, PersonParty
from kiosk.documents.charset import for_print
from kiosk.documents.fonts import CjkCanvas, cjk_font
from kiosk.documents.receipt_code import encode_receipt_code
from kiosk.domain.fees import FeeEstimate
from kiosk.domain.masking import mask_id_number, mask_name
from kiosk.domain.money import format_yuan

ROLL_WIDTH = 80 * mm
MARGIN = 4 * mm
QR_SIZE = 34 * mm
QR_QUIET_ZONE = 4
"""Light modules around the code, as the QR standard asks."""
FRAME_PADDING = 6
"""Points of padding platypus puts inside each side of a page's frame."""
ROLE_NAMES = {"plaintiff": "原告", "defendant": "被告", "third_party": "第三人"}
FEE_BASES = {
    "property": "财产案件，按请求金额分段累计",
    "divorce": "离婚案件按件交纳，分割财产超过20万元的部分按0.5%交纳",
    "labor": "劳动争议案件，每件10元",
    "personality_rights": "人格权案件按件交纳，赔偿超过5万元的部分另按比例交纳",
    "other_non_property": "其他非财产案件，按件交纳",
}
NEXT_STEPS = (
    "法院收到申请后依法审查，符合起诉条件的在七日内立案，并以短信或电话通知您。",
    "立案后请按交费通知交纳诉讼费；确有困难的，可以申请缓交、减交或免交。",
    "扫描本回执上的二维码或输入参考号，可在本机“案件查询”中查看进度。",
    "请保管好证据原件，按法院通知参加诉讼。",
)
QUEUED_NOTE = "法院系统暂时无法连接。您的申请已保存在本机，恢复连接后自动发送，无需重新提交；法院以本参考号识别您的申请。"


@dataclass(frozen=True)
class Receipt:
    """What the receipt prints; built from the complaint at submit time with :meth:`for_complaint`."""

    reference: str
    court: Court
    """The receiving court; with cross-court filing (跨域立案) not the one where the kiosk stands."""
    submitted_at: datetime
    case_type_name: LocalText
    cause: str
    parties: tuple[Party, ...]
    claim_amount: Decimal | None
    fee: FeeEstimate
    queued: bool
    kiosk_court: Court | None = None

    @classmethod
    def for_complaint(
        cls,
        complaint: Complaint,
        reference: str,
        submitted_at: datetime,
        *,
        queued: bool,
        kiosk_court: Court | None = None,
    ) -> Receipt:
        """The receipt of a submitted complaint; ``queued`` when it is waiting in the outbox."""
        return cls(
            reference=reference,
            court=complaint.court,
            submitted_at=submitted_at,
            case_type_name=complaint.template.name,
            cause=complaint.cause,
            parties=complaint.parties,
            claim_amount=complaint.claim_amount,
            fee=complaint.fee,
            queued=queued,
            kiosk_court=kiosk_court,
        )

    @property
    def cross_court(self) -> bool:
        """Filed here for another court."""
        return self.kiosk_court is not None and self.kiosk_court.code != self.court.code

    @property
    def code(self) -> str:
        """The QR payload."""
        return encode_receipt_code(self.reference)


def masked_party(party: Party) -> str:
    """张** 110105********2316 for a person; an organisation by its registered name."""
    if isinstance(party, PersonParty):
        return f"{mask_name(party.name)}（{mask_id_number(party.id_number)}）"
    return party.name


def fee_text(fee: FeeEstimate) -> str:
    """¥2,248.00, or the statutory range ¥50.00–¥300.00 until the province's figure is configured."""
    if fee.fee is not None:
        return format_yuan(fee.fee)
    if fee.range is not None:
        low, high = fee.range
        return f"{format_yuan(low)}–{format_yuan(high)}"
    return "以法院通知为准"


def chinese_number(number: int) -> str:
    """1–99 in Chinese numerals as laws number articles: 8 → 八, 13 → 十三, 20 → 二十."""
    digits = "零一二三四五六七八九"
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else digits[tens] + "十")
    return head + (digits[units] if units or not head else "")


def fee_basis(fee: FeeEstimate) -> str:
    """The rule the estimate follows: the article of 《诉讼费用交纳办法》 (第十三条第（一）项) and the kind in words."""
    article, _, item = fee.article.partition("(")
    where = f"第{chinese_number(int(article))}条"
    if item:
        where += f"第（{chinese_number(int(item.split(')')[0]))}）项"
    kind = FEE_BASES.get(fee.kind, "")
    return f"《诉讼费用交纳办法》{where}" + (f"，{kind}" if kind else "")


def format_time(moment: datetime) -> str:
    """2025年3月14日 10:32, in the time zone the moment carries (the kiosk's local time)."""
    return f"{format_date(moment.date())} {moment:%H:%M}"


def receipt_lines(receipt: Receipt) -> list[tuple[str, str]]:
    """The labelled lines of the receipt body, in print order."""
    lines = [("状态", "已保存，待发送" if receipt.queued else "已提交法院")]
    lines.append(("本机参考号" if receipt.queued else "参考号", receipt.reference))
    lines.append(("受理法院", receipt.court.name))
    if receipt.cross_court and receipt.kiosk_court is not None:
        lines.append(("跨域立案", f"由{receipt.kiosk_court.name}代为提交"))
    lines.append(("提交时间", format_time(receipt.submitted_at)))
    lines.append(("案件类型", f"{receipt.case_type_name.zh_CN}（{receipt.cause}）"))
    for party in receipt.parties:
        lines.append((ROLE_NAMES[party.role], masked_party(party)))
    if receipt.claim_amount is not None:
        lines.append(("请求金额", format_yuan(receipt.claim_amount)))
    lines.append(("预估诉讼费", fee_text(receipt.fee) + "（以法院交费通知为准）"))
    lines.append(("计算依据", fee_basis(receipt.fee)))
    return lines


class _QrCode(Flowable):
    """The QR code as one filled path of dark-module runs, error correction M, 4-module quiet zone.

    reportlab's ``QrCodeWidget`` builds and validates a shape per module and encodes the code again
    for its bounds: about 0.3 s a receipt on the kiosk's CPU, most of the render. Drawing only paths,
    it names no font either (a drawing started in Helvetica would put an unembedded font in the PDF).
    """

    def __init__(self, payload: str) -> None:
        super().__init__()
        self._matrix = segno.make_qr(payload, error="m", boost_error=False).matrix
        self.width = self.height = QR_SIZE
        self.hAlign = "CENTER"

    def draw(self) -> None:
        unit = QR_SIZE / (len(self._matrix) + 2 * QR_QUIET_ZONE)
        path = self.canv.beginPath()
        for row_index, row in enumerate(self._matrix):
            y = QR_SIZE - (row_index + QR_QUIET_ZONE + 1) * unit
            column = 0
            while column < len(row):
                start = column
                while column < len(row) and row[column]:
                    column += 1
                if column > start:
                    path.rect((start + QR_QUIET_ZONE) * unit, y, (column - start) * unit, unit)
                column += 1
        self.canv.drawPath(path, stroke=0, fill=1)


def _qr(payload: str) -> Flowable:
    """The QR code of ``payload``, centred, QR_SIZE square."""
    return _QrCode(payload)


def _story(receipt: Receipt) -> list[Flowable]:
    font = cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13, wordWrap="CJK")
    styles = {
        "body": body,
        "title": ParagraphStyle("title", body, fontSize=14, leading=20, alignment=TA_CENTER),
        "centre": ParagraphStyle("centre", body, alignment=TA_CENTER),
        "reference": ParagraphStyle("reference", body, fontSize=13, leading=18, alignment=TA_CENTER),
        "line": ParagraphStyle("line", body, leftIndent=6 * 9, firstLineIndent=-6 * 9),
        "step": ParagraphStyle("step", body, leftIndent=9, firstLineIndent=-9),
    }

    def para(text: str, style: str) -> Paragraph:
        return Paragraph(escape(for_print(text)), styles[style])

    story: list[Flowable] = [para("自助立案回执", "title")]
    if receipt.kiosk_court is not None:
        story.append(para(f"{receipt.kiosk_court.name}诉讼服务中心", "centre"))
    story += [Spacer(0, 2 * mm), para(receipt.reference, "reference"), HRFlowable(width="100%", thickness=0.5)]
    story += [para(f"{label}：{value}", "line") for label, value in receipt_lines(receipt)]
    if receipt.queued:
        story += [Spacer(0, 1 * mm), para(QUEUED_NOTE, "body")]
    story += [HRFlowable(width="100%", thickness=0.5, spaceBefore=2 * mm), para("下一步：", "body")]
    story += [para(f"{n}．{step}", "step") for n, step in enumerate(NEXT_STEPS, start=1)]
    story += [Spacer(0, 3 * mm), _qr(receipt.code), para("扫码查询立案进度", "centre")]
    story += [Spacer(0, 2 * mm), para("本回执已隐去部分个人信息，请妥善保管。", "centre")]
    return story


def _height(story: list[Flowable], width: float) -> float:
    total = 0.0
    for flowable in story:
        _, height = flowable.wrap(width, 10_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def render_receipt(receipt: Receipt, directory: Path, name: str = "receipt.pdf") -> Path:
    """Write the receipt into ``directory`` as one page 80 mm wide and as long as its content."""
    path = directory / name
    width = ROLL_WIDTH - 2 * MARGIN - 2 * FRAME_PADDING
    height = _height(_story(receipt), width) + 2 * MARGIN + 2 * FRAME_PADDING + 3 * mm
    document = SimpleDocTemplate(
        str(path),
        pagesize=(ROLL_WIDTH, height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title="自助立案回执",
        author="courtkiosk",
    )
    document.build(_story(receipt), canvasmaker=CjkCanvas)
    return path
