"""Cold start: process start → first drawn frame, for the kiosk and for a one-label Kivy app.

The kiosk is also timed to its interactive home screen: touched as soon as attract is drawn.

Each run is a fresh process on a private Xvfb; the figure is taken inside the app when its first
frame is on screen (after its buffer swap, :mod:`bench.swaps`, in both apps), as the process's age on the boot clock
(:mod:`bench.process_age`), plus resident memory once the screen settles.
Prints the median and spread of RUNS runs and the kiosk/minimal ratios, with the load average.

Both apps run with a private bytecode cache, filled by one untimed run of each first, as an
installed or frozen kiosk starts (an environment with PYTHONDONTWRITEBYTECODE would otherwise
compile the kiosk's modules on every start, but not Kivy's, whose bytecode the install wrote);
``--no-bytecode-cache`` measures the old way. The robot's touch imports ``kivy.tests`` (pytest):
the script imports it first and times it, and the home figure is given without it too.

``--compare TREE`` also times the kiosk of another checkout (say a ``git worktree`` of the commit
before a change) in the same runs, interleaved with the two above: a change of a tenth of a second
is lost in the spread between separate runs on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.process_age import process_age_s  # noqa: E402
from bench.swaps import after_each_swap  # noqa: E402
from kiosk.virtual_display import virtual_display  # noqa: E402
from screens.automation import Robot, Wait  # noqa: E402

RUNS = 5
SETTLE_FRAMES = 30
DEFAULT_MINIMAL = "minimal Kivy app"
#: The baseline as Kivy comes (2 samples per pixel asked, 4 given by llvmpipe), and drawing as the kiosk does (none).
MINIMAL_APPS = {DEFAULT_MINIMAL: [], "minimal app without multisampling": ["0"]}

def first_frame(robot: Robot) -> Iterator[Wait]:
    """Automation script: the times of the first drawn frame (attract) and of home's, and the memory after.

    A frame counts as drawn once swapped, as in the minimal app; the script starts before the first
    frame, so it sees that one too.
    """
    import time  # noqa: PLC0415

    from kivy.core.window import Window  # noqa: PLC0415

    flips: list[tuple[float, str]] = []
    after_each_swap(Window, lambda: flips.append((process_age_s(), robot.screen_name)))
    yield lambda: bool(flips)
    robot.results["first_frame_s"] = flips[0][0]
    yield robot.until_screen("attract")
    started = time.perf_counter()
    import kivy.tests.common  # noqa: F401, PLC0415 - the robot's touch needs it: timed apart as the harness's
    robot.results["harness_s"] = time.perf_counter() - started
    robot.touch("start_visit")
    yield lambda: any(screen == "home" for _, screen in flips)
    robot.results["home_s"] = next(at for at, screen in flips if screen == "home")
    yield SETTLE_FRAMES
    robot.results["rss_mib"] = psutil.Process().memory_info().rss / 2**20


def run_once(command: list[str], result: Path, env: dict[str, str], tree: Path = ROOT) -> dict[str, float]:
    subprocess.run(command, cwd=tree, env=env, check=True, capture_output=True, timeout=120)
    data = json.loads(result.read_text())
    return data.get("results", data)


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f}  min {min(values):.3f}  max {max(values):.3f}"


def child_environment(display: str, folder: str, bytecode_cache: bool) -> dict[str, str]:
    """The apps' environment: a private display and data folder, and a private bytecode cache unless told not."""
    env = {**os.environ, "DISPLAY": display, "XDG_DATA_HOME": folder, "XDG_CONFIG_HOME": folder}
    if bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
    return env


def print_kiosk(label: str, kiosk: list[dict[str, float]], baselines: dict[str, float]) -> None:
    """One kiosk's figures, and its ratios to each minimal app's median first frame."""
    k_first = [r["first_frame_s"] for r in kiosk]
    k_home = [r["home_s"] - r["harness_s"] for r in kiosk]
    print(f"  {label} (attract screen): {summary(k_first)}")
    print(f"  {label}, home drawn after a touch at the first frame: {summary([r['home_s'] for r in kiosk])}")
    print(f"    the same without the robot's import of kivy.tests ({summary([r['harness_s'] for r in kiosk])}): "
          f"{summary(k_home)}")
    for baseline, m_median in baselines.items():
        print(f"  ratio {label}/{baseline}: first frame {statistics.median(k_first) / m_median:.2f}, "
              f"home (without the harness's import) {statistics.median(k_home) / m_median:.2f}")
    print(f"  resident memory after start (MiB), {label}: {summary([r['rss_mib'] for r in kiosk])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--no-bytecode-cache", dest="bytecode_cache", action="store_false",
                        help="compile as the environment says (no warm-up run, no private cache)")
    parser.add_argument("--compare", metavar="TREE", type=Path,
                        help="also time the kiosk of this checkout, interleaved (e.g. a worktree of the commit before)")
    args = parser.parse_args(argv)
    trees = {"kiosk": ROOT, **({f"kiosk at {args.compare}": args.compare.resolve()} if args.compare else {})}
    load_before = os.getloadavg()
    with virtual_display(1080, 1920) as display, tempfile.TemporaryDirectory() as folder:
        env = child_environment(display, folder, args.bytecode_cache)
        result = Path(folder) / "result.json"
        kiosk_command = [sys.executable, "-m", "screens.automation", "bench.startup:first_frame", "--result", str(result)]
        minimal_commands = {name: [sys.executable, "-m", "bench.minimal_app", str(result), *extra]
                            for name, extra in MINIMAL_APPS.items()}
        if args.bytecode_cache:
            for tree in trees.values():
                run_once(kiosk_command, result, env, tree)
            run_once(minimal_commands[DEFAULT_MINIMAL], result, env)
        kiosks: dict[str, list[dict[str, float]]] = {label: [] for label in trees}
        minimal: dict[str, list[dict[str, float]]] = {name: [] for name in MINIMAL_APPS}
        for _ in range(args.runs):  # interleaved, so a change of load touches all alike
            for label, tree in trees.items():
                kiosks[label].append(run_once(kiosk_command, result, env, tree))
            for name, command in minimal_commands.items():
                minimal[name].append(run_once(command, result, env))
    baselines = {name: statistics.median(r["first_frame_s"] for r in runs) for name, runs in minimal.items()}
    print(f"cold start to first frame, {args.runs} runs each (s), bytecode cache {'on' if args.bytecode_cache else 'off'}; "
          f"load average {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after")
    for label, kiosk in kiosks.items():
        print_kiosk(label, kiosk, baselines)
    for name, runs in minimal.items():
        print(f"  {name}: {summary([r['first_frame_s'] for r in runs])}; "
              f"resident memory after start (MiB) {summary([r['rss_mib'] for r in runs])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
