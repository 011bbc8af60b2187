"""Maintenance mode's screens, reached the way staff reach them: the hidden gesture, then the PIN pad.

A kiosk started for screenshots has no staff configured, so the tour adds one (an administrator
with a cheap test hash) to the running settings first; everything after that goes through touches.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

from kiosk.staff.pins import hash_pin
from kiosk.staff.roles import Role
from kiosk.staff.settings import StaffMember
from screens.automation import Robot, Wait

Shoot = Callable[[str], None]
SETTLE_FRAMES = 3
TOUR_STAFF_ID = "tour"
TOUR_PIN = "135790"
#: A low scrypt cost: this member exists only for the tour.
_TOUR_HASH_N = 2**10


def corner_point(robot: Robot, corner: str) -> tuple[float, float]:
    """A point well inside a corner's square, in window pixels (origin bottom left)."""
    width, height = robot.app.controller.gesture.width, robot.app.controller.gesture.height
    inset = min(width, height) * robot.controller.settings.staff.gesture.corner_fraction / 3
    x = inset if corner.endswith("left") else width - inset
    y = height - inset if corner.startswith("top") else inset
    return x, y


def hidden_gesture(robot: Robot) -> Iterator[Wait]:
    """Long-press the hold corner with a finger, then tap the corners in order, as staff do."""
    from kivy.tests.common import UnitTestTouch  # noqa: PLC0415

    pattern = robot.controller.settings.staff.gesture
    hold = UnitTestTouch(*corner_point(robot, pattern.hold_corner.value))
    hold.touch_down()
    pressed = time.monotonic()
    yield lambda: time.monotonic() - pressed >= pattern.hold_s + 0.2
    hold.touch_up()
    yield 1
    for corner in pattern.taps:
        robot.touch_at(*corner_point(robot, corner.value))
        yield 1


def add_tour_member(robot: Robot) -> None:
    """Give the running kiosk one administrator for the tour (its configuration has none)."""
    members = robot.controller.settings.staff.members
    members.setdefault(TOUR_STAFF_ID, StaffMember(role=Role.ADMINISTRATOR, pin_hash=hash_pin(TOUR_PIN, n=_TOUR_HASH_N)))


def type_credentials(robot: Robot, staff_id: str, pin: str) -> Iterator[Wait]:
    """The id on the letter keys, then the PIN on the digit pad (a frame between, so the pad is laid out)."""
    robot.type_text("maintenance.staff_id", staff_id)
    robot.touch("field-maintenance.pin")
    yield SETTLE_FRAMES
    robot.type_text("maintenance.pin", pin)
    yield SETTLE_FRAMES


def unlock(robot: Robot, staff_id: str, pin: str, shoot: Shoot | None = None) -> Iterator[Wait]:
    """From attract: the gesture, the prompt, the id and PIN typed on the pads, into the menu."""
    yield robot.until_screen("attract")
    yield from hidden_gesture(robot)
    yield robot.until_screen("maintenance_unlock")
    yield SETTLE_FRAMES
    yield from type_credentials(robot, staff_id, pin)
    if shoot is not None:
        shoot("maintenance_unlock")
    yield from go(robot, "staff_pin", "maintenance_menu")


def go(robot: Robot, button: str, screen: str) -> Iterator[Wait]:
    """Touch a button, wait for ``screen`` and let it be laid out before anything else is touched."""
    robot.touch(button)
    yield robot.until_screen(screen)
    yield SETTLE_FRAMES


def tour(robot: Robot, shoot: Shoot) -> Iterator[Wait]:
    """Every maintenance screen once, from attract back to attract."""
    add_tour_member(robot)
    yield from unlock(robot, TOUR_STAFF_ID, TOUR_PIN, shoot)
    shoot("maintenance_menu")
    for page, step in (("staff_devices", "maintenance_devices"), ("staff_consumables", "maintenance_consumables"),
                       ("staff_outbox", "maintenance_outbox"), ("staff_logs", "maintenance_logs"),
                       ("staff_audit", "maintenance_audit")):
        yield from go(robot, page, step)
        if step == "maintenance_audit":
            yield lambda: "audit" in robot.controller.visit.journeys.get("maintenance", {})
            yield SETTLE_FRAMES
        shoot(step)
        yield from go(robot, "staff_menu", "maintenance_menu")
    yield from go(robot, "staff_settings", "maintenance_settings")
    shoot("maintenance_settings")
    yield from go(robot, "staff_edit-timeouts.idle_timeout_s", "maintenance_setting")
    shoot("maintenance_setting")
    yield from go(robot, "staff_settings", "maintenance_settings")
    yield from go(robot, "staff_menu", "maintenance_menu")
    yield from go(robot, "staff_restart", "maintenance_confirm")
    shoot("maintenance_confirm")
    yield from go(robot, "staff_menu", "maintenance_menu")
    yield from go(robot, "staff_exit", "attract")


def every_maintenance_screen(robot: Robot, out_dir: Path) -> Iterator[Wait]:
    """The tour as screenshots in ``out_dir``, with each screen's layout problems in the results."""
    problems: dict[str, list[str]] = {}

    def shoot(name: str) -> None:
        robot.screenshot(out_dir / f"{name}.png")
        problems[name] = robot.layout_problems()

    yield from tour(robot, shoot)
    robot.results.setdefault("layout_problems", {}).update(problems)
