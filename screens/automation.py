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
        """A button of the current screen (keyboard keys and candidates included) by its widget id."""
        buttons = self.app.current_screen.all_buttons()
        if widget_id not in buttons:
            raise LookupError(f"no button {widget_id!r} on {self.screen_name}; there are {sorted(buttons)}")
        return buttons[widget_id]

    def touch(self, widget_id: str) -> None:
        """Press and release a finger on the centre of a button, as a visitor would.

        Widgets made by the previous touch (a new keyboard layout, new candidates) are laid out
        first, as the next frame would, so the finger lands where the visitor would see the key.
        """
        self._settle()
        button = self.button(widget_id)
        self._reveal(button)
        self.touch_at(*button.to_window(*button.center))

    def _reveal(self, button: Any) -> None:
        """Scroll a button that is scrolled out of sight into view first, as a visitor would."""
        from kivy.uix.scrollview import ScrollView  # noqa: PLC0415

        view = button.parent
        while view is not None and view is not view.parent and not isinstance(view, ScrollView):
            view = view.parent
        if not isinstance(view, ScrollView):
            return
        bottom, top = button.to_window(button.x, button.y)[1], button.to_window(button.x, button.top)[1]
        view_bottom, view_top = view.to_window(view.x, view.y)[1], view.to_window(view.x, view.top)[1]
        if bottom >= view_bottom and top <= view_top:
            return
        view.scroll_to(button, padding=0, animate=False)
        view.update_from_scroll()
        self._settle()

    def _settle(self) -> None:
        from kivy.uix.label import Label  # noqa: PLC0415
        from kivy.uix.layout import Layout  # noqa: PLC0415

        for _ in range(3):  # sizes propagate upwards through minimum_height, then positions downwards
            for widget in self.app.root.walk():
                if isinstance(widget, Label):
                    widget.texture_update()
                if isinstance(widget, Layout):
                    widget.do_layout()

    def touch_at(self, x: float, y: float) -> None:
        """Press and release a finger at window coordinates (origin bottom left)."""
        from kivy.tests.common import UnitTestTouch  # noqa: PLC0415

        touch = UnitTestTouch(x, y)
        touch.touch_down()
        touch.touch_up()

    def until_screen(self, name: str) -> Callable[[], bool]:
        """A wait condition: the named screen is on display."""
        return lambda: self.screen_name == name

    def type_text(self, field_id: str, text: str) -> None:
        """Type ``text`` into a field with the on-screen keyboard, key by key, as a visitor would.

        Chinese goes through the pinyin keyboard: each character's pinyin is typed and the
        character picked from the candidates (paging on when it is not on the first page).
        """
        from pypinyin import lazy_pinyin  # noqa: PLC0415

        self.touch(f"field-{field_id}")
        editor = self.app.current_screen.editors[field_id]
        position = 0
        while position < len(text):
            typed = self._type_key_at(editor, text, position)
            if typed:
                position += typed
                continue
            character = text[position]
            self._switch_to(editor, lambda layout: layout.name.value == "pinyin")
            for letter in lazy_pinyin(character, v_to_u=False)[0]:
                self.touch(f"key-{letter}")
            for _page in range(20):
                if character in editor.candidates:
                    break
                self.touch("key-›")
            self.touch(f"candidate-{editor.candidates.index(character)}")
            position += 1

    def _type_key_at(self, editor: Any, text: str, position: int) -> int:
        """Touch the longest key label that matches ``text`` at ``position`` (switching layout if needed)."""
        def labels(layout: Any) -> list[str]:
            return [k.label for k in layout.keys() if k.action is None and text.startswith(k.label, position)
                    and not (layout.name.value == "pinyin" and k.label.isascii() and k.label.isalpha())]

        if not labels(editor.layout):
            if not any(labels(layout) for layout in editor.layouts):
                return 0
            self._switch_to(editor, lambda layout: bool(labels(layout)))
        label = max(labels(editor.layout), key=len)
        self.touch(f"key-{label}")
        return len(label)

    def _switch_to(self, editor: Any, wanted: Callable[[Any], bool]) -> None:
        if wanted(editor.layout):
            return
        target = next(layout for layout in editor.layouts if wanted(layout))
        switch = next(k for k in editor.layout.keys() if k.target is target.name)
        self.touch(f"key-{switch.label}")

    def write_character(self, field_id: str, character: str, strokes: list[list[tuple[float, float]]]) -> None:
        """Write one character on the handwriting pad with a finger, then pick it from the candidates.

        ``strokes`` are point lists in a unit box (0..1, y downwards), drawn scaled into the pad.
        """
        from kivy.tests.common import UnitTestTouch  # noqa: PLC0415

        self.touch(f"field-{field_id}")
        editor = self.app.current_screen.editors[field_id]
        self._switch_to(editor, lambda layout: layout.name.value == "handwriting")
        pad = self.app.current_screen.keyboard.pad
        left, top = pad.to_window(pad.x, pad.top)
        side = min(pad.width, pad.height) * 0.9

        def at(point: tuple[float, float]) -> tuple[float, float]:
            return left + (pad.width - side) / 2 + point[0] * side, top - (pad.height - side) / 2 - point[1] * side

        for stroke in strokes:
            touch = UnitTestTouch(*at(stroke[0]))
            touch.touch_down()
            for point in stroke[1:]:
                touch.touch_move(*at(point))
            touch.touch_up()
        self.touch(f"candidate-{editor.candidates.index(character)}")

    def press_key(self, name: str, codepoint: str = "") -> None:
        """Press and release a key of the keypad / keyboard (Kivy key names: ``down``, ``enter``…)."""
        from kivy.core.window import Keyboard, Window  # noqa: PLC0415

        code = Keyboard.keycodes[name] if name in Keyboard.keycodes else ord(codepoint)
        Window.dispatch("on_key_down", code, 0, codepoint or None, [])
        Window.dispatch("on_key_up", code, 0)

    def keypad_to(self, widget_id: str) -> None:
        """Arrow down until the keypad focus is on ``widget_id`` (each step is announced), then Enter."""
        for _step in range(200):
            if self.controller.focused_widget == widget_id:
                self.press_key("enter")
                return
            self.press_key("down")
        raise LookupError(f"{widget_id!r} cannot be reached by keypad on {self.screen_name}")

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

    def stop_painting(self) -> None:
        """From now on frames are laid out (clock, layouts, label textures) but not painted.

        For scripts that only read geometry and colours (:meth:`layout_problems`): under Xvfb the
        window is painted in software, which costs more than laying a screen out. Screenshots taken
        after this show the last painted frame, so a script that takes them must not call this.
        """
        from kivy.core.window import Window  # noqa: PLC0415

        Window.bind(on_draw=lambda *_: True, on_flip=lambda *_: True)  # handled: the window's own ones don't run

    def layout_problems(self) -> list[str]:
        """Text cut off, overlapping or off screen, small targets, weak contrast on the current screen."""
        from screens.layout_check import screen_problems  # noqa: PLC0415

        screen = self.app.current_screen
        return screen_problems(screen, list(reversed(screen.layer.children)), self.app.theme)


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
