"""The filing's steps one by one: refusals with reasons, nothing lost on Back, edits from the review, printing again."""

from __future__ import annotations

from kiosk.controller import KioskController
from kiosk.court.demo.seed import LI, WANG, ZHANG
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.filing.driver import (
    TRADING_CO,
    Filing,
    add_party,
    at,
    draft,
    enter_parties,
    identify,
    submit_and_print,
    to_review,
    typed,
)
from tests.kiosk.journeys.filing.test_filing import flat
from tests.kiosk.journeys.conftest import printed_text

FILING = Filing("private_lending", ZHANG, defendants=(WANG,))


def body_keys(controller: KioskController) -> list[str]:
    return [t.key for t in controller.model().body]


def test_a_typed_id_number_is_checked_kept_when_wrong_and_shown_masked_to_confirm(controller: KioskController) -> None:
    controller.intent("start_visit")
    controller.intent("choose_filing")
    assert "ask_help-identity" in {a.widget_id for a in controller.model().actions}
    controller.intent("type_id")
    wrong = ZHANG.id_number[:-1] + ("0" if ZHANG.id_number[-1] != "0" else "1")
    typed(controller, {"filing.id_number": wrong, "filing.visitor_name": ZHANG.name})
    controller.intent("submit_identity")
    assert controller.flow.step == "filing_id_typed"
    fields = {f.field_id: f for f in controller.model().fields}
    assert fields["filing.id_number"].value == wrong and fields["filing.id_number"].private
    assert fields["filing.id_number"].error is not None
    assert fields["filing.id_number"].error.key == "filing.error.id.check_character"
    typed(controller, {"filing.id_number": ZHANG.id_number})
    controller.intent("submit_identity")
    assert controller.flow.step == "filing_confirm"
    rows = {t.key: t.params.get("value") for t in controller.model().body}
    assert rows["filing.row.id_number"] == "110105********2317" and rows["filing.row.name"] == "张**"
    assert {a.params["role"] for a in controller.model().actions} == {"self", "lawyer", "relative", "colleague"}


def test_parties_need_both_sides_and_can_be_edited_and_removed(controller: KioskController, loop: UiLoop) -> None:
    identify(controller, loop, ZHANG)
    enter_parties(controller, Filing("private_lending", ZHANG))
    controller.intent("parties_done")
    assert controller.flow.step == "filing_parties" and "filing.error.parties_missing" in body_keys(controller)
    controller.intent("add_party", role="defendant")
    controller.intent("party_kind", kind="organisation")
    typed(controller, {"filing.party.name": TRADING_CO.name, "filing.party.credit_code": "91110105MA02QC7T81",
                       "filing.party.representative": TRADING_CO.representative, "filing.party.address": TRADING_CO.address})
    controller.intent("save_party")
    errors = {f.field_id: f.error.key for f in controller.model().fields if f.error}
    assert errors == {"filing.party.credit_code": "filing.error.credit_code.check_character"}
    typed(controller, {"filing.party.credit_code": TRADING_CO.credit_code})
    controller.intent("save_party")
    add_party(controller, "third_party", LI)
    controller.intent("edit_party", index=2)
    assert any(t.key == "filing.body.derived" for t in controller.model().body)  # sex and birth from the number
    typed(controller, {"filing.party.address": "北京市青川区柳荫街3号"})
    controller.intent("save_party")
    assert draft(controller).parties[2].address == "北京市青川区柳荫街3号"
    controller.intent("remove_party", index=2)
    assert [p.role for p in draft(controller).parties] == ["plaintiff", "defendant"]
    controller.intent("parties_done")
    loop.pump(at(controller, "filing_court"))


def test_answers_are_refused_with_a_reason_and_back_keeps_them(controller: KioskController, loop: UiLoop) -> None:
    identify(controller, loop, ZHANG)
    enter_parties(controller, FILING)
    controller.intent("parties_done")
    loop.pump(at(controller, "filing_court"))
    controller.intent("choose_court", code="京0191")
    controller.intent("choose_case_type", case_type="private_lending")
    typed(controller, {"filing.answer": "2099.01.01"})
    controller.intent("answer")
    refusal = draft(controller).answer_error
    assert refusal.key == "complaints.answer.date_in_future" and "today" in refusal.params
    assert controller.model().fields[0].value == "2099.01.01"
    typed(controller, {"filing.answer": "2023.5.1"})
    controller.intent("answer")
    typed(controller, {"filing.answer": "20000"})
    controller.intent("answer")
    controller.intent("answer", value="cash")
    controller.intent("back")
    controller.intent("back")
    assert draft(controller).interview.current.id == "principal"
    assert controller.model().fields[0].value == "20000.00"
    controller.intent("back")
    assert controller.model().fields[0].value == "20230501"
    controller.intent("back")
    assert controller.flow.step == "filing_case_type"
    controller.intent("choose_case_type", case_type="private_lending")
    assert draft(controller).interview.answers["principal"] == 20000


def test_a_required_yes_is_refused_with_the_templates_explanation(controller: KioskController, loop: UiLoop) -> None:
    identify(controller, loop, ZHANG)
    enter_parties(controller, FILING)
    controller.intent("parties_done")
    loop.pump(at(controller, "filing_court"))
    controller.intent("choose_court", code="京0191")
    controller.intent("choose_case_type", case_type="labour_dispute")
    assert draft(controller).interview.current.id == "arbitration_done"
    controller.intent("answer", value="no")
    keys = body_keys(controller)
    assert "complaints.answer.refused" in keys and keys[-1] == "text.plain"


def test_blank_and_blurred_pages_are_refused_with_the_reason_and_pages_can_be_retaken_or_deleted(
        controller: KioskController, loop: UiLoop) -> None:
    to_review(controller, loop, FILING)
    controller.intent("edit_evidence")
    camera = controller.devices.slots["camera"].driver
    controller.intent("new_item", slot="other")
    controller.intent("item_done")
    assert draft(controller).capture_error == "filing.error.no_pages"
    for scenario, reason in (("blank", "capture.blank"), ("blurred", "capture.blurred"), ("no_page", "capture.no_page_found")):
        camera.set_scenario(scenario)  # type: ignore[union-attr]
        controller.intent("capture")
        loop.pump(at(controller, "filing_item"))
        assert draft(controller).capture_error == reason and reason in body_keys(controller)
    camera.set_scenario("multi_page")  # type: ignore[union-attr]
    for _ in range(3):
        controller.intent("capture")
        loop.pump(at(controller, "filing_item"))
    item = draft(controller).evidence[-1]
    first, second = item.pages[0], item.pages[1]
    controller.intent("retake_page", index=0)
    loop.pump(at(controller, "filing_item"))
    assert item.pages[0] != first and not first.exists() and item.pages[1] == second
    controller.intent("delete_page", index=1)
    assert len(item.pages) == 2 and not second.exists()
    controller.intent("rename_item")
    typed(controller, {"filing.evidence.name": "银行流水"})
    controller.intent("save_item_name")
    controller.intent("item_done")
    controller.intent("evidence_done")
    assert controller.flow.step == "filing_review"
    assert "银行流水" in [line.name for line in draft(controller).complaint.evidence]


def test_each_part_is_edited_from_the_review_and_returns_to_it(controller: KioskController, loop: UiLoop) -> None:
    to_review(controller, loop, FILING)
    controller.intent("edit_parties")
    add_party(controller, "defendant", LI)
    controller.intent("parties_done")
    assert controller.flow.step == "filing_review" and draft(controller).complaint.copies == 3
    controller.intent("edit_court")
    loop.pump(at(controller, "filing_court"))
    controller.intent("choose_court", code="京0193")
    assert controller.flow.step == "filing_review" and draft(controller).complaint.court.code == "京0193"
    controller.intent("edit_answers")
    typed(controller, {"filing.answer": "2023.06.01"})
    controller.intent("answer")
    for _ in range(len(draft(controller).interview.visible())):
        question = draft(controller).interview.current
        if question is None:
            break
        kept = draft(controller).interview.stored(question.id)
        value = {True: "yes", False: "no"}.get(kept, kept) if isinstance(kept, bool | str) else None
        controller.intent("answer", **({"value": value} if question.kind.value in ("yes_no", "choice") else {}))
        assert draft(controller).answer_error is None, (question.id, draft(controller).answer_error)
    controller.intent("claim_done")
    assert controller.flow.step == "filing_review"
    assert "2023年6月1日" in draft(controller).complaint.facts_and_reasons


def test_a_printer_failing_mid_job_is_printed_again_without_a_second_receipt(controller: KioskController, loop: UiLoop) -> None:
    to_review(controller, loop, FILING)
    a4 = controller.devices.slots["a4_printer"].driver
    a4.set_scenario("paper_runs_out_mid_job")  # type: ignore[union-attr]
    submit_and_print(controller, loop)
    assert controller.flow.step == "filing_print_problem"
    assert body_keys(controller)[:2] == ["filing.error.print_failed", "filing.body.print_problem"]
    a4.set_scenario("ready")  # type: ignore[union-attr]
    loop.pump(lambda: controller.devices.slots["a4_printer"].status.working)
    controller.intent("print_again")
    loop.pump(at(controller, "filing_done"))
    receipts = controller.devices.slots["receipt_printer"].driver.printed()  # type: ignore[union-attr]
    assert len(receipts) == 1 and len(a4.printed()) == 1  # type: ignore[union-attr]
    assert ZHANG.id_number in flat(printed_text(controller, "a4_printer"))
