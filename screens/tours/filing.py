"""The filing journey's screens, reached by touch: card, typed number, role, parties, court, questions, evidence.

Every field is typed on the on-screen keyboards; the court is briefly unreachable so the problem screen
shows, and the filing ends printed. The card is lifted again at the end, so the next tour can lay its own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from kiosk.complaints import QuestionKind
from kiosk.court.demo.seed import WANG, ZHANG
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from screens.automation import Robot, Wait

Shoot = Callable[[str], None]
SETTLE_FRAMES = 3
#: Nobody listens on the discard port: the court "is down" for the problem screen.
DEAD_COURT = "http://127.0.0.1:9"
#: Long enough for the ID-card reader to notice a lifted card (it looks every 0.3 s).
CARD_LIFT_S = 1.0
#: How the tour answers typed questions, by kind.
TYPED = {QuestionKind.DATE: "20230501", QuestionKind.AMOUNT: "50000", QuestionKind.NUMBER: "5"}


def _show(robot: Robot, shoot: Shoot, step: str, name: str | None = None) -> Iterator[Wait]:
    yield robot.until_screen(step)
    yield SETTLE_FRAMES
    shoot(name or step)


def _type(robot: Robot, field_id: str, text: str) -> Iterator[Wait]:
    """Type by touch into a field, letting the keyboard be laid out again after the focus."""
    robot.touch(f"field-{field_id}")
    yield SETTLE_FRAMES
    robot.type_text(field_id, text)
    yield SETTLE_FRAMES


def _lift_card(robot: Robot) -> Iterator[Wait]:
    robot.controller.devices.slots["id_reader"].driver.remove_card()
    lifted_at = time.monotonic()
    yield lambda: time.monotonic() - lifted_at > CARD_LIFT_S


def _draft(robot: Robot):  # noqa: ANN202 - the journey's Draft
    return robot.controller.visit.journeys["filing"]["draft"]


def identity(robot: Robot, shoot: Shoot) -> Iterator[Wait]:
    """The card screen, the typed-number screen, then Zhang's card and the masked confirmation."""
    yield from _lift_card(robot)
    robot.touch("choose_filing")
    yield from _show(robot, shoot, "filing_identity")
    robot.touch("type_id")
    yield from _show(robot, shoot, "filing_id_typed")
    robot.touch("back")
    yield robot.until_screen("filing_identity")
    robot.present_card(ZHANG.name, ZHANG.id_number)
    yield from _show(robot, shoot, "filing_confirm")
    robot.touch("choose_role-lawyer")
    yield from _show(robot, shoot, "filing_agent")
    robot.touch("back")
    yield robot.until_screen("filing_confirm")


def parties(robot: Robot, shoot: Shoot) -> Iterator[Wait]:
    """Zhang as plaintiff (his phone typed), the organisation form, Wang typed in as defendant."""
    robot.touch("choose_role-self")
    yield from _show(robot, shoot, "filing_party")
    yield from _type(robot, "filing.party.phone", "13800138000")
    robot.touch("save_party")
    yield robot.until_screen("filing_parties")
    robot.touch("add_party-defendant")
    yield from _show(robot, shoot, "filing_party_kind")
    robot.touch("party_kind-organisation")
    yield from _show(robot, shoot, "filing_party", "filing_party_organisation")
    robot.touch("back")
    yield robot.until_screen("filing_parties")
    robot.touch("add_party-defendant")
    yield robot.until_screen("filing_party_kind")
    robot.touch("party_kind-person")
    yield robot.until_screen("filing_party")
    yield from _type(robot, "filing.party.name", WANG.name)
    yield from _type(robot, "filing.party.id_number", WANG.id_number)
    yield from _type(robot, "filing.party.address", "松林路8号")
    robot.touch("save_party")
    yield from _show(robot, shoot, "filing_parties")


def court_and_case(robot: Robot, shoot: Shoot) -> Iterator[Wait]:
    """The court down (problem, retry), then this court and a private loan."""
    services = robot.controller.services
    court = services.court
    services.court = HttpCourtGateway(DEAD_COURT, HttpOptions(connect_timeout_s=0.5, read_timeout_s=0.5, retries=0))
    robot.touch("parties_done")
    yield from _show(robot, shoot, "filing_problem")
    services.court = court
    robot.touch("retry")
    yield from _show(robot, shoot, "filing_court")
    robot.touch(next(w for w in robot.app.current_screen.buttons if w.startswith("choose_court-")))
    yield from _show(robot, shoot, "filing_case_type")
    robot.touch("choose_case_type-private_lending")


def questions(robot: Robot, shoot: Shoot) -> Iterator[Wait]:
    """Each question answered by touch; the first of each kind photographed."""
    shot: set[QuestionKind] = set()
    yield robot.until_screen("filing_question")
    while robot.screen_name == "filing_question":
        question = _draft(robot).interview.current
        yield SETTLE_FRAMES
        if question.kind not in shot:
            shot.add(question.kind)
            shoot(f"filing_question_{question.kind.value}")
        if question.kind is QuestionKind.YES_NO:
            robot.touch("answer-no")
        elif question.kind is QuestionKind.CHOICE:
            robot.touch(f"answer-{question.options[0].value}")
        elif question.kind is QuestionKind.TEXT:
            robot.touch("skip_question")
        else:
            yield from _type(robot, "filing.answer", TYPED[question.kind])
            robot.touch("answer")
        yield lambda: (robot.screen_name != "filing_question" or _draft(robot).interview.current is not question
                       or _draft(robot).answer_error is not None)
        refusal = _draft(robot).answer_error
        if refusal is not None:
            typed = robot.controller.visit.fields.get("filing.answer")
            raise AssertionError(f"{question.id}: {refusal.key} for {typed!r}")


def evidence_and_submit(robot: Robot, shoot: Shoot) -> Iterator[Wait]:
    """Claim and fee, one photographed page, its name, the review, submit and print."""
    yield from _show(robot, shoot, "filing_claim")
    robot.touch("claim_done")
    yield from _show(robot, shoot, "filing_evidence")
    robot.touch("new_item-identity")
    yield robot.until_screen("filing_item")
    robot.touch("capture")
    yield lambda: robot.screen_name == "filing_item" and bool(_draft(robot).evidence[0].pages)
    yield from _show(robot, shoot, "filing_item")
    robot.touch("rename_item")
    yield from _show(robot, shoot, "filing_item_name")
    robot.touch("back")
    yield robot.until_screen("filing_item")
    robot.touch("item_done")
    yield robot.until_screen("filing_evidence")
    robot.touch("evidence_done")
    yield from _show(robot, shoot, "filing_review")
    robot.touch("submit_filing")
    yield from _show(robot, shoot, "filing_done")


def tour(robot: Robot, shoot: Shoot) -> Iterator[Wait]:
    """From home back to home through every filing step a visitor can reach by touch."""
    yield from identity(robot, shoot)
    yield from parties(robot, shoot)
    yield from court_and_case(robot, shoot)
    yield from questions(robot, shoot)
    yield from evidence_and_submit(robot, shoot)
    robot.touch("go_home")
    yield robot.until_screen("home")
    yield from _lift_card(robot)
