"""The payment journey's screens, reached by touch: find, items, QR, payer's code, receipt, relief, problem.

The tour pays against a throwaway in-memory demo court, so running it again finds the same fees due
and the kiosk's own demo data is left as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from pypinyin import lazy_pinyin

from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import ZHANG
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from screens.automation import Robot, Wait

Shoot = Callable[[str], None]
SETTLE_FRAMES = 3
CASE_SUFFIX = "民初1024号"
WECHAT_CODE = "134567890123456789"
DECLINED_CODE = "134567890123450000"
#: Nobody listens on the discard port: the court "is down" for the problem screen.
DEAD_COURT = "http://127.0.0.1:9"
RELIEF_REASON = "低保"
#: Long enough for the ID-card reader to notice a lifted card (it looks every 0.3 s).
CARD_LIFT_S = 1.0


def _at(robot: Robot, step: str) -> Iterator[Wait]:
    """Wait for ``step`` on screen and for its buttons to be laid out (a touch before that misses)."""
    yield robot.until_screen(step)
    yield SETTLE_FRAMES


def _show(robot: Robot, shoot: Shoot, step: str) -> Iterator[Wait]:
    yield from _at(robot, step)
    shoot(step)


def _scan(robot: Robot, text: str) -> None:
    """Hold a payer's code (a Code 128 barcode on a phone) under the simulated scanner."""
    robot.controller.devices.slots["scanner"].driver.present(text, "Code128")


def _lay_card(robot: Robot) -> Iterator[Wait]:
    """Lift whatever card an earlier step left on the reader, then lay the visitor's card on it.

    The reader reads a card once when it arrives, so the old one must be seen gone first (the
    reader looks every 0.3 s).
    """
    robot.controller.devices.slots["id_reader"].driver.remove_card()
    lifted_at = time.monotonic()
    yield lambda: time.monotonic() - lifted_at > CARD_LIFT_S
    robot.present_card(ZHANG.name, ZHANG.id_number)


def _type_pinyin(robot: Robot, field_id: str, text: str) -> Iterator[Wait]:
    """Type Chinese on the pinyin keyboard, letting a frame pass after each touch.

    ``Robot.type_text`` touches keys back to back; after the first character is picked the next
    letters are then lost, so here each key gets its frame.
    """
    robot.touch(f"field-{field_id}")
    yield 1
    for character in text:
        for letter in lazy_pinyin(character)[0]:
            robot.touch(f"key-{letter}")
            yield 1
        candidates = robot.app.current_screen.editors[field_id].candidates
        robot.touch(f"candidate-{candidates.index(character)}")
        yield SETTLE_FRAMES


def tour(robot: Robot, shoot: Shoot) -> Iterator[Wait]:
    """From home back to home through every payment step a visitor can reach by touch."""
    controller = robot.controller
    kiosk_court = controller.services.court
    court = DemoCourt(":memory:")
    controller.services.court = court
    number = next(c.case_number for c in court.cases_of_party(ZHANG.id_number) if c.case_number.endswith(CASE_SUFFIX))

    robot.touch("choose_payment")
    yield from _show(robot, shoot, "payment_menu")
    robot.touch("by_number")
    yield from _at(robot, "payment_number")
    robot.type_text("payment.case_number", number)
    yield from _show(robot, shoot, "payment_number")
    robot.touch("submit")
    yield from _show(robot, shoot, "payment_items")

    robot.touch("apply_relief")
    yield from _show(robot, shoot, "payment_relief_card")
    yield from _lay_card(robot)
    yield from _show(robot, shoot, "payment_relief_kind")
    robot.touch("choose_relief-waiver")
    yield from _at(robot, "payment_relief_reason")
    yield from _type_pinyin(robot, "payment.relief_reason", RELIEF_REASON)
    yield from _show(robot, shoot, "payment_relief_reason")
    robot.touch("submit")
    yield from _at(robot, "payment_relief_scan")
    robot.touch("capture_page")
    yield lambda: robot.screen_name == "payment_relief_scan" and bool(controller.visit.journeys["payment"].get("pages"))
    yield SETTLE_FRAMES
    shoot("payment_relief_scan")
    robot.touch("send_relief")
    yield from _show(robot, shoot, "payment_relief_done")
    robot.touch("go_home")
    yield from _at(robot, "home")

    robot.touch("choose_payment")
    yield from _at(robot, "payment_menu")
    robot.touch("by_card")
    yield from _show(robot, shoot, "payment_card")
    yield from _lay_card(robot)
    yield from _show(robot, shoot, "payment_cases")
    robot.touch(f"choose_case-{number}")
    yield from _at(robot, "payment_items")
    robot.touch("pay_by_qr")
    yield from _show(robot, shoot, "payment_qr")
    robot.touch("cancel_payment")
    yield from _show(robot, shoot, "payment_ended")

    controller.services.court = HttpCourtGateway(DEAD_COURT, HttpOptions(connect_timeout_s=0.5, retries=0))
    robot.touch("pay_by_qr")
    yield from _show(robot, shoot, "payment_problem")
    controller.services.court = court
    robot.touch("back")
    yield from _at(robot, "payment_items")

    robot.touch("pay_by_code")
    yield from _show(robot, shoot, "payment_code")
    _scan(robot, DECLINED_CODE)
    yield from _show(robot, shoot, "payment_declined")
    robot.touch("retry_code")
    yield from _at(robot, "payment_code")
    _scan(robot, WECHAT_CODE)
    yield from _show(robot, shoot, "payment_done")
    controller.services.court = kiosk_court
    robot.touch("go_home")
    yield robot.until_screen("home")
