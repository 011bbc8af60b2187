"""Work-order journey data as the demo court gives it, for tests that render every step."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import LI
from kiosk.journeys.work_order.delivery import Delivery
from kiosk.journeys.work_order.form import Request


def sample_data(court: DemoCourt) -> dict[str, Any]:
    """A file-borrowing request with its slot, sent and answered; its slots; a problem and a bad code."""
    slots = court.appointment_slots(date.today() + timedelta(days=1), 14)
    case_number = court.cases_of_party(LI.id_number)[0].case_number
    request = Request(kind="file_borrowing", requester_name=LI.name, requester_id_number=LI.id_number,
                      phone="13800138000", case_number=case_number, message="请安排阅卷。", visitee="立案庭",
                      slot=slots[0])
    submission = request.submission("kiosk-test")
    court.submit_work_order(submission)
    order = court.reply_work_order(submission.reference, "已安排，请按时到档案阅览室。")
    return {"kind": "file_borrowing", "requester": (LI.name, LI.id_number), "request": request, "slots": slots,
            "slot_day": 1, "delivery": Delivery(submission, True, order, "北京市明湖区人民法院"), "order": order,
            "query": (submission.reference, True), "problem": "court.error.unavailable",
            "code_error": "work_order.error.not_a_slip"}
