"""Cold start: process start → first drawn frame, for the kiosk and for a one-label Kivy app.

The kiosk is also timed to its interactive home screen: touched as soon as attract is drawn.

Each run is a fresh process on a private Xvfb; the figure is taken inside the app at its first
frame (measured from the OS's process start time), plus resident memory once the screen settles.
Prints the median and spread of RUNS runs and the kiosk/minimal ratio.
"""

from __future__ import annotations

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

from kiosk.virtual_display import virtual_display  # noqa: E402
from screens.automation import Robot, Wait  # noqa: E402

RUNS = 5
SETTLE_FRAMES = 30

MINIMAL_APP = ROOT / "bench" / "minimal_app.py"


def first_frame(robot: Robot) -> Iterator[Wait]:
    """Automation script: record the time of the first drawn attract frame and the memory after it."""
    import time  # noqa: PLC0415

    process = psutil.Process()
    yield lambda: robot.app.first_frame_drawn
    robot.results["first_frame_s"] = time.time() - process.create_time()
    yield robot.until_screen("attract")
    robot.touch("start_visit")
    yield robot.until_screen("home")
    yield 1  # the home screen's first frame
    robot.results["home_s"] = time.time() - process.create_time()
    yield SETTLE_FRAMES
    robot.results["rss_mib"] = process.memory_info().rss / 2**20


def run_once(command: list[str], result: Path, env: dict[str, str]) -> dict[str, float]:
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    data = json.loads(result.read_text())
    return data.get("results", data)


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f}  min {min(values):.3f}  max {max(values):.3f}"


def main() -> int:
    with virtual_display(1080, 1920) as display, tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "DISPLAY": display, "XDG_DATA_HOME": folder, "XDG_CONFIG_HOME": folder}
        result = Path(folder) / "result.json"
        kiosk = [run_once([sys.executable, "-m", "screens.automation", "bench.startup:first_frame", "--result", str(result)], result, env)
                 for _ in range(RUNS)]
        minimal = [run_once([sys.executable, str(MINIMAL_APP), str(result)], result, env) for _ in range(RUNS)]
    k_first = [r["first_frame_s"] for r in kiosk]
    m_first = [r["first_frame_s"] for r in minimal]
    print(f"cold start to first frame, {RUNS} runs each (s)")
    print(f"  kiosk (attract screen): {summary(k_first)}")
    print(f"  kiosk, home drawn after a touch at the first frame: {summary([r['home_s'] for r in kiosk])}")
    print(f"  minimal Kivy app:       {summary(m_first)}")
    print(f"  ratio kiosk/minimal:    {statistics.median(k_first) / statistics.median(m_first):.2f}")
    print(f"resident memory after start (MiB): kiosk {summary([r['rss_mib'] for r in kiosk])}; "
          f"minimal {summary([r['rss_mib'] for r in minimal])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
