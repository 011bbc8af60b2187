"""Scripts that check layouts: every screen in every mode, and a deliberately broken screen."""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Iterator

from kivy.uix.floatlayout import FloatLayout

from kiosk.court.demo import DemoCourt
from kiosk.display import TextSize
from kiosk.i18n import LANGUAGES
from kiosk.inactivity import IdlePhase
from kiosk.journeys import registry
from kiosk.presenters.model import ScreenContext
from kiosk.presenters.screens import present
from kiosk.router import SCREENS
from kiosk.session import Preferences
from screens.automation import Robot, Wait
from screens.widgets import KioskButton, KioskLabel


#: Screens × languages × sizes, all of them: each frame is laid out, not painted, which made the
#: whole product affordable in make test (painted, it took 15 minutes here).
COMBINATIONS = list(itertools.product(SCREENS, LANGUAGES, TextSize))
#: The two halves, each checked in an app of its own (two tests, so parallel workers share them out).
HALVES = {"every_screen_first_half": COMBINATIONS[0::2], "every_screen_second_half": COMBINATIONS[1::2]}


def every_screen_first_half(robot: Robot) -> Iterator[Wait]:
    """Half of :data:`COMBINATIONS`."""
    return _every_screen(robot, HALVES["every_screen_first_half"])


def every_screen_second_half(robot: Robot) -> Iterator[Wait]:
    """The other half of :data:`COMBINATIONS`."""
    return _every_screen(robot, HALVES["every_screen_second_half"])


def _every_screen(robot: Robot, combinations: list[tuple[str, str, TextSize]]) -> Iterator[Wait]:
    """Each screen's model (with the journeys' sample data) in the given language and text size.

    Contrast changes only colours, never geometry, so the two palettes alternate: every screen is
    checked in both. The check reads the widgets' geometry and colours, never pixels, so frames are
    laid out but not painted (painting each one in software GL took most of the time).
    """
    yield robot.until_screen("attract")
    robot.stop_painting()
    court = DemoCourt(":memory:")
    journeys = {j.name: importlib.import_module(f"tests.kiosk.journeys.{j.name}.samples").sample_data(court)
                for j in registry.JOURNEYS}
    screen = robot.app.current_screen
    problems: dict[str, list[str]] = {}
    checked = 0
    for index, (name, language, size) in enumerate(combinations):
        contrast = index % 2 == 1
        prefs = Preferences(language=language, text_size=size, high_contrast=contrast, voice=contrast)
        ctx = ScreenContext(screen=name, step=name, preferences=prefs, languages=LANGUAGES, journeys=journeys,
                            idle_phase=IdlePhase.WARNING if name == "home" and contrast else IdlePhase.ACTIVE,
                            idle_countdown_s=18)
        robot.app.theme.apply(prefs)
        screen.show(present(ctx), language)
        yield 1
        found = robot.layout_problems()
        checked += 1
        if found:
            problems[f"{name}/{language}/{size.value}/{'hc' if contrast else 'default'}"] = found
    robot.results["checked"] = checked
    robot.results["problems"] = problems


def a_broken_screen(robot: Robot) -> Iterator[Wait]:
    """A screen built wrong on purpose: the checker must find each fault, in unpainted frames as in
    :func:`_every_screen`."""
    yield robot.until_screen("attract")
    robot.stop_painting()
    screen = robot.app.current_screen
    theme = robot.app.theme
    screen.layer.clear_widgets()
    layer = FloatLayout()
    screen.layer.add_widget(layer)
    layer.add_widget(KioskLabel(theme, text="W" * 80, size_hint=(None, None), width=200, pos=(10, 1000)))
    layer.add_widget(KioskButton(theme, text="A", widget_id="tiny", size_hint=(None, None), width=20, pos=(10, 500)))
    first = KioskButton(theme, text="B", widget_id="first", size_hint=(None, None), width=300, pos=(100, 300))
    second = KioskButton(theme, text="C", widget_id="second", size_hint=(None, None), width=300, pos=(200, 320))
    faint = KioskLabel(theme, text="faint", size_hint=(None, None), width=400, pos=(10, 1500))
    layer.add_widget(first)
    layer.add_widget(second)
    layer.add_widget(faint)
    yield 2
    faint.color = (0.8, 0.8, 0.8, 1)
    yield 1
    robot.results["problems"] = robot.layout_problems()
