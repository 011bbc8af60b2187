"""Maintenance's "restart kiosk" and "exit to the system", carried out by the real ``kiosk run`` process.

The maintenance tests stop at the request flag; here staff touch their way through the gesture, the
PIN pad and the confirmation in a child running ``kiosk run`` (``kiosk.cli.main``, exactly as the
console script and ``deploy/kiosk-session`` start it) under Xvfb, and the test watches what the
process does.

What systemd sees (``deploy/courtkiosk.service``: ``Restart=on-failure`` around xinit, whose only
client execs the kiosk): "restart kiosk" replaces the process image in place (same process id,
so the unit and its watchdog see no exit at all, and X stays up), and the fresh kiosk comes back to
attract; "exit to the system" ends the process with status 0, the one status ``on-failure`` does not
restart on, so the kiosk stays down for the administrator. A crash (a non-zero status or a signal)
is what the unit restarts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.staff.pins import hash_pin
from screens.automation import Robot, Wait
from screens.tours.maintenance import go, unlock

pytestmark = pytest.mark.ui

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "deploy" / "courtkiosk.service"
STAFF_ID, PIN = "admin", "246810"
#: Where each start of the child writes ``<start number> <pid>``, and a failed script its traceback.
TRACE_ENV = "KIOSK_TEST_RESTART_TRACE"
#: The child's status when its staff script failed (not one the kiosk uses).
SCRIPT_FAILED = 70
CHILD = "from tests.screens.test_restart import kiosk_run_with_staff; kiosk_run_with_staff()"


def leave_by_touch(robot: Robot, button: str) -> Iterator[Wait]:
    """Unlock, touch "restart kiosk" or "exit to the system" (``button``), confirm: the app acts on it.

    The last wait never holds: only the app's leaving ends the script; staying is a time-out, reported.
    """
    yield from unlock(robot, STAFF_ID, PIN)
    yield from go(robot, button, "maintenance_confirm")
    robot.touch("staff_confirm")
    yield lambda: False


def kiosk_run_with_staff() -> None:
    """In the child: ``kiosk run``, with staff restarting it on its first start and exiting on its second.

    Kivy is not imported before ``kiosk run`` sets up logging, as in production: the app is reached
    through the composition root, which is wrapped to start the staff script with the app.
    """
    import screens.launch  # noqa: PLC0415
    from kiosk.cli import main  # noqa: PLC0415
    from screens.automation import _drive  # noqa: PLC0415

    trace = Path(os.environ[TRACE_ENV])
    start = len(trace.read_text().splitlines()) + 1 if trace.exists() else 1
    with trace.open("a") as out:
        out.write(f"{start} {os.getpid()}\n")
    button = "staff_restart" if start == 1 else "staff_system_exit"
    build_app = screens.launch.build_app

    def failed(exc: BaseException | None) -> None:
        with trace.open("a") as out:
            out.write("".join(traceback.format_exception(exc)) if exc else "the script ended unexpectedly\n")
        os._exit(SCRIPT_FAILED)

    def build_with_staff(*args: Any, **kwargs: Any) -> Any:
        app = build_app(*args, **kwargs)
        robot = Robot(app)
        app.bind(on_start=lambda _app: _drive(robot, leave_by_touch(robot, button), failed))
        return app

    screens.launch.build_app = build_with_staff
    sys.exit(main(["run"]))


def unit_setting(name: str) -> str:
    match = re.search(rf"^{name}=(.*)$", UNIT.read_text(), re.MULTILINE)
    assert match is not None, f"{name} not in {UNIT}"
    return match.group(1).strip()


def restarted_by_unit(status: int) -> bool:
    """Whether ``Restart=on-failure`` restarts after a process exited with ``status`` (systemd.service(5))."""
    assert unit_setting("Restart") == "on-failure"
    return status != 0


def test_restart_replaces_the_process_in_place_and_exit_to_the_system_ends_it_with_a_status_left_down(
        display: str, tmp_path: Path) -> None:
    trace = tmp_path / "starts.txt"
    members = {STAFF_ID: {"role": "administrator", "pin_hash": hash_pin(PIN, n=2**10)}}
    env = {**os.environ, "DISPLAY": display, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "KIOSK_STAFF__MEMBERS": json.dumps(members),
           "KIOSK_STAFF__GESTURE__HOLD_S": "2", TRACE_ENV: str(trace)}

    child = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=300, check=False)

    starts = trace.read_text().splitlines()
    assert child.returncode != SCRIPT_FAILED, "\n".join(starts)
    assert [line.split()[0] for line in starts] == ["1", "2"], child.stderr[-3000:]
    assert len({line.split()[1] for line in starts}) == 1  # one process id: systemd saw no exit on restart
    assert child.returncode == 0, child.stderr[-3000:]
    assert not restarted_by_unit(child.returncode)  # exit to the system: the kiosk stays down

