"""Drive the real kiosk app with scripted touches: UI tests, screenshots and the self-test use it.

A script is a generator function taking a :class:`Robot`; every ``yield`` hands control back to
Kivy for some frames (or until a condition holds), so the app runs exactly as for a visitor.
Run one with ``python -m screens.automation package.module:function [--result out.json]``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
import time
import traceback
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("kiosk.automation")

Wait = int | Callable[[], bool]
Script = Callable[["Robot"], Iterator[Wait]]
#: How long a condition may take before the script fails.
MAX_WAIT_S = 90.0


@dataclass
class Robot:
    """What a script may do: look at the app, touch buttons, take pictures, record results."""

    app: Any  # screens.app.KioskApp
    results: dict[str, Any] = field(default_factory=dict)

    @property
    def controller(self) -> Any:
        """The app's controller (to read the machine's state, never to bypass the screens)."""
        return self.app.controller

    @property
    def screen_name(self) -> str:
        """The name of the screen on display."""
        return self.app.manager.current

    def button(self, widget_id: str) -> Any:
        """A button of the current screen by its widget id."""
        buttons = self.app.current_screen.buttons
        if widget_id not in buttons:
            raise LookupError(f"no button {widget_id!r} on {self.screen_name}; there are {sorted(buttons)}")
        return buttons[widget_id]

    def touch(self, widget_id: str) -> None:
        """Press and release a finger on the centre of a button, as a visitor would."""
        button = self.button(widget_id)
        self.touch_at(*button.to_window(*button.center))

    def touch_at(self, x: float, y: float) -> None:
        """Press and release a finger at window coordinates (origin bottom left)."""
        from kivy.tests.common import UnitTestTouch  # noqa: PLC0415

        touch = UnitTestTouch(x, y)
        touch.touch_down()
        touch.touch_up()

    def until_screen(self, name: str) -> Callable[[], bool]:
        """A wait condition: the named screen is on display."""
        return lambda: self.screen_name == name

    def present_card(self, name: str, id_number: str) -> None:
        """Lay a (fictitious) resident card with this name and number on the simulated reader."""
        from dataclasses import replace  # noqa: PLC0415

        from drivers.idcard.fixtures import FIXTURE_CARD  # noqa: PLC0415

        reader = self.controller.devices.slots["id_reader"].driver
        reader.present_card(replace(FIXTURE_CARD, name=name, id_number=id_number))

    def walk_away(self) -> None:
        """Make the visitor's idle time reach the limit now, as if they had walked away."""
        idle = self.controller.idle
        idle.restart(time.monotonic() - idle.limit_s, idle.limit_s)

    def screenshot(self, path: Path) -> Path:
        """Save the window as it is now."""
        path.parent.mkdir(parents=True, exist_ok=True)
        return self.app.save_screenshot(path)

    def layout_problems(self) -> list[str]:
        """Text that does not fit its box, or boxes that leave the window, on the current screen."""
        from kivy.core.window import Window  # noqa: PLC0415
        from kivy.uix.label import Label  # noqa: PLC0415

        problems = []
        for widget in self.app.current_screen.walk(restrict=True):
            if not isinstance(widget, Label) or not widget.text:
                continue
            tex_w, tex_h = widget.texture_size
            x, y = widget.to_window(widget.x, widget.y)
            name = widget.text[:24].replace("\n", " ")
            if tex_w > widget.width + 1 or tex_h > widget.height + 1:
                problems.append(f"{name!r}: text {tex_w:.0f}x{tex_h:.0f} exceeds box {widget.width:.0f}x{widget.height:.0f}")
            if x < -1 or y < -1 or x + widget.width > Window.width + 1 or y + widget.height > Window.height + 1:
                problems.append(f"{name!r}: box at ({x:.0f},{y:.0f}) {widget.width:.0f}x{widget.height:.0f} leaves the window")
        return problems


def _drive(robot: Robot, steps: Iterator[Wait], done: Callable[[BaseException | None], None]) -> None:
    from kivy.clock import Clock  # noqa: PLC0415

    state: dict[str, Any] = {"since": time.monotonic(), "condition": None}

    def frame(_dt: float) -> None:
        try:
            condition = state["condition"]
            if callable(condition):
                if not condition():
                    if time.monotonic() - state["since"] > MAX_WAIT_S:
                        raise TimeoutError(f"waited {MAX_WAIT_S:.0f} s on {robot.screen_name}")
                    Clock.schedule_once(frame, 0)
                    return
            elif isinstance(condition, int) and condition > 0:
                state["condition"] = condition - 1
                Clock.schedule_once(frame, 0)
                return
            state["condition"], state["since"] = next(steps), time.monotonic()
            Clock.schedule_once(frame, 0)
        except StopIteration:
            done(None)
        except BaseException as exc:  # noqa: BLE001 - reported to the caller, whatever it was
            done(exc)

    Clock.schedule_once(frame, 0)


def run_script(script: Script, settings: Any) -> tuple[dict[str, Any], str | None]:
    """Start the app with ``settings``, run ``script`` in it, stop; return (results, error text)."""
    from screens.launch import build_app  # noqa: PLC0415

    app = build_app(settings)
    robot = Robot(app)
    outcome: dict[str, str | None] = {"error": None}

    def done(exc: BaseException | None) -> None:
        if exc is not None:
            outcome["error"] = "".join(traceback.format_exception(exc))
        app.stop()

    def start(_app: Any) -> None:
        steps: Generator[Wait, None, None] = script(robot)  # type: ignore[assignment]
        _drive(robot, steps, done)

    app.bind(on_start=start)
    try:
        app.run()
    finally:
        app.controller.devices.close_all()
        app.controller.services.stop()
    return robot.results, outcome["error"]


def load_script(target: str) -> Script:
    """``package.module:function`` → the script function."""
    module_name, _, function = target.partition(":")
    return getattr(importlib.import_module(module_name), function)


def main(argv: list[str] | None = None) -> int:
    """Command line: run one script under the configured settings and write its results."""
    from kiosk.config import load_settings  # noqa: PLC0415
    from kiosk.logs import configure_logging  # noqa: PLC0415

    parser = argparse.ArgumentParser(prog="screens.automation")
    parser.add_argument("script", help="package.module:function")
    parser.add_argument("--config", type=Path)
    parser.add_argument("--result", type=Path, help="write the script's results and error as JSON here")
    args = parser.parse_args(argv)
    configure_logging(logging.WARNING)
    results, error = run_script(load_script(args.script), load_settings(args.config))
    if args.result:
        args.result.write_text(json.dumps({"results": results, "error": error}, ensure_ascii=False, indent=1))
    if error:
        print(error, file=sys.stderr)
    return 1 if error else 0


if __name__ == "__main__":
    sys.exit(main())
