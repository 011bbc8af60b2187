"""Driving a filing through the controller as a visitor would: the intents each screen offers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.complaints import QuestionKind
from kiosk.controller import KioskController
from kiosk.court.demo.seed import Person
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card


@dataclass(frozen=True)
class Company:
    """An organisation the visitor types in, with a valid unified social credit code."""

    name: str
    credit_code: str
    representative: str
    address: str
    phone: str = ""


PROPERTY_CO = Company("北京明湖物业管理有限公司", "91110108MA01ABCD3L", "赵建国", "北京市明湖区湖滨路1号", "010-55501234")
TRADING_CO = Company("北京青川商贸有限公司", "91110105MA02QC7T80", "钱志远", "北京市青川区青川大街8号")
ADDRESS = "北京市明湖区松林路8号"
TYPED_ANSWERS = {QuestionKind.DATE: "2023.05.01", QuestionKind.AMOUNT: "50000", QuestionKind.NUMBER: "5",
                 QuestionKind.TEXT: "双方多次协商未果。"}


@dataclass(frozen=True)
class Filing:
    """One visitor's filing: who reads their card, in which role, against whom, where, about what."""

    case_type: str
    visitor: Person
    role: str = "self"
    plaintiffs: tuple[Person | Company, ...] = ()
    defendants: tuple[Person | Company, ...] = ()
    third_parties: tuple[Person | Company, ...] = ()
    court_code: str = "京0191"
    yes: frozenset[str] = frozenset()
    evidence: tuple[tuple[str, int], ...] = (("identity", 1),)
    relief: str = "none"
    answers: dict[str, str] = field(default_factory=dict)


def at(controller: KioskController, step: str) -> Callable[[], bool]:
    return lambda: controller.flow.step == step


def draft(controller: KioskController) -> Any:
    """The journey's Draft."""
    return controller.visit.journeys["filing"]["draft"]


def typed(controller: KioskController, values: dict[str, str]) -> None:
    for field_id, value in values.items():
        controller.intent("edit_field", field=field_id, value=value)


def identify(controller: KioskController, loop: UiLoop, visitor: Person) -> None:
    """Start a visit, choose filing and lay the visitor's card on the reader."""
    controller.intent("start_visit")
    controller.intent("choose_filing")
    assert controller.flow.step == "filing_identity"
    present_card(controller, card_of(visitor))
    loop.pump(at(controller, "filing_confirm"))


def saved(controller: KioskController) -> None:
    controller.intent("save_party")
    assert controller.flow.step == "filing_parties", controller.visit.field_errors


def add_party(controller: KioskController, role: str, party: Person | Company, phone: str = "") -> None:
    controller.intent("add_party", role=role)
    if isinstance(party, Company):
        controller.intent("party_kind", kind="organisation")
        typed(controller, {"filing.party.name": party.name, "filing.party.credit_code": party.credit_code,
                           "filing.party.representative": party.representative,
                           "filing.party.address": party.address, "filing.party.phone": party.phone})
    else:
        controller.intent("party_kind", kind="person")
        typed(controller, {"filing.party.name": party.name, "filing.party.id_number": party.id_number,
                           "filing.party.address": ADDRESS, "filing.party.phone": phone})
    saved(controller)


def enter_parties(controller: KioskController, filing: Filing) -> None:
    """The visitor's role, then every party."""
    controller.intent("choose_role", role=filing.role)
    if filing.role == "self":
        typed(controller, {"filing.party.phone": "13800138000"})
        saved(controller)
    else:
        values = {"filing.agent.phone": "13900139000"}
        if filing.role == "lawyer":
            values |= {"filing.agent.licence": "11101200910123456", "filing.agent.law_firm": "北京明湖律师事务所"}
        typed(controller, values)
        controller.intent("submit_agent")
        assert controller.flow.step == "filing_parties", controller.visit.field_errors
    for role, parties in (("plaintiff", filing.plaintiffs), ("defendant", filing.defendants),
                          ("third_party", filing.third_parties)):
        for party in parties:
            add_party(controller, role, party, "13700137000" if role == "plaintiff" else "")


def answer_all(controller: KioskController, yes: frozenset[str] = frozenset(), answers: dict[str, str] | None = None) -> None:
    """Answer every question until the claim screen: yes/no by ``yes``, choices first option, typed kinds typical."""
    answers = answers or {}
    while controller.flow.step == "filing_question":
        question = draft(controller).interview.current
        if question.kind is QuestionKind.YES_NO:
            controller.intent("answer", value="yes" if question.id in yes or question.must_be else "no")
        elif question.kind is QuestionKind.CHOICE:
            controller.intent("answer", value=answers.get(question.id, question.options[0].value))
        else:
            typed(controller, {"filing.answer": answers.get(question.id, TYPED_ANSWERS[question.kind])})
            controller.intent("answer")
        assert draft(controller).answer_error is None, (question.id, draft(controller).answer_error)
    assert controller.flow.step == "filing_claim"


def scan_item(controller: KioskController, loop: UiLoop, slot: str, pages: int) -> None:
    """Open a new evidence item and photograph ``pages`` pages of it."""
    controller.intent("new_item", slot=slot)
    assert controller.flow.step == "filing_item"
    for _ in range(pages):
        controller.intent("capture")
        loop.pump(at(controller, "filing_item"))
        assert draft(controller).capture_error is None, draft(controller).capture_error
    controller.intent("item_done")
    assert controller.flow.step == "filing_evidence"


def to_review(controller: KioskController, loop: UiLoop, filing: Filing) -> None:
    """From the card on the reader to the review screen."""
    identify(controller, loop, filing.visitor)
    enter_parties(controller, filing)
    controller.intent("parties_done")
    loop.pump(at(controller, "filing_court"))
    controller.intent("choose_court", code=filing.court_code)
    controller.intent("choose_case_type", case_type=filing.case_type)
    answer_all(controller, filing.yes, filing.answers)
    controller.intent("set_relief", relief=filing.relief)
    controller.intent("claim_done")
    for slot, pages in filing.evidence:
        scan_item(controller, loop, slot, pages)
    controller.intent("evidence_done")
    assert controller.flow.step == "filing_review"
    assert draft(controller).review_error is None, draft(controller).review_error


def submit_and_print(controller: KioskController, loop: UiLoop) -> None:
    controller.intent("submit_filing")
    loop.pump(lambda: controller.flow.step in ("filing_done", "filing_print_problem"), timeout_s=30)
