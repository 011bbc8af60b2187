"""The work-order journey's screens, reached by touch: kinds, card, forms, slots, review, slip, tracking, problem.

The tour works against a throwaway in-memory demo court (both for court calls and for the outbox's
sender), so the kiosk's own demo data and its file-borrowing slots are left as they were.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from pypinyin import lazy_pinyin

from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import LI
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from kiosk.court.sender import OutboxSender
from kiosk.journeys.work_order.slip_code import encode_slip_code
from screens.automation import Robot, Wait

Shoot = Callable[[str], None]
SETTLE_FRAMES = 3
#: Nobody listens on the discard port: the court "is down" for the problem screen.
DEAD_COURT = "http://127.0.0.1:9"
#: Long enough for the ID-card reader to notice a lifted card (it looks every 0.3 s).
CARD_LIFT_S = 1.0
#: Pages of pinyin candidates looked through for a character.
MAX_CANDIDATE_PAGES = 20


def _show(robot: Robot, shoot: Shoot, step: str, name: str | None = None) -> Iterator[Wait]:
    yield robot.until_screen(step)
    yield SETTLE_FRAMES
    shoot(name or step)


def _next_field(robot: Robot, shoot: Shoot, name: str) -> Iterator[Wait]:
    """Photograph the field just filled in, then go on to the next one."""
    yield SETTLE_FRAMES
    shoot(name)
    robot.touch("submit")
    yield SETTLE_FRAMES


def fresh_visit(robot: Robot) -> Iterator[Wait]:
    """From home: end the visit (skipping the rating) and start another, so no ID card is known yet."""
    robot.touch("finish")
    yield robot.until_screen("rating")
    robot.touch("rate-0")
    yield robot.until_screen("attract")
    robot.touch("start_visit")
    yield robot.until_screen("home")


def lay_card(robot: Robot, name: str, id_number: str) -> Iterator[Wait]:
    """Lift whatever card is on the reader (it reads a card once, when it arrives), then lay this one."""
    robot.controller.devices.slots["id_reader"].driver.remove_card()
    lifted_at = time.monotonic()
    yield lambda: time.monotonic() - lifted_at > CARD_LIFT_S
    robot.present_card(name, id_number)


def type_into(robot: Robot, field_id: str, text: str) -> Iterator[Wait]:
    """Type by touch into a field, letting the keyboard be laid out again after the focus."""
    robot.touch(f"field-{field_id}")
    yield SETTLE_FRAMES
    robot.type_text(field_id, text)
    yield SETTLE_FRAMES


def type_pinyin(robot: Robot, field_id: str, text: str) -> Iterator[Wait]:
    """Type Chinese on the pinyin keyboard by touch, letting the candidate bar be laid out before each pick."""
    robot.touch(f"field-{field_id}")
    yield SETTLE_FRAMES
    for character in text:
        for letter in lazy_pinyin(character)[0]:
            robot.touch(f"key-{letter}")
        yield SETTLE_FRAMES
        for _page in range(MAX_CANDIDATE_PAGES):
            if character in robot.app.current_screen.editors[field_id].candidates:
                break
            robot.touch("key-›")
            yield SETTLE_FRAMES
        robot.touch(f"candidate-{robot.app.current_screen.editors[field_id].candidates.index(character)}")
        yield SETTLE_FRAMES


def tour(robot: Robot, shoot: Shoot) -> Iterator[Wait]:
    """From home back to home through every work-order step a visitor can reach by touch."""
    services = robot.controller.services
    kiosk_court, kiosk_sender = services.court, services.sender
    court = DemoCourt(":memory:")
    kiosk_sender.stop()
    services.court, services.sender = court, OutboxSender(services.outbox, court)
    services.sender.start()
    case_number = court.cases_of_party(LI.id_number)[0].case_number

    if robot.controller.visit.card is not None:
        yield from fresh_visit(robot)
    robot.touch("choose_work_order")
    yield from _show(robot, shoot, "work_order_menu")
    robot.touch("choose_kind-contact_judge")
    yield from _show(robot, shoot, "work_order_card")
    yield from lay_card(robot, LI.name, LI.id_number)
    yield robot.until_screen("work_order_form")
    yield from type_into(robot, "work_order.case_number", case_number)
    yield from _next_field(robot, shoot, "work_order_form")
    yield from type_into(robot, "work_order.phone", "13800138000")
    yield from _next_field(robot, shoot, "work_order_form-phone")
    yield from type_pinyin(robot, "work_order.message", "请来电")
    yield from _show(robot, shoot, "work_order_form", "work_order_form-message")
    robot.touch("submit")
    yield from _show(robot, shoot, "work_order_review")
    robot.touch("send_work_order")
    yield from _show(robot, shoot, "work_order_done")
    reference = robot.controller.visit.journeys["work_order"]["delivery"].submission.reference

    robot.touch("back")
    yield robot.until_screen("work_order_menu")
    robot.touch("choose_kind-file_borrowing")
    yield robot.until_screen("work_order_form")
    for _field in range(2):  # the case number and the phone, kept from the judge's form
        yield SETTLE_FRAMES
        robot.touch("submit")
    yield from _show(robot, shoot, "work_order_slots")
    for screen in ("work_order_form", "work_order_form", "work_order_menu"):
        robot.touch("back")
        yield robot.until_screen(screen)
        yield SETTLE_FRAMES
    for kind in ("visitor_reception", "complaint_suggestion"):
        robot.touch(f"choose_kind-{kind}")
        yield from _show(robot, shoot, "work_order_form", f"work_order_form-{kind}")
        robot.touch("back")
        yield robot.until_screen("work_order_menu")
        yield SETTLE_FRAMES

    court.reply_work_order(reference, "已转告承办法官，法官将于本周内回电。")
    robot.touch("track")
    yield from _show(robot, shoot, "work_order_track")
    robot.controller.devices.slots["scanner"].driver.present(encode_slip_code(reference))
    yield from _show(robot, shoot, "work_order_progress")

    robot.touch("back")
    yield robot.until_screen("work_order_menu")
    robot.touch("track")
    yield robot.until_screen("work_order_track")
    services.court = HttpCourtGateway(DEAD_COURT, HttpOptions(connect_timeout_s=0.5, retries=0))
    robot.controller.devices.slots["scanner"].driver.present(encode_slip_code(reference))
    yield from _show(robot, shoot, "work_order_problem")

    services.sender.stop()
    services.court, services.sender = kiosk_court, kiosk_sender
    kiosk_sender.start()
    robot.touch("go_home")
    yield robot.until_screen("home")
