"""Visits by touch for the benches, and the clock that times each touch to the next screen's first frame.

The latency bench and the endurance run drive the real app with these (see ``screens.automation``).
Visits run against the kiosk's own demo court, so what a day of visitors leaves behind stays.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.swaps import after_each_swap
from drivers.idcard.ga467 import Command
from kiosk.court.demo.seed import LI, ZHANG
from screens.automation import Robot, Wait

#: Frames drawn with a new screen before it is touched: one, so each screen is on display once as the
#: visitor sees it (the robot lays every widget out itself before each touch, so layouts need no more).
SETTLE_FRAMES = 1
#: A screen change this long after a touch is still that touch's (a slow one must not drop out of the
#: figures); a screen change ends the touch's turn, and the visits touch nothing before laying a card.
ATTRIBUTION_S = 5.0
#: Questions the ID-card reader must ask after a card is lifted: the first may have been asked with the
#: card still on it, so the second is the first answered "no card", and the driver has seen that answer.
POLLS_TO_NOTICE_LIFT = 2
PHONE = "13800138000"
MESSAGE = "建议增加座位"
WECHAT_CODE = "134567890123456789"

Visit = Callable[[Robot], Iterator[Wait]]
ROOT = Path(__file__).resolve().parent.parent


class TouchClock:
    """Times every screen change a touch causes: from the touch going down to the first frame drawn after.

    It listens on the window (bound after the app, so it hears each touch before the app does) and
    to each buffer swap, after which a frame is on screen (:mod:`bench.swaps`); frame intervals are
    also kept while :attr:`frames` is a list.
    """

    def __init__(self, robot: Robot) -> None:
        from kivy.clock import Clock  # noqa: PLC0415
        from kivy.core.window import Window  # noqa: PLC0415

        self.robot = robot
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.frames: list[float] | None = None
        self.last_touch_on: dict[str, float] = {}
        self._touch: tuple[float, str] | None = None
        self._shown = robot.screen_name
        self._last_tick: float | None = None
        Window.bind(on_touch_down=self._down)
        after_each_swap(Window, self._shown_frame)
        Clock.schedule_interval(self._tick, 0)

    def _down(self, _window: object, _touch: object) -> bool:
        self._touch = (time.perf_counter(), self.robot.screen_name)
        self.last_touch_on[self._touch[1]] = self._touch[0]
        return False

    def _tick(self, _dt: float) -> None:
        """Every pass of the main loop: its interval is the UI's frame time."""
        now = time.perf_counter()
        if self.frames is not None and self._last_tick is not None:
            self.frames.append(now - self._last_tick)
        self._last_tick = now

    def _shown_frame(self) -> None:
        now = time.perf_counter()
        screen = self.robot.screen_name
        if screen == self._shown:
            return
        if self._touch is not None and self._touch[1] == self._shown and now - self._touch[0] < ATTRIBUTION_S:
            self.latencies[f"{self._shown} → {screen}"].append(now - self._touch[0])
        self._touch = None
        self._shown = screen


def at(robot: Robot, screen: str) -> Iterator[Wait]:
    """Wait for ``screen`` and its layout."""
    yield robot.until_screen(screen)
    yield SETTLE_FRAMES


def go(robot: Robot, widget_id: str, screen: str) -> Iterator[Wait]:
    """Touch a button, then wait for the screen it leads to (the clock starts at the touch, after the robot's layout pass)."""
    robot.touch(widget_id)
    yield from at(robot, screen)


def lay_card(robot: Robot, name: str, id_number: str) -> Iterator[Wait]:
    """Lift the card on the reader (it reads a card once, on arrival); lay this one once it has seen none."""
    reader = robot.controller.devices.slots["id_reader"].driver
    polls = reader.emulator.requests
    reader.remove_card()
    asked = polls[Command.FIND_CARD]
    yield lambda: polls[Command.FIND_CARD] - asked >= POLLS_TO_NOTICE_LIFT
    robot.present_card(name, id_number)


def start(robot: Robot) -> Iterator[Wait]:
    """From the attract screen to home."""
    yield from at(robot, "attract")
    yield from go(robot, "start_visit", "home")


def finish(robot: Robot, stars: int = 5) -> Iterator[Wait]:
    """From home: end the visit and rate it, back to the attract screen."""
    yield from go(robot, "finish", "rating")
    yield from go(robot, f"rate-{stars}", "attract")


def home(robot: Robot) -> Iterator[Wait]:
    """The keypad's home key, from wherever the journey ended."""
    robot.press_key("home")
    yield from at(robot, "home")


def lookup(robot: Robot) -> Iterator[Wait]:
    """Li's cases by ID card, one case, its documents, one printed."""
    yield from start(robot)
    yield from go(robot, "choose_lookup", "lookup_menu")
    yield from go(robot, "by_card", "lookup_card")
    yield from lay_card(robot, LI.name, LI.id_number)
    yield from at(robot, "lookup_cases")
    first_case = next(w for w in robot.app.current_screen.buttons if w.startswith("open_case-"))
    yield from go(robot, first_case, "lookup_case")
    yield from go(robot, "show_documents", "lookup_documents")
    document = next(a.widget_id for a in robot.controller.model().actions if a.intent == "print_document")
    robot.touch(document)
    printer = robot.controller.devices.slots["a4_printer"].driver
    jobs = len(printer.jobs)
    yield lambda: len(printer.jobs) > jobs
    yield from at(robot, "lookup_documents")
    yield from go(robot, "go_home", "home")
    yield from finish(robot)


def payment(robot: Robot) -> Iterator[Wait]:
    """Zhang's case by ID card, its fees, the QR code shown and cancelled (the demo court's fees stay due)."""
    yield from start(robot)
    yield from go(robot, "choose_payment", "payment_menu")
    yield from go(robot, "by_card", "payment_card")
    yield from lay_card(robot, ZHANG.name, ZHANG.id_number)
    yield from at(robot, "payment_cases")
    case = next(w for w in robot.app.current_screen.buttons if w.startswith("choose_case-"))
    yield from go(robot, case, "payment_items")
    if "pay_by_qr" in robot.app.current_screen.buttons:
        yield from go(robot, "pay_by_qr", "payment_qr")
        yield from go(robot, "cancel_payment", "payment_ended")
    yield from home(robot)
    yield from finish(robot, 4)


def work_order(robot: Robot) -> Iterator[Wait]:
    """A suggestion with a phone number and a Chinese message typed on the keyboards, sent, slip printed."""
    yield from start(robot)
    yield from go(robot, "choose_work_order", "work_order_menu")
    yield from go(robot, "choose_kind-complaint_suggestion", "work_order_card")
    yield from lay_card(robot, LI.name, LI.id_number)
    yield from at(robot, "work_order_form")
    robot.touch("field-work_order.phone")
    yield SETTLE_FRAMES
    robot.type_text("work_order.phone", PHONE)
    yield SETTLE_FRAMES
    robot.touch("submit")
    yield SETTLE_FRAMES
    robot.touch("field-work_order.message")
    yield SETTLE_FRAMES
    robot.type_text("work_order.message", MESSAGE)
    yield SETTLE_FRAMES
    robot.touch("submit")
    yield from at(robot, "work_order_review")
    yield from go(robot, "send_work_order", "work_order_done")
    yield from home(robot)
    yield from finish(robot, 3)


def queue_ticket(robot: Robot) -> Iterator[Wait]:
    """A filing-window number without priority, its ticket printed."""
    yield from start(robot)
    yield from go(robot, "choose_queue_ticket", "queue_ticket_service")
    yield from go(robot, "choose_service-filing", "queue_ticket_priority")
    yield from go(robot, "take_ticket-none", "queue_ticket_done")
    yield from go(robot, "go_home", "home")
    yield from finish(robot)


def filing(robot: Robot) -> Iterator[Wait]:
    """The whole filing tour by touch (every field typed), receipt and complaint printed."""
    from screens.tours import filing as filing_tour  # noqa: PLC0415

    yield from start(robot)
    yield from filing_tour.tour(robot, lambda _name: None)
    yield from finish(robot)


def abandoned(robot: Robot) -> Iterator[Wait]:
    """A visitor who walks away mid-journey: the warning shows, its countdown runs out, the visit is wiped.

    The idle clock is moved on rather than waited for (the shortest configurable warning is 20 s).
    """
    yield from start(robot)
    yield from go(robot, "choose_lookup", "lookup_menu")
    robot.walk_away()
    yield lambda: "extend_time" in robot.app.current_screen.buttons
    idle = robot.controller.idle
    idle.restart(time.monotonic() - idle.limit_s - idle.warning_s - 1, idle.limit_s)
    yield from at(robot, "attract")


#: Every journey of a day, by name.
VISITS: dict[str, Visit] = {"lookup": lookup, "payment": payment, "work_order": work_order,
                            "queue_ticket": queue_ticket, "filing": filing, "abandoned": abandoned}


def results_of(clock: TouchClock) -> dict[str, Any]:
    """The clock's latencies in milliseconds, for the result file."""
    return {key: [round(s * 1000, 2) for s in values] for key, values in clock.latencies.items()}


def run_in_app(target: str, display: str, folder: str, *, quiet: bool = True, **env: str) -> dict[str, Any]:
    """Run the automation script ``target`` in a fresh app on ``display``, its data and settings in ``folder``.

    Returns the result file's ``results`` and ``error``; ``env`` adds to the environment.
    """
    result = Path(folder) / "result.json"
    environment = {**os.environ, "DISPLAY": display, "XDG_DATA_HOME": folder, "XDG_CONFIG_HOME": folder, **env}
    child = subprocess.run([sys.executable, "-m", "screens.automation", target, "--result", str(result)],
                           cwd=ROOT, env=environment, check=False, capture_output=quiet)
    if not result.exists():
        return {"results": {}, "error": f"the app ended with exit status {child.returncode} and no result"}
    return json.loads(result.read_text())
