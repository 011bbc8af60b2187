"""Elderly mode's simplified choices in the real app under Xvfb: by touch, by keypad, in zh_CN and en."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from screens.automation import Robot, Wait
from tests.screens.conftest import RunScript

SHOTS = "ELDERLY_SHOTS"
SETTLE_FRAMES = 3
SETTINGS = ("set_language-en", "cycle_text_size", "toggle_contrast", "toggle_voice", "voice_slower")


def _shown(robot: Robot) -> dict[str, object]:
    """The buttons on screen, the page's name, its layout problems; a screenshot beside them."""
    name = robot.controller.model().name
    robot.screenshot(Path(os.environ[SHOTS]) / f"{name}-{robot.controller.visit.preferences.language}.png")
    return {"buttons": sorted(robot.app.current_screen.all_buttons()), "name": name,
            "problems": robot.layout_problems()}


def elderly_home(robot: Robot) -> Iterator[Wait]:
    """Elderly mode by touch: the home page, its second page by touch, the first again by keypad, Help's settings."""
    yield robot.until_screen("attract")
    robot.touch("start_visit")
    yield robot.until_screen("home")
    robot.touch("elderly_mode")
    yield lambda: robot.controller.visit.preferences.elderly_mode
    yield SETTLE_FRAMES
    robot.results["first"] = _shown(robot)
    robot.touch("choices_page-choose_work_order")
    yield lambda: robot.controller.model().name == "home#page2"
    yield SETTLE_FRAMES
    robot.results["second"] = _shown(robot)
    robot.keypad_to("choices_page-choose_queue_ticket")
    yield lambda: robot.controller.model().name == "home"
    yield SETTLE_FRAMES
    robot.results["by_keypad"] = robot.controller.model().name
    robot.touch("ask_help")
    yield robot.until_screen("help")
    yield SETTLE_FRAMES
    robot.results["help"] = _shown(robot)
    robot.touch("set_language-en")
    yield lambda: robot.controller.visit.preferences.language == "en"
    robot.touch("back")
    yield robot.until_screen("home")
    yield SETTLE_FRAMES
    robot.results["english"] = _shown(robot)


def test_elderly_home_shows_few_large_choices_and_every_one_is_reachable(run_in_app: RunScript, tmp_path: Path) -> None:
    results = run_in_app("tests.screens.test_elderly_ui:elderly_home", **{SHOTS: str(tmp_path)})
    first, second = results["first"], results["second"]
    assert {"choose_queue_ticket", "choose_lookup", "choose_payment"} <= set(first["buttons"])
    assert not {"choose_work_order", "choose_filing", *SETTINGS} & set(first["buttons"])
    assert {"choose_work_order", "choose_filing"} <= set(second["buttons"])
    assert results["by_keypad"] == "home"
    assert set(SETTINGS) <= set(results["help"]["buttons"])
    assert "choices_page-choose_work_order" in results["english"]["buttons"]
    for shown in (first, second, results["help"], results["english"]):
        assert shown["problems"] == [], shown["name"]
    assert (tmp_path / "home-zh_CN.png").exists() and (tmp_path / "home-en.png").exists()
