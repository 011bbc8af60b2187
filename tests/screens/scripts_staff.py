"""Scripts the staff UI tests run inside the real app: the gesture, the PIN pad, a test print, lockdown."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from screens.automation import Robot, Wait
from screens.tours import maintenance as maintenance_tour

#: The member the tests configure through the environment (see test_staff_ui).
STAFF_ID = "admin"
PIN = "246810"
FRAMES_AFTER_KEYS = 30
#: Frames for a new screen to be laid out before it is touched.
SETTLE_FRAMES = 3


def go(robot: Robot, button: str, screen: str) -> Iterator[Wait]:
    """Touch a button and wait until ``screen`` is shown and laid out."""
    robot.touch(button)
    yield robot.until_screen(screen)
    yield SETTLE_FRAMES


def unlock_test_print_and_leave(robot: Robot) -> Iterator[Wait]:
    """Gesture by touches, id and PIN on the pads, a test print from the device table, back to attract."""
    yield robot.until_screen("attract")
    yield from maintenance_tour.hidden_gesture(robot)
    yield robot.until_screen("maintenance_unlock")
    yield SETTLE_FRAMES
    robot.results["prompt"] = robot.screen_name
    yield from maintenance_tour.type_credentials(robot, STAFF_ID, PIN)
    robot.results["pin_shown_as"] = robot.app.current_screen.field_boxes["maintenance.pin"].text_button.text
    robot.results["pin_typed"] = robot.controller.visit.fields.get("maintenance.pin") == PIN
    yield from go(robot, "staff_pin", "maintenance_menu")
    yield from go(robot, "staff_devices", "maintenance_devices")
    printer = robot.controller.devices.slots["a4_printer"].driver
    robot.touch("staff_self_test-a4_printer")
    yield lambda: robot.screen_name == "maintenance_devices" and "a4_printer" in robot.controller.visit.journeys[
        "maintenance"].get("tests", {})
    yield SETTLE_FRAMES
    # Read while the app runs: the simulated printer's own folder goes when the kiosk closes.
    robot.results["printed"] = [p.read_bytes()[:5].decode() for p in printer.printed()]
    yield from go(robot, "staff_menu", "maintenance_menu")
    yield from go(robot, "staff_exit", "attract")
    robot.results["after"] = {"screen": robot.screen_name, "session": robot.controller.staff_session is not None}


def maintenance_screenshots(robot: Robot) -> Iterator[Wait]:
    """Every maintenance screen photographed (into ``KIOSK_TEST_SHOTS``), with its layout problems."""
    yield from maintenance_tour.every_maintenance_screen(robot, Path(os.environ["KIOSK_TEST_SHOTS"]))


def escape_and_alt_f4(robot: Robot) -> Iterator[Wait]:
    """In kiosk mode, Escape, Alt+F4 and the window manager's close request leave the app running."""
    from kivy.base import EventLoop  # noqa: PLC0415
    from kivy.config import Config  # noqa: PLC0415
    from kivy.core.window import Window  # noqa: PLC0415

    yield robot.until_screen("attract")
    robot.press_key("escape")
    Window.dispatch("on_key_down", 285, 0, None, ["alt"])  # F4 with Alt held
    Window.dispatch("on_key_up", 285, 0)
    robot.results["close_refused"] = bool(Window.dispatch("on_request_close"))
    yield FRAMES_AFTER_KEYS
    robot.results["still_running"] = {"screen": robot.screen_name, "quit": bool(EventLoop.quit),
                                      "status": EventLoop.status}
    robot.results["cursor_shown"] = bool(Window.show_cursor)
    robot.results["mouse_input"] = Config.get("input", "mouse")
    xset = shutil.which("xset")
    if xset:
        robot.results["xset"] = subprocess.run([xset, "q"], capture_output=True, text=True, check=False).stdout
