"""Touch-to-next-screen latency of every transition a touch makes in every journey.

``python bench/latency.py [--rounds 3]``: the real app under Xvfb with simulated devices walks each
journey of ``bench._visits`` ``--rounds`` times; for every screen change that follows a touch, the
time from the touch going down to the first frame with the new screen on screen (after its swap).
Prints, per transition, the median and spread, then the share under the 100 ms target. The robot's
own layout pass before a touch is not in the figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._visits import VISITS, TouchClock, results_of, run_in_app  # noqa: E402
from kiosk.virtual_display import virtual_display  # noqa: E402
from screens.automation import Robot, Wait  # noqa: E402

TARGET_MS = 100.0
JOURNEYS = ("lookup", "queue_ticket", "payment", "work_order", "abandoned", "filing")


def journeys(robot: Robot) -> Iterator[Wait]:
    """Automation script: BENCH_ROUNDS rounds of every journey, timed by a :class:`TouchClock`."""
    yield robot.until_screen("attract")
    clock = TouchClock(robot)
    for _round in range(int(os.environ["BENCH_ROUNDS"])):
        for name in os.environ["BENCH_JOURNEYS"].split(","):
            yield from VISITS[name](robot)
    robot.results["latency_ms"] = results_of(clock)


def spread(values: list[float]) -> str:
    """Median (min–max)."""
    return f"{statistics.median(values):7.1f} ({min(values):.1f}–{max(values):.1f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--journeys", default=",".join(JOURNEYS))
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args(argv)
    with virtual_display(1080, 1920) as display, tempfile.TemporaryDirectory() as folder:
        outcome = run_in_app("bench.latency:journeys", display, folder,
                             BENCH_ROUNDS=str(args.rounds), BENCH_JOURNEYS=args.journeys)
    if outcome["error"]:
        print(outcome["error"], file=sys.stderr)
        return 1
    latencies: dict[str, list[float]] = outcome["results"]["latency_ms"]
    if args.json:
        args.json.write_text(json.dumps(latencies, ensure_ascii=False, indent=1))
    print(f"touch → first frame of the next screen, ms: median (min–max), {args.rounds} rounds of {args.journeys}")
    for transition, values in sorted(latencies.items(), key=lambda item: -statistics.median(item[1])):
        print(f"  {spread(values)}  n={len(values):<3} {transition}")
    medians = [statistics.median(v) for v in latencies.values()]
    every = [x for v in latencies.values() for x in v]
    print(f"{len(latencies)} transitions; {sum(m < TARGET_MS for m in medians)} with a median under {TARGET_MS:.0f} ms; "
          f"all touches: median {statistics.median(every):.1f} ms, "
          f"95th percentile {statistics.quantiles(every, n=20)[-1]:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
