"""Scripts for the frame tests: what a screen change and a scroll view leave to draw."""

from __future__ import annotations

import time
from collections.abc import Iterator

from screens.automation import Robot, Wait

#: Longer than Kivy's wait before the bar fades (0.5 s) plus the fade (0.5 s).
FADE_OVER_S = 1.5


def screen_change(robot: Robot) -> Iterator[Wait]:
    """Touch start on the attract screen; read the manager's children before any frame is drawn."""
    yield robot.until_screen("attract")
    entered: list[str] = []
    home = robot.app.screen("home")
    home.bind(on_enter=lambda screen: entered.append(screen.name))
    robot.touch("start_visit")
    robot.results["children"] = [child.name for child in robot.app.manager.children]
    robot.results["entered"] = list(entered)
    robot.results["transition_active"] = robot.app.manager.transition.is_active


def bar_fade(robot: Robot) -> Iterator[Wait]:
    """On home (its content fits), count the scroll bar's colour changes until a fade would be over."""
    yield robot.until_screen("attract")
    robot.touch("start_visit")
    yield robot.until_screen("home")
    from screens.widgets import TapScrollView  # noqa: PLC0415 - Kivy is set up by now

    views = [w for w in robot.app.current_screen.walk() if isinstance(w, TapScrollView)]
    changes: list[object] = []
    for view in views:
        view.bind(_bar_color=lambda _view, colour: changes.append(colour))
    arrived = time.monotonic()
    yield lambda: time.monotonic() - arrived > FADE_OVER_S
    robot.results["bars_drawn"] = [view.bar_drawn() for view in views]
    robot.results["bar_colour_changes"] = len(changes)
