"""Scripts the UI tests run inside the real app (see screens.automation)."""

from __future__ import annotations

from collections.abc import Iterator

from screens.automation import Robot, Wait


def touch_case_lookup(robot: Robot) -> Iterator[Wait]:
    """Start a visit, then touch the case-lookup button on the home screen."""
    yield robot.until_screen("attract")
    robot.touch("start_visit")
    yield robot.until_screen("home")
    robot.results["before"] = {"state": robot.controller.flow.step, "screen": robot.screen_name}
    robot.touch("choose_lookup")
    yield robot.until_screen("lookup")
    yield 2
    robot.results["after"] = {"state": robot.controller.flow.step, "screen": robot.screen_name}
