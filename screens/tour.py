"""Screenshot tours: the same screens in every language, text size and contrast.

``make screenshots`` writes them to ``docs/screenshots/``; the layout test runs the same tour and
fails on any text that does not fit. Modes are changed by touching the real toggle buttons.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kiosk.display import TextSize
from screens.automation import Robot, Wait

SETTLE_FRAMES = 3


def set_modes(robot: Robot, language: str, size: TextSize, high_contrast: bool) -> Iterator[Wait]:
    """Reach the wanted modes by touching the toggles on the current screen."""
    prefs = robot.controller.visit.preferences
    if prefs.language != language:
        robot.touch(f"set_language-{language}")
        yield SETTLE_FRAMES
    while prefs.text_size is not size:
        robot.touch("cycle_text_size")
        yield SETTLE_FRAMES
        prefs = robot.controller.visit.preferences
    if prefs.high_contrast != high_contrast:
        robot.touch("toggle_contrast")
        yield SETTLE_FRAMES


def home_in_every_mode(robot: Robot, out_dir: Path) -> Iterator[Wait]:
    """The home screen for every locale × text size × contrast, with its layout problems."""
    yield robot.until_screen("attract")
    robot.touch("start_visit")
    yield robot.until_screen("home")
    problems: dict[str, list[str]] = {}
    for language in robot.controller.settings.languages.available:
        for size in TextSize:
            for contrast in (False, True):
                yield from set_modes(robot, language, size, contrast)
                name = f"home-{language}-{size.value}-{'high_contrast' if contrast else 'default'}"
                robot.screenshot(out_dir / f"{name}.png")
                problems[name] = robot.layout_problems()
    robot.results["layout_problems"] = problems
