"""What voice mode reads when the receipt prints (A11Y-15), in zh_CN, en or ko.

Read into headphones, but still aloud in a public hall: the parties' names and ID numbers are left out.
The reference is spelt out character by character in groups, as a visitor would copy it down.
"""

from __future__ import annotations

from decimal import Decimal

from kiosk.documents.receipt import Receipt
from kiosk.domain.money import round_fen

_PHRASES: dict[str, dict[str, str]] = {
    "zh_CN": {
        "sent": "您的立案申请已提交法院。",
        "queued": "法院系统暂时无法连接。您的立案申请已保存在本机，恢复连接后会自动发送，无需重新提交。",
        "reference": "参考号：{reference}。",
        "court": "受理法院：{court}。",
        "cross_court": "这是跨域立案，由{kiosk_court}代为提交。",
        "case_type": "案件类型：{case_type}。",
        "amount": "请求金额：{amount}元。",
        "fee": "预估诉讼费：{fee}元，以法院交费通知为准。",
        "fee_range": "预估诉讼费在{low}元到{high}元之间，以法院交费通知为准。",
        "next": "法院将依法审查，符合条件的在七日内立案并通知您。请取走打印的回执，扫描回执上的二维码可以查询进度。",
    },
    "en": {
        "sent": "Your filing has been sent to the court.",
        "queued": "The court's system cannot be reached right now. Your filing is saved on this kiosk and will be "
        "sent automatically; you do not need to file again.",
        "reference": "Reference: {reference}.",
        "court": "Receiving court: {court}.",
        "cross_court": "This is a cross-court filing, submitted through {kiosk_court}.",
        "case_type": "Case type: {case_type}.",
        "amount": "Amount claimed: {amount} yuan.",
        "fee": "Estimated court fee: {fee} yuan. The court's fee notice is final.",
        "fee_range": "Estimated court fee: between {low} and {high} yuan. The court's fee notice is final.",
        "next": "The court reviews your filing and, if it meets the conditions, registers the case within seven "
        "days and lets you know. Please take your printed receipt; scan its QR code here to follow the progress.",
    },
    "ko": {
        "sent": "소장이 법원에 제출되었습니다.",
        "queued": "지금은 법원 시스템에 연결할 수 없습니다. 소장은 이 단말기에 저장되었으며 연결이 복구되면 자동으로 "
        "전송되므로 다시 제출할 필요가 없습니다.",
        "reference": "참조 번호: {reference}.",
        "court": "접수 법원: {court}.",
        "cross_court": "관할 외 접수이며 {kiosk_court}을 통해 제출되었습니다.",
        "case_type": "사건 유형: {case_type}.",
        "amount": "청구 금액: {amount}위안.",
        "fee": "예상 소송비용: {fee}위안. 법원의 납부 통지가 최종 기준입니다.",
        "fee_range": "예상 소송비용: {low}위안에서 {high}위안 사이. 법원의 납부 통지가 최종 기준입니다.",
        "next": "법원이 심사하여 요건을 갖춘 경우 7일 이내에 입안하고 알려 드립니다. 출력된 접수증을 가져가시고, "
        "접수증의 QR 코드를 이 단말기에서 스캔하면 진행 상황을 확인할 수 있습니다.",
    },
}
LANGUAGES = tuple(_PHRASES)


def spelt(reference: str) -> str:
    """K7Q2M-9XBD-4H0T → "K 7 Q 2 M, 9 X B D, 4 H 0 T": one character at a time, pausing at each group."""
    return ", ".join(" ".join(group) for group in reference.split("-"))


def spoken_amount(amount: Decimal) -> str:
    """97920 or 97920.50: digits a speech engine reads as a number, without separators."""
    rounded = round_fen(amount)
    return f"{rounded:.0f}" if rounded == rounded.to_integral_value() else f"{rounded:.2f}"


def spoken_summary(receipt: Receipt, language: str) -> list[str]:
    """The sentences to speak, in order; an unknown language falls back to zh_CN."""
    phrases = _PHRASES.get(language, _PHRASES["zh_CN"])
    lines = [phrases["queued" if receipt.queued else "sent"], phrases["reference"].format(reference=spelt(receipt.reference))]
    lines.append(phrases["court"].format(court=receipt.court.name))
    if receipt.cross_court and receipt.kiosk_court is not None:
        lines.append(phrases["cross_court"].format(kiosk_court=receipt.kiosk_court.name))
    lines.append(phrases["case_type"].format(case_type=receipt.case_type_name.get(language)))
    if receipt.claim_amount is not None:
        lines.append(phrases["amount"].format(amount=spoken_amount(receipt.claim_amount)))
    if receipt.fee.fee is not None:
        lines.append(phrases["fee"].format(fee=spoken_amount(receipt.fee.fee)))
    elif receipt.fee.range is not None:
        low, high = receipt.fee.range
        lines.append(phrases["fee_range"].format(low=spoken_amount(low), high=spoken_amount(high)))
    lines.append(phrases["next"])
    return lines
