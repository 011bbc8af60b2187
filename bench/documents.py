"""Receipt and complaint PDF render time, and submit-to-printed-receipt in the real app with the demo court.

``python bench/documents.py [--runs 10] [--filings 2]``. Renders: every case type's complaint and
filing receipt (``tests.kiosk.complaints.scenarios``), ``--runs`` times each, in this process; the
first render, which loads and registers the embedded CJK font, is reported apart. Submit to
printed: ``--filings`` whole filings by touch under Xvfb (embedded demo court, simulated printers,
which print instantly, so the figure is the kiosk's own share), from the touch on "submit" to the
receipt printer's job, and to the complaint's A4 job.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._visits import TouchClock, filing, run_in_app  # noqa: E402
from kiosk.virtual_display import virtual_display  # noqa: E402
from screens.automation import Robot, Wait  # noqa: E402

SUBMITTED = datetime(2025, 3, 14, 10, 32, tzinfo=timezone(timedelta(hours=8)))


def _timed(render: Callable[[], object]) -> float:
    began = time.perf_counter()
    render()
    return (time.perf_counter() - began) * 1000


def render_times(runs: int) -> dict[str, list[float]]:
    """Milliseconds per render: the first (font loading included), then complaints and receipts of every case type."""
    from kiosk.complaints import build_complaint  # noqa: PLC0415
    from kiosk.documents.complaint_pdf import render_complaint  # noqa: PLC0415
    from kiosk.documents.receipt import Receipt, render_receipt  # noqa: PLC0415
    from tests.kiosk.complaints.scenarios import MINGHU, SCENARIOS, walk  # noqa: PLC0415

    times: dict[str, list[float]] = {"first render (font load)": [], "complaint": [], "receipt": []}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for case_type, scenario in sorted(SCENARIOS.items()):
            complaint = build_complaint(walk(case_type), scenario.parties, scenario.court)
            receipt = Receipt.for_complaint(complaint, "K7Q2M-9XBD-4H0T", SUBMITTED, queued=False, kiosk_court=MINGHU)
            if not times["first render (font load)"]:
                times["first render (font load)"].append(_timed(lambda: render_complaint(complaint, folder)))
            for _ in range(runs):
                times["complaint"].append(_timed(lambda: render_complaint(complaint, folder)))
                times["receipt"].append(_timed(lambda: render_receipt(receipt, folder)))
    return times


def submit_to_print(robot: Robot) -> Iterator[Wait]:
    """Automation script: BENCH_FILINGS filings by touch, each timed from the submit touch to its printed jobs."""
    from kivy.clock import Clock  # noqa: PLC0415

    yield robot.until_screen("attract")
    clock = TouchClock(robot)
    printers = {role: robot.controller.devices.slots[role].driver for role in ("receipt_printer", "a4_printer")}
    printed_at: dict[str, float] = {}
    counts = {role: len(p.jobs) for role, p in printers.items()}

    def watch(_dt: float) -> None:
        for role, printer in printers.items():
            if len(printer.jobs) > counts[role]:
                counts[role] = len(printer.jobs)
                printed_at.setdefault(role, time.perf_counter())

    Clock.schedule_interval(watch, 0)
    figures: dict[str, list[float]] = {role: [] for role in printers}
    for _filing in range(int(os.environ["BENCH_FILINGS"])):
        printed_at.clear()
        yield from filing(robot)
        for role, moment in printed_at.items():
            figures[role].append((moment - clock.last_touch_on["filing_review"]) * 1000)
    robot.results["submit_to_print_ms"] = figures


def spread(values: list[float]) -> str:
    """Median (min–max)."""
    return f"{statistics.median(values):8.1f} ({min(values):.1f}–{max(values):.1f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="renders of each case type's documents")
    parser.add_argument("--filings", type=int, default=2, help="whole filings by touch in the app")
    args = parser.parse_args(argv)
    print(f"PDF render, ms: median (min–max), {args.runs} renders of each case type's document")
    for what, values in render_times(args.runs).items():
        print(f"  {what:26} {spread(values)}  n={len(values)}")
    with virtual_display(1080, 1920) as display, tempfile.TemporaryDirectory() as folder:
        outcome = run_in_app("bench.documents:submit_to_print", display, folder, BENCH_FILINGS=str(args.filings))
    if outcome["error"]:
        print(outcome["error"], file=sys.stderr)
        return 1
    print(f"submit touch → printed job, ms: median (min–max) of {args.filings} filings (demo court, simulated printers)")
    for role, values in outcome["results"]["submit_to_print_ms"].items():
        print(f"  {role:16} {spread(values)}" if values else f"  {role:16} no job")
    return 0


if __name__ == "__main__":
    sys.exit(main())
