"""Scripts the payment UI tests run inside the real app (see screens.automation)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

from kiosk.court.demo.seed import ZHANG
from screens.automation import Robot, Wait

SETTLE_FRAMES = 3
WECHAT_CODE = "134567890123456789"


def _at(robot: Robot, step: str) -> Iterator[Wait]:
    yield robot.until_screen(step)
    yield SETTLE_FRAMES


def pay_acceptance_fee_by_payer_code(robot: Robot) -> Iterator[Wait]:
    """Type the case number on the pad, keep only the acceptance fee, pay with a WeChat code, get the receipt."""
    court = robot.controller.services.court
    number = next(c.case_number for c in court.cases_of_party(ZHANG.id_number) if c.case_number.endswith("民初1024号"))
    yield from _at(robot, "attract")
    robot.touch("start_visit")
    yield from _at(robot, "home")
    robot.touch("choose_payment")
    yield from _at(robot, "payment_menu")
    robot.touch("by_number")
    yield from _at(robot, "payment_number")
    robot.type_text("payment.case_number", number)
    yield SETTLE_FRAMES
    robot.touch("submit")
    yield from _at(robot, "payment_items")
    robot.touch("toggle_item-F1002")
    yield SETTLE_FRAMES
    robot.results["chosen"] = list(robot.controller.visit.journeys["payment"]["chosen"])
    robot.touch("pay_by_code")
    yield from _at(robot, "payment_code")
    robot.controller.devices.slots["scanner"].driver.present(WECHAT_CODE, "Code128")
    yield from _at(robot, "payment_done")
    robot.results["screen"] = robot.screen_name
    robot.results["buttons"] = sorted(robot.app.current_screen.buttons)
    robot.results["fees"] = {item.item_id: item.status for item in court.fee_items(number)}
    printer = robot.controller.devices.slots["receipt_printer"].driver
    # Read while the app runs: the simulated printer's own folder goes when the kiosk closes.
    robot.results["receipts"] = [
        subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
        for path in printer.printed()
    ]
