"""Scripts the service-journey UI tests run inside the real app: work orders, queue tickets, the rating."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from kiosk.court.demo.seed import LI
from kiosk.journeys.work_order.slip_code import encode_slip_code
from kiosk.services import DEMO_COURT_FILE
from screens.automation import Robot, Wait
from screens.tours.work_order import lay_card, type_into, type_pinyin

MESSAGE = "建议增加座位"
#: Frames for a new screen to be laid out before it is touched.
SETTLE_FRAMES = 3


def _at(robot: Robot, screen: str) -> Iterator[Wait]:
    """Wait for ``screen``, then for its layout, before touching it."""
    yield robot.until_screen(screen)
    yield SETTLE_FRAMES


def _start(robot: Robot) -> Iterator[Wait]:
    yield from _at(robot, "attract")
    robot.touch("start_visit")
    yield from _at(robot, "home")


def work_order_by_touch(robot: Robot) -> Iterator[Wait]:
    """A suggestion typed on the on-screen keyboards, sent, its slip printed, then followed up by its QR code."""
    yield from _start(robot)
    robot.touch("choose_work_order")
    yield from _at(robot, "work_order_menu")
    robot.touch("choose_kind-complaint_suggestion")
    yield from _at(robot, "work_order_card")
    yield from lay_card(robot, LI.name, LI.id_number)
    yield from _at(robot, "work_order_form")
    yield from type_into(robot, "work_order.phone", "13800138000")
    robot.touch("submit")
    yield SETTLE_FRAMES
    yield from type_pinyin(robot, "work_order.message", MESSAGE)
    robot.results["typed"] = dict(robot.controller.visit.fields)
    robot.touch("submit")
    yield from _at(robot, "work_order_review")
    robot.touch("send_work_order")
    yield from _at(robot, "work_order_done")
    delivery = robot.controller.visit.journeys["work_order"]["delivery"]
    robot.results["tracking_number"] = delivery.order.tracking_number if delivery.order else None
    robot.results["printed"] = len(robot.controller.devices.slots["receipt_printer"].driver.jobs)
    robot.controller.services.court.reply_work_order(delivery.submission.reference, "已增设座椅，感谢建议。")
    robot.touch("back")
    yield from _at(robot, "work_order_menu")
    robot.touch("track")
    yield from _at(robot, "work_order_track")
    robot.controller.devices.slots["scanner"].driver.present(encode_slip_code(delivery.submission.reference))
    yield from _at(robot, "work_order_progress")
    robot.results["state"] = robot.controller.visit.journeys["work_order"]["order"].state


def queue_ticket_elderly_by_touch(robot: Robot) -> Iterator[Wait]:
    """A visitor of 66 lays their ID card at the priority step: the elderly number comes first; one touch takes it."""
    yield from _start(robot)
    robot.touch("choose_queue_ticket")
    yield from _at(robot, "queue_ticket_service")
    robot.touch("choose_service-filing")
    yield from _at(robot, "queue_ticket_priority")
    robot.results["first_before_card"] = robot.controller.model().actions[0].widget_id
    yield from lay_card(robot, LI.name, LI.id_number)
    yield lambda: robot.controller.model().actions[0].widget_id == "take_ticket-elderly"
    yield SETTLE_FRAMES
    robot.touch("take_ticket-elderly")
    yield from _at(robot, "queue_ticket_done")
    robot.results["number"] = robot.controller.visit.journeys["queue_ticket"]["ticket"].number
    robot.results["printed"] = len(robot.controller.devices.slots["receipt_printer"].driver.jobs)


def rating_by_touch(robot: Robot) -> Iterator[Wait]:
    """End a visit, mark a reason, touch five stars: the court receives the rating."""
    yield from _start(robot)
    robot.touch("finish")
    yield from _at(robot, "rating")
    robot.touch("choose_reason-easy")
    yield lambda: any(a.checked for a in robot.controller.model().actions if a.intent == "choose_reason")
    yield SETTLE_FRAMES
    robot.touch("rate-5")
    yield from _at(robot, "attract")
    path = robot.controller.settings.resolved_data_dir() / DEMO_COURT_FILE

    def stored() -> list[str]:
        with sqlite3.connect(path) as court:
            return [row[0] for row in court.execute("SELECT json FROM ratings")]

    yield lambda: bool(stored())
    robot.results["ratings"] = stored()
