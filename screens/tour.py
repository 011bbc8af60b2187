"""Screenshot tours: the same screens in every language, text size and contrast.

``make screenshots`` writes them to ``docs/screenshots/``; the layout test runs the same tour and
fails on any text that does not fit. Modes are changed by touching the real toggle buttons.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

from kiosk.court.demo.seed import ZHANG

from kiosk.display import TextSize
from kiosk.flow import JOURNEYS, KioskFlow
from screens.automation import Robot, Wait
from screens.tours import filing as filing_tour
from screens.tours import lookup as lookup_tour
from screens.tours import maintenance as maintenance_tour
from screens.tours import payment as payment_tour
from screens.tours import queue_ticket as queue_ticket_tour
from screens.tours import work_order as work_order_tour

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
    robot.results.setdefault("layout_problems", {}).update(problems)


#: Journeys with a tour of their own walk through every step; the others show their first step.
JOURNEY_TOURS: dict[str, Callable[[Robot, Callable[[str], None]], Iterator[Wait]]] = {
    "filing": filing_tour.tour,
    "lookup": lookup_tour.tour,
    "payment": payment_tour.tour,
    "work_order": work_order_tour.tour,
    "queue_ticket": queue_ticket_tour.tour,
}


def every_visitor_screen(robot: Robot, out_dir: Path) -> Iterator[Wait]:
    """Each visitor screen once, reached by touches, including the inactivity warning."""
    problems: dict[str, list[str]] = {}

    def shoot(name: str) -> None:
        robot.screenshot(out_dir / f"{name}.png")
        problems[name] = robot.layout_problems()

    yield robot.until_screen("attract")
    yield SETTLE_FRAMES
    shoot("attract")
    robot.touch("start_visit")
    yield robot.until_screen("home")
    for journey in JOURNEYS:
        if journey in JOURNEY_TOURS:
            yield from JOURNEY_TOURS[journey](robot, shoot)
            continue
        robot.touch(f"choose_{journey}")
        yield robot.until_screen(KioskFlow.entry_step(journey))
        yield SETTLE_FRAMES
        shoot(robot.screen_name)
        robot.touch("back")
        yield robot.until_screen("home")
    robot.touch("ask_help")
    yield robot.until_screen("help")
    yield SETTLE_FRAMES
    shoot("help")
    robot.touch("back")
    yield robot.until_screen("home")
    robot.walk_away()
    yield lambda: "extend_time" in robot.app.current_screen.buttons
    yield SETTLE_FRAMES
    shoot("idle_warning")
    robot.touch("extend_time")
    yield lambda: "extend_time" not in robot.app.current_screen.buttons
    robot.touch("finish")
    yield robot.until_screen("rating")
    yield SETTLE_FRAMES
    shoot("rating")
    robot.results.setdefault("layout_problems", {}).update(problems)


#: Each kind of keyboard: its name, the touches from home to its screen, that screen, the touches
#: there that bring the keyboard up (focusing another field, switching layout), and the touches that
#: put it back as it was (a field keeps its layout for the rest of the visit).
KEYBOARD_SCREENS: tuple[tuple[str, tuple[str, ...], str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("case_number_pad", ("choose_lookup", "by_number"), "lookup_number", (), ()),
    ("id_number_pad", ("choose_filing", "type_id"), "filing_id_typed", (), ()),
    ("pinyin", ("choose_filing", "type_id"), "filing_id_typed", ("field-filing.visitor_name",), ()),
    ("handwriting", ("choose_filing", "type_id"), "filing_id_typed", ("field-filing.visitor_name", "key-手写"),
     ("key-拼音",)),
    ("numeric_pad", ("choose_work_order", "choose_kind-complaint_suggestion"), "work_order_form", (), ()),
)
#: Work orders ask for the ID card once per visit (the filing keyboards come first, before a card is read).
CARD_SCREEN = "work_order_card"
#: Long enough for the ID-card reader to notice a lifted card (it looks every 0.3 s).
CARD_LIFT_S = 1.0


def _keyboard(robot: Robot, touches: tuple[str, ...], screen: str, then: tuple[str, ...]) -> Iterator[Wait]:
    """From home to ``screen`` and its keyboard, each touch on a laid-out screen."""
    for widget_id in touches:
        robot.touch(widget_id)
        yield SETTLE_FRAMES
    yield lambda: robot.screen_name in (screen, CARD_SCREEN)
    if robot.screen_name == CARD_SCREEN:
        robot.controller.devices.slots["id_reader"].driver.remove_card()
        lifted_at = time.monotonic()
        yield lambda: time.monotonic() - lifted_at > CARD_LIFT_S
        robot.present_card(ZHANG.name, ZHANG.id_number)
        yield robot.until_screen(screen)
    yield SETTLE_FRAMES
    for widget_id in then:
        robot.touch(widget_id)
        yield SETTLE_FRAMES


def keyboards_in_every_size(robot: Robot, out_dir: Path) -> Iterator[Wait]:
    """The on-screen keyboards in every text size, and in high contrast, from attract back to attract."""
    yield robot.until_screen("attract")
    robot.touch("start_visit")
    yield robot.until_screen("home")
    problems: dict[str, list[str]] = {}
    modes = [(size, False) for size in TextSize] + [(TextSize.EXTRA_LARGE, True)]
    for size, contrast in modes:
        yield from set_modes(robot, robot.controller.settings.languages.default, size, contrast)
        for name, touches, screen, then, undo in KEYBOARD_SCREENS:
            yield from _keyboard(robot, touches, screen, then)
            shot = f"keyboard-{name}-{size.value}{'-high_contrast' if contrast else ''}"
            robot.screenshot(out_dir / f"{shot}.png")
            problems[shot] = robot.layout_problems()
            for widget_id in undo:
                robot.touch(widget_id)
                yield SETTLE_FRAMES
            robot.touch("go_home")
            yield robot.until_screen("home")
    yield from set_modes(robot, robot.controller.settings.languages.default, TextSize.NORMAL, False)
    robot.touch("finish")
    yield robot.until_screen("rating")
    robot.touch("rate-0")
    yield robot.until_screen("attract")
    robot.results.setdefault("layout_problems", {}).update(problems)


def full_tour(robot: Robot, out_dir: Path) -> Iterator[Wait]:
    """Every visitor screen, every maintenance screen (through the hidden gesture), the keyboards in
    every text size, then home in every mode."""
    yield from every_visitor_screen(robot, out_dir)
    robot.touch("rate-0")
    yield robot.until_screen("attract")
    yield from maintenance_tour.every_maintenance_screen(robot, out_dir)
    yield from keyboards_in_every_size(robot, out_dir)
    yield from home_in_every_mode(robot, out_dir)
