"""UI frame times while the camera decodes, the voice speaks, a print job runs and the lexicon loads.

``python bench/frames.py [--runs 3]``: three app processes under Xvfb, each with one real
worker in place of its simulated device: the camera scanner decoding noisy 1280×720 frames at
30 frames/s, the pyttsx3 speaker (espeak-ng; no sound card, so the player only waits as long as
each sentence lasts), the simulated printers fed by the real PDF renderers, and the pinyin
lexicon loaded on a worker thread as the warm-up does after every start. Each measures the same app idle on the home
screen first (the baseline), then the loaded window; a frame time is the interval between two
passes of Kivy's main loop. The loop is capped at 60 frames/s, but its clock stops sleeping early
by its timer's resolution, so idle passes come about 12.5 ms apart here, not 16.7. Prints the 95th
percentile, median and longest frame per window: median (min–max) over ``--runs`` windows, and the
loaded/idle ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._visits import LI, TouchClock, at, go, home, lay_card, run_in_app, start  # noqa: E402
from kiosk.virtual_display import virtual_display  # noqa: E402
from screens.automation import Robot, Wait  # noqa: E402

WINDOW_S = 4.0
CAMERA_FRAMES = 30
TARGET_P95_MS = 33.0
#: Plays nothing, but takes the WAV's duration: sentences are synthesised at the pace of speech, as with
#: a sound card (``true`` would have the speaker synthesise the whole prompt in one burst).
REAL_TIME_PLAYER = "import sys, time, wave; w = wave.open(sys.argv[1]); time.sleep(w.getnframes() / w.getframerate())"


def _window(clock: TouchClock, until: Callable[[], bool]) -> Iterator[Wait]:
    """Record frame times until ``until`` holds; leave them as the clock's last window."""
    clock.frames = []
    yield until
    yield 1


def _for(seconds: float) -> Callable[[], bool]:
    began = time.monotonic()
    return lambda: time.monotonic() - began > seconds


def _p95_ms(frames: list[float]) -> dict[str, float]:
    return {"p95": statistics.quantiles(frames, n=20, method="inclusive")[-1] * 1000, "median": statistics.median(frames) * 1000,
            "longest": max(frames) * 1000, "n": len(frames)}


def measure(robot: Robot) -> Iterator[Wait]:
    """Automation script: for BENCH_RUNS runs, an idle window on home, then BENCH_LOAD's loaded window."""
    load, runs = os.environ["BENCH_LOAD"], int(os.environ["BENCH_RUNS"])
    yield from start(robot)
    clock = TouchClock(robot)
    windows: dict[str, list[dict[str, float]]] = {"idle": [], load: []}
    for _run in range(runs):
        yield from _window(clock, _for(WINDOW_S))
        windows["idle"].append(_p95_ms(clock.frames))
        yield from LOADS[load](robot, clock)
        windows[load].append(_p95_ms(clock.frames))
        clock.frames = None
    robot.results["windows"] = windows


def camera(robot: Robot, clock: TouchClock) -> Iterator[Wait]:
    """The case-QR step enables the camera scanner; frames are decoded for WINDOW_S."""
    yield from go(robot, "choose_lookup", "lookup_menu")
    yield from go(robot, "by_qr", "lookup_qr")
    yield from _window(clock, _for(WINDOW_S))
    yield from home(robot)


def speech(robot: Robot, clock: TouchClock) -> Iterator[Wait]:
    """Voice on: the lookup menu's prompt is spoken, sentence by sentence, while the screen stands still."""
    robot.touch("toggle_voice")
    yield 2
    robot.touch("choose_lookup")
    yield from at(robot, "lookup_menu")  # the window is the speaking, not the new screen's first drawing
    yield from _window(clock, _for(WINDOW_S))
    yield from home(robot)
    robot.touch("toggle_voice")  # off again: the next idle window is silent
    yield 2


def printing(robot: Robot, clock: TouchClock) -> Iterator[Wait]:
    """A case document rendered and printed on A4, from the touch until the job has ended.

    The window holds the change to the printing screen, whose first frame counts among the others.
    """
    yield from go(robot, "choose_lookup", "lookup_menu")
    yield from go(robot, "by_card", "lookup_card")
    yield from lay_card(robot, LI.name, LI.id_number)
    yield from at(robot, "lookup_cases")
    yield from go(robot, next(w for w in robot.app.current_screen.buttons if w.startswith("open_case-")), "lookup_case")
    yield from go(robot, "show_documents", "lookup_documents")
    printer = robot.controller.devices.slots["a4_printer"].driver
    jobs = len(printer.jobs)
    robot.touch(next(a.widget_id for a in robot.controller.model().actions if a.intent == "print_document"))
    yield from _window(clock, lambda: len(printer.jobs) > jobs)
    yield from home(robot)


def lexicon_load(_robot: Robot, clock: TouchClock) -> Iterator[Wait]:
    """The pinyin lexicon read from its cache on a worker thread, as the warm-up does after every start."""
    import threading  # noqa: PLC0415

    from kiosk.textinput import lexicon  # noqa: PLC0415

    loading = threading.Thread(target=lexicon.load, daemon=True)
    loading.start()
    yield from _window(clock, lambda: not loading.is_alive())


LOADS: dict[str, Callable[[Robot, TouchClock], Iterator[Wait]]] = {"camera": camera, "speech": speech,
                                                                    "print": printing, "lexicon": lexicon_load}


def _camera_frames(folder: Path) -> Path:
    """Noisy grey 1280×720 frames with no code in them: every frame pays for the whole pipeline."""
    import cv2  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    frames = folder / "frames"
    frames.mkdir()
    rng = np.random.default_rng(11)
    for index in range(CAMERA_FRAMES):
        frame = np.clip(128 + rng.normal(0, 8, (720, 1280)), 0, 255).astype(np.uint8)
        cv2.imwrite(str(frames / f"{index:03d}.png"), frame)
    return frames


def _environment(load: str, folder: Path) -> dict[str, str]:
    if load == "camera":
        options = {"source": str(_camera_frames(folder)), "frame_interval_s": 1 / 30}
        return {"KIOSK_DEVICES__SCANNER__DRIVER": "camera", "KIOSK_DEVICES__SCANNER__OPTIONS": json.dumps(options)}
    if load == "speech":
        return {"KIOSK_DEVICES__SPEECH__DRIVER": "pyttsx3",
                "KIOSK_DEVICES__SPEECH__OPTIONS": json.dumps({"player": [sys.executable, "-c", REAL_TIME_PLAYER, "{path}"]})}
    return {}


def spread(values: list[float]) -> str:
    """Median (min–max)."""
    return f"{statistics.median(values):6.1f} ({min(values):.1f}–{max(values):.1f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--loads", default=",".join(LOADS))
    args = parser.parse_args(argv)
    print(f"UI frame times, ms: 95th percentile and median of each window, median (min–max) of {args.runs} windows")
    failed = False
    with virtual_display(1080, 1920) as display:
        for load in args.loads.split(","):
            with tempfile.TemporaryDirectory() as name:
                outcome = run_in_app("bench.frames:measure", display, name, BENCH_LOAD=load, BENCH_RUNS=str(args.runs),
                                     **_environment(load, Path(name)))
            if outcome["error"]:
                print(f"  {load}: {outcome['error'].strip().splitlines()[-1]}")
                failed = True
                continue
            windows = outcome["results"]["windows"]
            idle, loaded = ([w["p95"] for w in windows[k]] for k in ("idle", load))
            print(f"  {load:7} p95 {spread(loaded)}  median {spread([w['median'] for w in windows[load]])}  "
                  f"longest {spread([w['longest'] for w in windows[load]])}  "
                  f"| idle p95 {spread(idle)}  median {spread([w['median'] for w in windows['idle']])}  "
                  f"| ratio p95 {statistics.median(loaded) / statistics.median(idle):.2f}  "
                  f"| target p95 < {TARGET_P95_MS:.0f} ms: {'met' if statistics.median(loaded) < TARGET_P95_MS else 'not met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
