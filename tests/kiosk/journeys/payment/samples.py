"""Payment journey data as the demo court gives it, for tests that render every step."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import numpy as np

from kiosk.court import contract as c
from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import ZHANG
from kiosk.journeys.payment.receipt import PaymentReceipt


def sample_data(court: DemoCourt) -> dict[str, Any]:
    """Everything any payment step may show: cases, items (due and paid), a pending order, a payment, a relief."""
    cases = court.cases_of_party(ZHANG.id_number)
    number = next(case.case_number for case in cases if "民初1024" in case.case_number)
    items = court.fee_items(number)
    paid_item = items[0].model_copy(update={"item_id": "F9999", "status": "paid"})
    order = court.create_payment_order(c.PaymentOrderRequest.new("kiosk-dev", case_number=number,
                                                                 item_ids=[i.item_id for i in items]))
    receipt = PaymentReceipt(court_name=court.info().court.name, case_number=number,
                             items=tuple((i.description, i.amount) for i in items), amount=order.amount,
                             method="wechat", reference="Q20000001", paid_at=datetime.now(timezone.utc),
                             kiosk_id="kiosk-dev")
    return {"query": ("case", number), "cases": cases, "case_number": number, "items": [*items, paid_item],
            "chosen": [items[0].item_id], "court_name": receipt.court_name, "order": order,
            "poll_trouble": "court.error.unavailable", "code_error": "payment.error.code_length",
            "paid": receipt, "problem": "court.error.unavailable", "resume": "payment_charging",
            "applicant": {"name": ZHANG.name, "id_number": ZHANG.id_number}, "relief_kind": "waiver",
            "pages": [np.zeros((4, 3), np.uint8)], "capture_error": "payment.error.capture_blurred",
            "relief_reference": "K1234-5678-9ABC", "relief_pages": 2}
