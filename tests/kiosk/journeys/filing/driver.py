"""Driving a filing through the controller as a visitor would: the intents each screen offers."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.complaints import Question, QuestionKind
from kiosk.controller import KioskController
from kiosk.court.demo.seed import LI, WANG, ZHANG
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card

#: A company the demo court does not know, with a valid unified social credit code.
COMPANY = {"name": "北京明湖物业管理有限公司", "credit_code": "91110108MA01ABCD3Q", "representative": "赵建国",
           "address": "北京市明湖区湖滨路1号"}
FACTS = "双方多次协商未果。"


def at(controller: KioskController, step: str) -> Callable[[], bool]:
    return lambda: controller.flow.step == step


def draft(controller: KioskController):  # noqa: ANN201 - the journey's Draft
    return controller.visit.journeys["filing"]["draft"]


def typed(controller: KioskController, values: dict[str, str]) -> None:
    for field_id, value in values.items():
        controller.intent("edit_field", field=field_id, value=value)


def identify(controller: KioskController, loop: UiLoop) -> None:
    """Start a visit, choose filing, lay Zhang's card on the reader and confirm."""
    controller.intent("start_visit")
    controller.intent("choose_filing")
    assert controller.flow.step == "filing_identity"
    present_card(controller, card_of(ZHANG))
    loop.pump(at(controller, "filing_confirm"))
    controller.intent("confirm_identity")


def file_in_person(controller: KioskController) -> None:
    """Zhang files for himself: his card fills the plaintiff form, he adds his phone."""
    controller.intent("choose_role", role="self")
    assert controller.flow.step == "filing_party"
    typed(controller, {"filing.party.phone": "13800138000"})
    controller.intent("save_party")
    assert controller.flow.step == "filing_parties", controller.visit.field_errors


def add_person(controller: KioskController, role: str, name: str, id_number: str, phone: str = "") -> None:
    controller.intent("add_party", role=role)
    controller.intent("party_kind", kind="person")
    typed(controller, {"filing.party.name": name, "filing.party.id_number": id_number,
                       "filing.party.address": "北京市明湖区松林路8号", "filing.party.phone": phone})
    controller.intent("save_party")
    assert controller.flow.step == "filing_parties", controller.visit.field_errors


def add_company(controller: KioskController, role: str) -> None:
    controller.intent("add_party", role=role)
    controller.intent("party_kind", kind="organisation")
    typed(controller, {"filing.party.name": COMPANY["name"], "filing.party.credit_code": COMPANY["credit_code"],
                       "filing.party.representative": COMPANY["representative"],
                       "filing.party.address": COMPANY["address"], "filing.party.phone": ""})
    controller.intent("save_party")
    assert controller.flow.step == "filing_parties", controller.visit.field_errors


def reach_courts(controller: KioskController, loop: UiLoop) -> None:
    controller.intent("parties_done")
    loop.pump(lambda: controller.flow.step in ("filing_court", "filing_problem"))


def answer_for(question: Question) -> tuple[str, str | None]:
    """(intent, value) answering ``question`` plausibly: typed kinds go through the answer field."""
    if question.kind is QuestionKind.YES_NO:
        return "answer", "yes" if question.must_be else "no"
    if question.kind is QuestionKind.CHOICE:
        return "answer", question.options[0].value
    return "answer", None


TYPED_ANSWERS = {QuestionKind.DATE: "2023.05.01", QuestionKind.AMOUNT: "50000", QuestionKind.NUMBER: "5",
                 QuestionKind.TEXT: FACTS}


def answer_all(controller: KioskController, overrides: dict[str, str] | None = None) -> None:
    """Answer every question until the claim screen; ``overrides`` by question id."""
    overrides = overrides or {}
    while controller.flow.step == "filing_question":
        question = draft(controller).interview.current
        intent, value = answer_for(question)
        if question.id in overrides:
            value = overrides[question.id]
        if value is None or question.kind not in (QuestionKind.YES_NO, QuestionKind.CHOICE):
            typed(controller, {"filing.answer": value or TYPED_ANSWERS[question.kind]})
            controller.intent(intent)
        else:
            controller.intent(intent, value=value)
        refusal = draft(controller).answer_error
        assert refusal is None, (question.id, refusal)
    assert controller.flow.step == "filing_claim"


def scan_item(controller: KioskController, loop: UiLoop, slot: str, pages: int) -> None:
    """Open a new evidence item and photograph ``pages`` pages of it."""
    controller.intent("new_item", slot=slot)
    assert controller.flow.step == "filing_item"
    for _ in range(pages):
        controller.intent("capture")
        loop.pump(at(controller, "filing_item"))
        assert draft(controller).capture_error is None
    controller.intent("item_done")
    assert controller.flow.step == "filing_evidence"


def submit_and_print(controller: KioskController, loop: UiLoop) -> None:
    controller.intent("submit_filing")
    loop.pump(lambda: controller.flow.step in ("filing_done", "filing_print_problem"), timeout_s=30)

