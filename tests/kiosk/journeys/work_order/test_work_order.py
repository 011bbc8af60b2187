"""Work orders from attract to the printed slip, and the slip's QR code read back later for the reply."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from kiosk.controller import KioskController
from kiosk.court.demo.seed import LI, ZHANG
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from kiosk.court.sender import OutboxSender
from kiosk.journeys.work_order.form import FIELDS
from kiosk.journeys.work_order.slip_code import decode_slip_code
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card, printed_text
from tests.kiosk.journeys.lookup.test_lookup import broken_court, closed_port  # noqa: F401 - the fixture

MESSAGE = "请问下次开庭时间能否延后一周？"
#: What each kind's form asks, as the visitor types it.
FORMS = {
    "contact_judge": {"work_order.phone": "138 0013 8000", "work_order.message": MESSAGE},
    "complaint_suggestion": {"work_order.phone": "010-68881234", "work_order.message": "建议导诉台增加座椅。"},
    "file_borrowing": {"work_order.phone": "13800138000"},
    "visitor_reception": {"work_order.visitee": "立案庭", "work_order.phone": "13800138000",
                          "work_order.message": "咨询调解进展。"},
}


def at(controller: KioskController, step: str):
    return lambda: controller.flow.step == step


def journey(controller: KioskController) -> dict:
    return controller.visit.journeys["work_order"]


def a_case_of(controller: KioskController, person=LI) -> str:
    return controller.services.court.cases_of_party(person.id_number)[0].case_number


def type_in(controller: KioskController, values: dict[str, str]) -> None:
    for field_id, value in values.items():
        controller.intent("edit_field", field=field_id, value=value)


def fill_in_and_send(controller: KioskController, loop: UiLoop, kind: str) -> None:
    """From the form to the done step: each field in turn, (a slot), review, send, print."""
    values = dict(FORMS[kind])
    if kind in ("contact_judge", "file_borrowing"):
        values["work_order.case_number"] = a_case_of(controller).replace("（", "(").replace("）", ")")
    for field_id in FIELDS[kind]:
        assert [f.field_id for f in controller.model().fields] == [field_id]
        type_in(controller, {field_id: values[field_id]})
        controller.intent("submit")
    if kind == "file_borrowing":
        loop.pump(at(controller, "work_order_slots"))
        slot = next(a for a in controller.model().actions if a.intent == "choose_slot" and a.enabled)
        controller.intent("choose_slot", **slot.params)
    assert controller.flow.step == "work_order_review"
    controller.intent("send_work_order")
    loop.pump(at(controller, "work_order_done"))


def slip_pdf(controller: KioskController) -> Path:
    printer = controller.devices.slots["receipt_printer"].driver
    return max(Path(printer.output_dir).glob("*.pdf"), key=lambda p: p.stat().st_mtime)  # type: ignore[union-attr]


def qr_of(pdf: Path, tmp_path: Path) -> str:
    """The slip's QR code as a phone or the kiosk's scanner sees it: the printed page rendered at 200 dpi."""
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(pdf), str(tmp_path / "slip")], check=True)
    found = zxingcpp.read_barcodes(Image.open(next(tmp_path.glob("slip*.png"))),
                                   formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1
    return found[0].text


def start_work_order(controller: KioskController, kind: str) -> None:
    controller.intent("start_visit")
    controller.intent("choose_work_order")
    assert controller.flow.step == "work_order_menu"
    controller.intent("choose_kind", kind=kind)


@pytest.mark.parametrize("kind", sorted(FORMS))
def test_each_kind_prints_a_slip_whose_qr_later_shows_the_reply(
        controller: KioskController, loop: UiLoop, tmp_path: Path, kind: str) -> None:
    start_work_order(controller, kind)
    assert controller.flow.step == "work_order_card"
    present_card(controller, card_of(LI))
    loop.pump(at(controller, "work_order_form"))
    fill_in_and_send(controller, loop, kind)

    delivery = journey(controller)["delivery"]
    order = delivery.order
    assert delivery.delivered and order is not None and order.kind == kind
    assert journey(controller)["printed"]
    slip = printed_text(controller, "receipt_printer")
    assert order.tracking_number in slip and delivery.submission.reference in slip
    assert "答复时限" in slip and LI.name not in slip and "李**" in slip
    assert MESSAGE not in slip
    sent = controller.services.court.work_order(order.tracking_number)
    assert sent.state == "received"
    code = qr_of(slip_pdf(controller), tmp_path)
    assert decode_slip_code(code) == delivery.submission.reference

    controller.intent("finish")
    controller.intent("rate", score=4)
    assert controller.flow.step == "attract"
    controller.services.court.reply_work_order(order.tracking_number, "已转承办法官，下周前电话回复。")
    controller.intent("start_visit")
    controller.intent("choose_work_order")
    controller.intent("track")
    controller.devices.slots["scanner"].driver.present(code)  # type: ignore[union-attr]
    loop.pump(at(controller, "work_order_progress"))
    shown = journey(controller)["order"]
    assert shown.tracking_number == order.tracking_number and shown.state == "replied"
    keys = [t.key for t in controller.model().body]
    assert "work_order.row.reply" in keys


def test_a_card_read_earlier_in_the_visit_identifies_the_requester(controller: KioskController, loop: UiLoop) -> None:
    controller.intent("start_visit")
    controller.intent("choose_lookup")
    controller.intent("by_card")
    present_card(controller, card_of(ZHANG))
    loop.pump(at(controller, "lookup_cases"))
    controller.intent("go_home")
    controller.intent("choose_work_order")
    controller.intent("choose_kind", kind="contact_judge")
    assert controller.flow.step == "work_order_form"
    assert journey(controller)["requester"] == (ZHANG.name, ZHANG.id_number)


def test_refused_fields_say_why_keep_what_was_typed_and_back_goes_field_by_field(
        controller: KioskController, loop: UiLoop) -> None:
    start_work_order(controller, "contact_judge")
    present_card(controller, card_of(LI))
    loop.pump(at(controller, "work_order_form"))
    type_in(controller, {"work_order.case_number": "（2024）京民初号", "work_order.phone": "12345"})
    controller.intent("submit")
    (field,) = controller.model().fields
    assert field.field_id == "work_order.case_number" and field.value == "（2024）京民初号"
    assert field.error is not None and field.error.key == "work_order.error.case_number_invalid"
    type_in(controller, {"work_order.case_number": a_case_of(controller)})
    controller.intent("submit")
    controller.intent("submit")
    (field,) = controller.model().fields
    assert field.field_id == "work_order.phone" and field.value == "12345"
    assert field.error is not None and field.error.key == "work_order.error.phone_invalid"
    controller.intent("back")
    assert [f.field_id for f in controller.model().fields] == ["work_order.case_number"]
    controller.intent("back")
    assert controller.flow.step == "work_order_menu"


def test_typing_the_tracking_number_shows_progress_but_keeps_the_reply_for_the_slip(
        controller: KioskController, loop: UiLoop) -> None:
    start_work_order(controller, "complaint_suggestion")
    present_card(controller, card_of(LI))
    loop.pump(at(controller, "work_order_form"))
    fill_in_and_send(controller, loop, "complaint_suggestion")
    order = journey(controller)["delivery"].order
    controller.services.court.reply_work_order(order.tracking_number, "感谢建议，已增设座椅。")
    controller.intent("back")
    controller.intent("track")
    controller.intent("edit_field", field="work_order.tracking_number", value=order.tracking_number.lower())
    controller.intent("submit")
    loop.pump(at(controller, "work_order_progress"))
    keys = [t.key for t in controller.model().body]
    assert "work_order.body.reply_with_slip" in keys and "work_order.row.reply" not in keys


def test_a_code_that_is_not_a_slip_is_refused_on_screen(controller: KioskController, loop: UiLoop) -> None:
    controller.intent("start_visit")
    controller.intent("choose_work_order")
    controller.intent("track")
    controller.devices.slots["scanner"].driver.present("CKR1:K1234-5678-9ABC:00")  # type: ignore[union-attr]
    loop.pump(lambda: "code_error" in controller.visit.journeys.get("work_order", {}))
    assert controller.flow.step == "work_order_track"
    assert any(t.key == "work_order.error.not_a_slip" for t in controller.model().body)


def test_a_court_out_of_reach_queues_the_work_order_and_the_slip_says_so(
        controller: KioskController, loop: UiLoop, tmp_path: Path) -> None:
    services = controller.services
    services.sender.stop()
    services.sender = OutboxSender(services.outbox, HttpCourtGateway(closed_port(), HttpOptions(retries=0)))
    services.sender.start()
    start_work_order(controller, "contact_judge")
    present_card(controller, card_of(LI))
    loop.pump(at(controller, "work_order_form"))
    fill_in_and_send(controller, loop, "contact_judge")
    delivery = journey(controller)["delivery"]
    assert not delivery.delivered and delivery.order is None
    assert [item.reference for item in services.outbox.pending()] == [delivery.submission.reference]
    slip = printed_text(controller, "receipt_printer")
    assert "已保存，待发送" in slip and delivery.submission.reference in slip
    assert decode_slip_code(qr_of(slip_pdf(controller), tmp_path)) == delivery.submission.reference
    assert any(t.key == "work_order.body.queued" for t in controller.model().body)


@pytest.mark.parametrize("court", ["garbage", "down"])
def test_a_court_failing_mid_journey_is_explained_and_nothing_typed_is_lost(
        controller: KioskController, loop: UiLoop, broken_court: str, court: str) -> None:  # noqa: F811
    start_work_order(controller, "file_borrowing")
    present_card(controller, card_of(LI))
    loop.pump(at(controller, "work_order_form"))
    case_number = a_case_of(controller)
    type_in(controller, {"work_order.case_number": case_number, "work_order.phone": "13800138000"})
    controller.intent("submit")
    demo = controller.services.court
    url = broken_court if court == "garbage" else closed_port()
    controller.services.court = HttpCourtGateway(url, HttpOptions(connect_timeout_s=0.5, read_timeout_s=1, retries=0))
    controller.intent("submit")
    loop.pump(at(controller, "work_order_problem"))
    expected = "court.error.malformed" if court == "garbage" else "court.error.unavailable"
    assert journey(controller)["problem"] == expected
    assert controller.model().body[0].key == expected
    controller.intent("back")
    assert controller.flow.step == "work_order_form"
    assert [(f.field_id, f.value) for f in controller.model().fields] == [("work_order.phone", "13800138000")]
    assert controller.visit.fields["work_order.case_number"] == case_number
    controller.services.court = demo
    controller.intent("submit")
    loop.pump(at(controller, "work_order_slots"))
