"""Whole journeys done with the tactile keypad alone, in the real app (see screens.automation).

The visitor plugs in headphones, reaches every control with the arrow keys and Enter, types digits on
the 12-key pad, and hands over only what a keypad cannot: the ID card, a phone's payment code. Every touch the window receives is
counted, so the test can show the touchscreen was never used.
"""

from __future__ import annotations

from collections.abc import Iterator

from kiosk.court.demo.seed import LI, ZHANG
from screens.automation import Robot, Wait
from screens.tours.payment import CASE_SUFFIX

#: Frames for a screen's buttons to be laid out after it changed.
SETTLE_FRAMES = 3
WECHAT_CODE = "134567890123456789"
PHONE = "13800138000"


def _count_touches(robot: Robot) -> None:
    """Every touch that reaches the window, robot-made or not, is counted in ``results["touches"]``."""
    from kivy.core.window import Window  # noqa: PLC0415

    robot.results["touches"] = 0

    def touched(*_args: object) -> None:
        robot.results["touches"] += 1

    Window.bind(on_touch_down=touched)


def begin(robot: Robot) -> Iterator[Wait]:
    """Headphones in (voice mode starts by itself), then the visit started and the home screen reached by keypad."""
    yield robot.until_screen("attract")
    _count_touches(robot)
    robot.controller.devices.slots["headphones"].driver.plug()
    yield lambda: robot.controller.voice.enabled or robot.controller.visit.preferences.voice
    robot.keypad_to("start_visit")
    yield robot.until_screen("home")


def press(robot: Robot, widget_id: str, then: str) -> Iterator[Wait]:
    """Arrow to a control, Enter, and wait for the screen ``then``."""
    robot.keypad_to(widget_id)
    yield robot.until_screen(then)
    yield SETTLE_FRAMES


def answer_elderly_offer(robot: Robot, widget_id: str) -> Iterator[Wait]:
    """The offer a card of someone 60 or older brings: answered by keypad like any other control."""
    def offered() -> bool:
        return any(a.intent == "accept_elderly" for a in robot.controller.model().actions)

    yield offered
    yield SETTLE_FRAMES
    robot.keypad_to(widget_id)
    yield lambda: not offered()
    robot.results["elderly_mode"] = robot.controller.visit.preferences.elderly_mode


def rate_and_leave(robot: Robot) -> Iterator[Wait]:
    """From home: end the visit, rate it by keypad, back to attract; record what was spoken and where."""
    yield from press(robot, "finish", "rating")
    robot.keypad_to("rate-5")
    yield robot.until_screen("attract")
    speaker = robot.controller.devices.slots["speech"].driver
    robot.results["spoken"] = [u.text for u in speaker.utterances]
    robot.results["routes"] = sorted({u.route.value for u in speaker.utterances})
    robot.results["rates"] = [u.rate_wpm for u in speaker.utterances]


def keypad_queue_ticket(robot: Robot) -> Iterator[Wait]:
    """Li (over 60) takes an elderly priority number, after accepting elderly mode from the card's offer."""
    yield from begin(robot)
    yield from press(robot, "choose_queue_ticket", "queue_ticket_service")
    yield from press(robot, "choose_service-filing", "queue_ticket_priority")
    robot.present_card(LI.name, LI.id_number)
    yield from answer_elderly_offer(robot, "accept_elderly")
    yield lambda: robot.controller.model().actions[0].widget_id == "take_ticket-elderly"
    yield from press(robot, "take_ticket-elderly", "queue_ticket_done")
    robot.results["ticket"] = robot.controller.visit.journeys["queue_ticket"]["ticket"].number
    yield from press(robot, "go_home", "home")
    yield from rate_and_leave(robot)


def keypad_payment(robot: Robot) -> Iterator[Wait]:
    """Zhang finds his case with fees due by ID card and pays them with his phone's payment code."""
    yield from begin(robot)
    yield from press(robot, "choose_payment", "payment_menu")
    yield from press(robot, "by_card", "payment_card")
    robot.present_card(ZHANG.name, ZHANG.id_number)
    yield robot.until_screen("payment_cases")
    yield SETTLE_FRAMES
    case = next(a.widget_id for a in robot.controller.model().actions
                if a.intent == "choose_case" and a.widget_id.endswith(CASE_SUFFIX))
    yield from press(robot, case, "payment_items")
    yield from press(robot, "pay_by_code", "payment_code")
    robot.controller.devices.slots["scanner"].driver.present(WECHAT_CODE, "Code128")
    yield robot.until_screen("payment_done")
    yield SETTLE_FRAMES
    robot.results["printed"] = len(robot.controller.devices.slots["receipt_printer"].driver.jobs)
    yield from press(robot, "go_home", "home")
    yield from rate_and_leave(robot)


def keypad_work_order(robot: Robot) -> Iterator[Wait]:
    """Zhang books a file-borrowing slot: his case chosen, his phone typed on the 12-key pad, a slot chosen."""
    yield from begin(robot)
    yield from press(robot, "choose_work_order", "work_order_menu")
    yield from press(robot, "choose_kind-file_borrowing", "work_order_card")
    robot.present_card(ZHANG.name, ZHANG.id_number)
    yield robot.until_screen("work_order_form")
    yield SETTLE_FRAMES
    robot.keypad_to(next(a.widget_id for a in robot.controller.model().actions if a.intent == "edit_field"))
    robot.keypad_to("submit")
    yield lambda: robot.controller.model().fields[0].field_id == "work_order.phone"
    yield SETTLE_FRAMES
    for digit in PHONE:
        robot.press_key("", digit)
        yield 1
    robot.results["phone"] = robot.controller.visit.fields.get("work_order.phone")
    yield from press(robot, "submit", "work_order_slots")
    slot = next(a.widget_id for a in robot.controller.model().actions if a.intent == "choose_slot" and a.enabled)
    yield from press(robot, slot, "work_order_review")
    yield from press(robot, "send_work_order", "work_order_done")
    yield lambda: robot.controller.visit.journeys["work_order"].get("printed", False)
    robot.results["printed"] = len(robot.controller.devices.slots["receipt_printer"].driver.jobs)
    yield from press(robot, "go_home", "home")
    yield from rate_and_leave(robot)
