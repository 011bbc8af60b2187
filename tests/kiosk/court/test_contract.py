"""One contract suite, run against the demo court in-process and the HTTP client against court-sim."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from kiosk.court import contract as c
from kiosk.court import errors
from kiosk.court.demo.seed import LI, WANG, ZHANG, ZHAO
from kiosk.court.errors import CourtRejected
from kiosk.court.gateway import CourtGateway
from tests.kiosk.court.conftest import Hooks
from tests.kiosk.court.samples import filing, work_order

KIOSK = "kiosk-test-01"


def year(gateway: CourtGateway) -> int:
    return gateway.info().server_time.year


def test_info_names_this_court_and_the_contract_version(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    info = gateway.info()
    assert info.contract_version == c.CONTRACT_VERSION
    assert info.court.this_court and info.court.code == "京0191"


def test_courts_list_this_court_first_and_at_least_five(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    courts = gateway.courts()
    assert len(courts) >= 5
    assert courts[0].this_court and sum(x.this_court for x in courts) == 1


def test_public_view_hides_parties_deadlines_and_fees(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    view = gateway.case(f"({year(gateway)})京0191民初1024号")
    assert view.detail == "public"
    assert view.parties == [] and view.deadlines == [] and view.fees_due is None
    assert view.judge_team[0].role == "presiding_judge" and view.clerk
    assert all(hearing.public for hearing in view.hearings)


def test_party_view_shows_masked_parties_hearings_deadlines_and_fees(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    view = gateway.case(f"（{year(gateway)}）京0191民初1187号", ZHAO.id_number)
    assert view.detail == "party"
    assert [p.is_you for p in view.parties] == [False, True]
    you = view.parties[1]
    assert you.id_number_masked == ZHAO.id_number[:6] + "********" + ZHAO.id_number[-4:]
    assert view.hearings and view.deadlines
    assert view.fees_due == Decimal("6070.00")


def test_a_stranger_is_not_a_party_and_an_unknown_case_is_not_found(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    with pytest.raises(CourtRejected) as stranger:
        gateway.case(f"（{year(gateway)}）京0191民初1187号", LI.id_number)
    assert stranger.value.message_key == errors.NOT_A_PARTY
    with pytest.raises(CourtRejected) as unknown:
        gateway.case("（2001）京0191民初1号")
    assert unknown.value.message_key == errors.CASE_NOT_FOUND


def test_cases_of_a_party_across_courts(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    cases = gateway.cases_of_party(ZHANG.id_number)
    assert {case.court_code for case in cases} == {"京0191", "京05"}
    assert {case.stage for case in cases} >= {"in_trial", "enforcement"}
    assert gateway.cases_of_party("110101190001011237") == []


def test_served_documents_are_printed_and_the_print_is_recorded(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    number = f"（{year(gateway)}）京0191民初877号"
    documents = gateway.served_documents(number, LI.id_number)
    assert [d.title for d in documents] == ["民事判决书"]
    pdf = gateway.document_pdf(documents[0].document_id, LI.id_number)
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= 1
    record = c.PrintRecord.new(KIOSK, id_number=LI.id_number, copies=2, printed_at=c.utc_now())
    first = gateway.record_print(documents[0].document_id, record)
    again = gateway.record_print(documents[0].document_id, record)
    assert first.printed_count == again.printed_count == documents[0].printed_count + 2
    with pytest.raises(CourtRejected) as other:
        gateway.document_pdf(documents[0].document_id, WANG.id_number)
    assert other.value.message_key == errors.DOCUMENT_NOT_FOUND


def test_payment_by_qr_order_once_per_key_then_paid(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, hooks = court
    number = f"（{year(gateway)}）京0191民初1024号"
    items = {item.item_id: item for item in gateway.fee_items(number)}
    assert items["F1001"].status == "due" and items["F1001"].amount == Decimal("2300.00")
    request = c.PaymentOrderRequest.new(KIOSK, case_number=number, item_ids=["F1001"])
    order = gateway.create_payment_order(request)
    assert gateway.create_payment_order(request).order_id == order.order_id
    assert order.status == "pending" and order.amount == Decimal("2300.00") and order.qr_payload
    assert order.expires_at > order.created_at
    hooks.settle(order.order_id, "paid")
    assert gateway.payment_order(order.order_id).status == "paid"
    assert gateway.cancel_payment_order(order.order_id).status == "paid"
    assert {i.item_id: i.status for i in gateway.fee_items(number)}["F1001"] == "paid"


@pytest.mark.parametrize("outcome", ["cancelled", "expired"])
def test_payment_orders_cancelled_or_expired_leave_the_fee_due(
    court: tuple[CourtGateway, Hooks], outcome: str
) -> None:
    gateway, hooks = court
    number = f"（{year(gateway)}）京0191民初1420号"
    order = gateway.create_payment_order(c.PaymentOrderRequest.new(KIOSK, case_number=number, item_ids=["F1007"]))
    if outcome == "cancelled":
        assert gateway.cancel_payment_order(order.order_id).status == "cancelled"
    else:
        hooks.settle(order.order_id, "expired")
    assert gateway.payment_order(order.order_id).status == outcome
    assert gateway.fee_items(number)[0].status == "due"


def test_payer_code_payment_charges_once_and_declines_the_demo_code(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    number = f"（{year(gateway)}）京0191民初1187号"
    declined = gateway.pay_with_payer_code(c.PayerCodePaymentRequest.new(
        KIOSK, case_number=number, item_ids=["F1004"], payer_code="134567890123450000"))
    assert declined.status == "declined" and declined.message_key == errors.PAYER_CODE_DECLINED
    request = c.PayerCodePaymentRequest.new(KIOSK, case_number=number, item_ids=["F1004"],
                                            payer_code="281234567890123456")
    paid = gateway.pay_with_payer_code(request)
    assert (paid.status, paid.channel, paid.amount) == ("paid", "alipay", Decimal("1520.00"))
    assert gateway.pay_with_payer_code(request).payment_id == paid.payment_id
    with pytest.raises(CourtRejected) as again:
        gateway.pay_with_payer_code(c.PayerCodePaymentRequest.new(
            KIOSK, case_number=number, item_ids=["F1004"], payer_code="281234567890123456"))
    assert again.value.message_key == errors.FEE_ITEM_NOT_PAYABLE


def test_filing_is_deduplicated_and_its_status_follows_the_court(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, hooks = court
    submission = filing(KIOSK)
    receipt = gateway.submit_filing(submission)
    assert gateway.submit_filing(submission) == receipt
    assert (receipt.reference, receipt.status) == (submission.reference, "received")
    assert gateway.filing_status(submission.reference).status == "received"
    hooks.decide_filing(submission.reference, True)
    status = gateway.filing_status(submission.reference)
    assert status.status == "accepted" and status.case_number and "京0191民初" in status.case_number


def test_filing_conflicts_and_refusals(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    submission = filing(KIOSK)
    gateway.submit_filing(submission)
    changed = submission.model_copy(update={"claim_amount": Decimal("1.00")})
    with pytest.raises(CourtRejected) as conflict:
        gateway.submit_filing(changed)
    assert conflict.value.message_key == errors.IDEMPOTENCY_CONFLICT
    with pytest.raises(CourtRejected) as no_cross:
        gateway.submit_filing(filing(KIOSK, court_code="京0194"))
    assert no_cross.value.message_key == errors.NO_CROSS_COURT
    with pytest.raises(CourtRejected) as unknown:
        gateway.filing_status(c.new_reference())
    assert unknown.value.message_key == errors.FILING_NOT_FOUND


def test_cross_court_filing_is_received_by_the_other_court(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    assert gateway.submit_filing(filing(KIOSK, court_code="京0192")).receiving_court_code == "京0192"


def test_fee_relief_application(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    application = c.FeeReliefApplication.new(
        KIOSK, kind="waiver", case_number=f"（{year(gateway)}）京0191民初1420号", applicant_name=LI.name,
        applicant_id_number=LI.id_number, reason="低保户，无力交纳", proof_pages=[b"\x89PNG fake page"])
    receipt = gateway.submit_fee_relief(application)
    assert receipt.reference == application.reference
    assert gateway.submit_fee_relief(application) == receipt


@pytest.mark.parametrize("kind", ["contact_judge", "complaint_suggestion", "file_borrowing", "visitor_reception"])
def test_work_orders_get_a_tracking_number_a_time_limit_and_progress(
    court: tuple[CourtGateway, Hooks], kind: str
) -> None:
    gateway, hooks = court
    slot = None
    if kind == "file_borrowing":
        slots = gateway.appointment_slots(date.today() + timedelta(days=1), 7)
        assert slots and all(s.remaining > 0 for s in slots)
        slot = slots[0].slot_id
    submission = work_order(KIOSK, kind, case_number=f"（{year(gateway)}）京0191民初1024号", slot_id=slot)
    receipt = gateway.submit_work_order(submission)
    assert gateway.submit_work_order(submission) == receipt
    assert receipt.due_at - receipt.received_at == timedelta(hours=receipt.time_limit_hours)
    by_tracking = gateway.work_order(receipt.tracking_number)
    assert by_tracking.state == "received" and not by_tracking.overdue
    assert gateway.work_order(submission.reference).tracking_number == receipt.tracking_number
    hooks.reply_work_order(receipt.tracking_number, "已转承办法官，请留意电话。")
    replied = gateway.work_order(receipt.tracking_number)
    assert replied.state == "replied" and replied.reply and len(replied.progress) == 3
    if slot is not None:
        assert next(s for s in gateway.appointment_slots(slots[0].starts_at.date(), 1)
                    if s.slot_id == slot).remaining == slots[0].remaining - 1


def test_unknown_work_order(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    with pytest.raises(CourtRejected) as unknown:
        gateway.work_order("GD202001010001")
    assert unknown.value.message_key == errors.WORK_ORDER_NOT_FOUND


def test_queue_tickets_with_and_without_priority(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, hooks = court
    request = c.QueueTicketRequest.new(KIOSK, service="consultation")
    normal = gateway.take_queue_ticket(request)
    assert gateway.take_queue_ticket(request).ticket_id == normal.ticket_id
    assert normal.number.startswith("B") and normal.people_ahead >= 2
    elderly = gateway.take_queue_ticket(c.QueueTicketRequest.new(KIOSK, service="consultation", priority="elderly"))
    assert elderly.number.startswith("VB") and elderly.people_ahead == 0
    assert gateway.queue_ticket(normal.ticket_id).people_ahead == normal.people_ahead + 1
    hooks.call_next("consultation")
    assert gateway.queue_ticket(elderly.ticket_id).state == "called"
    assert gateway.queue_ticket(normal.ticket_id).people_ahead == normal.people_ahead


def test_rating_and_heartbeat_are_acknowledged(court: tuple[CourtGateway, Hooks]) -> None:
    gateway, _ = court
    rating = c.RatingSubmission.new(KIOSK, score=5, reasons=["fast", "clear_voice"], journey="lookup")
    assert gateway.submit_rating(rating) == gateway.submit_rating(rating)
    beat = c.Heartbeat(kiosk_id=KIOSK, sent_at=c.utc_now(), software_version="0.1.0",
                       contract_version=c.CONTRACT_VERSION, devices={"printer": "ok", "id_reader": "degraded"},
                       outbox_depth=3)
    assert gateway.heartbeat(beat).received_at
