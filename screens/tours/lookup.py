"""The lookup journey's screens: menu, number pad, card, the visitor's cases, a case, documents."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kiosk.court.demo.seed import LI
from screens.automation import Robot, Wait

Shoot = Callable[[str], None]
SETTLE_FRAMES = 3


def tour(robot: Robot, shoot: Shoot) -> Iterator[Wait]:
    """From home back to home through every lookup step a visitor can reach by touch."""
    robot.touch("choose_lookup")
    yield robot.until_screen("lookup_menu")
    yield SETTLE_FRAMES
    shoot("lookup_menu")
    for way, step in (("by_number", "lookup_number"), ("by_qr", "lookup_qr")):
        robot.touch(way)
        yield robot.until_screen(step)
        yield SETTLE_FRAMES
        shoot(step)
        robot.touch("back")
        yield robot.until_screen("lookup_menu")
    robot.touch("by_card")
    yield robot.until_screen("lookup_card")
    yield SETTLE_FRAMES
    shoot("lookup_card")
    robot.present_card(LI.name, LI.id_number)
    yield robot.until_screen("lookup_cases")
    yield SETTLE_FRAMES
    shoot("lookup_cases")
    first_case = next(w for w in robot.app.current_screen.buttons if w.startswith("open_case-"))
    robot.touch(first_case)
    yield robot.until_screen("lookup_case")
    yield SETTLE_FRAMES
    shoot("lookup_case")
    robot.touch("show_documents")
    yield robot.until_screen("lookup_documents")
    yield SETTLE_FRAMES
    shoot("lookup_documents")
    robot.touch("go_home")
    yield robot.until_screen("home")
