"""The filing receipt (立案回执) on the 80 mm roll, and what voice mode reads of it.

The receipt leaves the building in a visitor's pocket, so personal data on it is masked (张**,
110105********2316); organisations are printed by name, which is public registration data. The QR
code carries only the kiosk reference (``kiosk.documents.receipt_code``), which the lookup journey
scans back. When the court could not be reached the filing waits in the outbox, and the receipt says
so and gives the local reference the court will know it by.

The receipt's data lives here, its PDF layout in ``receipt_pdf``, which imports reportlab: the filing
journey holds a receipt from the start of a visit, but renders one only at submission.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from kiosk.complaints import Complaint, LocalText, Party
from kiosk.complaints.compose import format_date
from kiosk.court.contract import Court, PersonParty
from kiosk.documents.receipt_code import encode_receipt_code
from kiosk.domain.fees import FeeEstimate
from kiosk.domain.masking import mask_id_number, mask_name
from kiosk.domain.money import format_yuan

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


def render_receipt(receipt: Receipt, directory: Path, name: str = "receipt.pdf") -> Path:
    """Write the receipt into ``directory`` as one page 80 mm wide and as long as its content."""
    from kiosk.documents import receipt_pdf  # noqa: PLC0415 - reportlab only when a receipt is rendered

    return receipt_pdf.render(receipt, directory / name)
