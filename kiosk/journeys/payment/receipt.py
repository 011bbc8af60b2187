"""The payment receipt (缴费回执) on the 80 mm roll.

It is the visitor's proof that the court confirmed a payment: the case, each item and its amount,
the total in figures and in capital numerals, how it was paid, the court's payment reference and the
time the court settled it. It names no person. The official fee bill (票据) is issued by the court.
The receipt's data lives here, its layout in ``receipt_pdf`` (reportlab), imported when one is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from drivers.base import DeviceError, Printer

METHOD_NAMES = {"qr": "扫码支付", "wechat": "微信付款码", "alipay": "支付宝付款码", "unionpay": "银联付款码",
                "other": "付款码"}
NOTE = "本回执为缴费成功凭证，不作报销使用；诉讼费票据由法院依法开具。如有疑问，请持本回执到诉讼服务中心咨询。"


@dataclass(frozen=True)
class PaymentReceipt:
    """A payment the court has confirmed, as the receipt prints it."""

    court_name: str
    case_number: str
    items: tuple[tuple[str, Decimal], ...]
    amount: Decimal
    method: str
    reference: str
    paid_at: datetime
    kiosk_id: str


def print_receipt(receipt: PaymentReceipt, directory: Path, printer: Printer) -> None:
    """Render and print; a printer that fails says so with a key the visitor is shown."""
    from kiosk.journeys.payment import receipt_pdf  # noqa: PLC0415 - reportlab only when a receipt is printed

    outcome = printer.print_pdf(receipt_pdf.render(receipt, directory / "payment-receipt.pdf"), title="payment-receipt")
    if not outcome.completed:
        raise DeviceError("payment.error.receipt_not_printed", outcome.message_key)
