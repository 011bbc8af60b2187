"""Endurance: a day of mixed visits through the real app under Xvfb, with simulated devices.

``python bench/endurance.py [--visits 2000] [--every 100]``. Every ``--every`` visits the app
writes its resident memory, open files, threads and SQLite file sizes to a CSV (``docs/endurance.csv``
by default), then a plot is drawn (``docs/endurance.png``). Passes when resident memory after the
last visit is within 10 % of that after the first tenth of the run (visit 200 of 2,000), and no
visit crashed or got stuck (a screen that does not come within ``MAX_WAIT_S`` fails the run).
Idle limits are shortened (30 s, 20 s warning); visits that walk away move the idle clock on instead of waiting.
Kivy runs without a frame cap (a frame is drawn whenever the screen changed, no sleep between
passes of its loop); ``--size 540x960`` runs the app in a window of a quarter of the panel's pixels
(same layout in millimetres), for machines where Mesa's software renderer makes the full-size
frames the bulk of a visit. The size is printed and drawn into the plot's title.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._visits import VISITS, run_in_app  # noqa: E402
from kiosk.virtual_display import virtual_display  # noqa: E402
from screens.automation import Robot, Wait  # noqa: E402

#: One cycle of the day's mix: mostly short visits, one filing (the longest: everything typed).
MIX = ("lookup", "queue_ticket", "payment", "work_order", "lookup", "abandoned", "queue_ticket", "payment",
       "lookup", "work_order", "queue_ticket", "lookup", "abandoned", "payment", "queue_ticket", "lookup",
       "work_order", "queue_ticket", "payment", "filing")
MEMORY_TOLERANCE = 0.10
FIELDS = ("visit", "elapsed_s", "rss_mib", "open_files", "threads", "sqlite_kib")
PANEL_SIZE = "1080x1920"


def _sample(visit: int, started: float, data_dir: Path) -> dict[str, float]:
    """The resources the app holds now (after a collection, so garbage not yet collected does not count)."""
    gc.collect()
    process = psutil.Process()
    row: dict[str, float] = {"visit": visit, "elapsed_s": round(time.monotonic() - started, 1),
                             "rss_mib": round(process.memory_info().rss / 2**20, 2),
                             "open_files": process.num_fds(), "threads": process.num_threads()}
    sizes = {p.name: p.stat().st_size for p in sorted(data_dir.rglob("*")) if ".sqlite" in p.name or p.suffix == ".db"}
    row["sqlite_kib"] = round(sum(sizes.values()) / 1024, 1)
    row.update({f"kib:{name}": round(size / 1024, 1) for name, size in sizes.items()})
    return row


def _write(out: Path, rows: list[dict[str, float]]) -> None:
    """The whole CSV again, so a run cut short still leaves its samples."""
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(dict.fromkeys(key for row in rows for key in row)), restval="")
        writer.writeheader()
        writer.writerows(rows)


def day(robot: Robot) -> Iterator[Wait]:
    """Automation script: BENCH_VISITS visits of the mix, a CSV row every BENCH_EVERY visits."""
    visits, every = int(os.environ["BENCH_VISITS"]), int(os.environ["BENCH_EVERY"])
    stop_at = float(os.environ["BENCH_STOP_AT"])
    out = Path(os.environ["BENCH_CSV"])
    data_dir = robot.controller.settings.resolved_data_dir()
    started = time.monotonic()
    durations: dict[str, list[float]] = {name: [] for name in VISITS}
    rows = [_sample(0, started, data_dir)]
    _write(out, rows)
    for visit in range(1, visits + 1):
        kind = MIX[(visit - 1) % len(MIX)]
        began = time.monotonic()
        yield from VISITS[kind](robot)
        durations[kind].append(time.monotonic() - began)
        print(f"visit {visit} {kind}: {durations[kind][-1]:.1f} s", file=sys.stderr, flush=True)
        out_of_time = time.time() > stop_at
        if visit % every == 0 or visit == visits or out_of_time:
            rows.append(_sample(visit, started, data_dir))
            _write(out, rows)
            print(f"visit {visit}: {rows[-1]}", flush=True)
        if out_of_time:
            break
    robot.results["visit_s"] = {kind: {"n": len(d), "median": statistics.median(d), "max": max(d)}
                                for kind, d in durations.items() if d}


def plot(rows: list[dict[str, str]], png: Path, size: str) -> None:
    """Memory, open files, threads and SQLite sizes against visits."""
    import matplotlib  # noqa: PLC0415 - the bench extra

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    visits = [int(r["visit"]) for r in rows]
    figure, axes = plt.subplots(2, 2, figsize=(11, 7), sharex=True)
    for axis, (field, title) in zip(axes.flat, (("rss_mib", "resident memory (MiB)"), ("open_files", "open files"),
                                                  ("threads", "threads"), ("sqlite_kib", "SQLite files (KiB)")),
                                    strict=True):
        axis.plot(visits, [float(r[field]) for r in rows], marker="o", markersize=3)
        axis.set_title(title)
        axis.grid(alpha=0.3)
    for name in [k for k in rows[-1] if k.startswith("kib:")]:
        axes[1, 1].plot(visits, [float(r[name] or 0) for r in rows], linestyle="--", label=name[4:])
    axes[1, 1].legend(fontsize=7)
    for axis in axes[1]:
        axis.set_xlabel("visits")
    figure.suptitle(f"courtkiosk endurance: {visits[-1]} simulated visits under Xvfb, window {size}")
    figure.tight_layout()
    figure.savefig(png, dpi=90)


def verdict(rows: list[dict[str, str]], visits: int, error: str | None) -> bool:
    """Print the pass criterion and whether it holds (a run cut short by ``--minutes`` cannot pass)."""
    last = rows[-1]
    reached = int(last["visit"])
    if reached < visits:
        print(f"INCOMPLETE: the time limit stopped the run after {reached} of {visits} visits")
    early = min((r for r in rows if int(r["visit"]) >= reached // 10), key=lambda r: int(r["visit"]))
    growth = float(last["rss_mib"]) / float(early["rss_mib"]) - 1
    ok_memory = abs(growth) <= MEMORY_TOLERANCE and int(last["visit"]) == visits
    print(f"resident memory: {float(early['rss_mib']):.1f} MiB after visit {early['visit']}, "
          f"{float(last['rss_mib']):.1f} MiB after visit {last['visit']} ({growth:+.1%}; limit ±10 %)")
    for field in ("open_files", "threads", "sqlite_kib"):
        print(f"{field}: {rows[0][field]} at start, {early[field]} after visit {early['visit']}, "
              f"{last[field]} after visit {last['visit']}")
    print(f"crash or stuck screen: {'yes: ' + error.strip().splitlines()[-1] if error else 'no'}")
    passed = ok_memory and error is None
    print("PASS" if passed else "FAIL")
    return passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=2000)
    parser.add_argument("--every", type=int, default=100, help="visits between samples")
    parser.add_argument("--csv", type=Path, default=ROOT / "docs" / "endurance.csv")
    parser.add_argument("--minutes", type=float, default=24 * 60, help="stop after this long, whatever the count")
    parser.add_argument("--png", type=Path, default=ROOT / "docs" / "endurance.png")
    parser.add_argument("--size", default=PANEL_SIZE, help="window WIDTHxHEIGHT in pixels (the panel's by default)")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.split("x"))
    print(f"window {width}x{height} px" + ("" if args.size == PANEL_SIZE else f" (not the panel's {PANEL_SIZE})"),
          flush=True)
    started = time.monotonic()
    with virtual_display(width, height) as display, tempfile.TemporaryDirectory() as folder:
        outcome = run_in_app("bench.endurance:day", display, folder, quiet=False,
                             BENCH_VISITS=str(args.visits), BENCH_EVERY=str(args.every), BENCH_CSV=str(args.csv),
                             BENCH_STOP_AT=str(time.time() + args.minutes * 60),
                             KIOSK_TIMEOUTS__IDLE_TIMEOUT_S="30", KIOSK_TIMEOUTS__IDLE_WARNING_S="20",
                             KIOSK_DISPLAY__WIDTH_PX=str(width), KIOSK_DISPLAY__HEIGHT_PX=str(height),
                             KCFG_GRAPHICS_MAXFPS="0")
    print(f"run of {args.visits} visits in a {args.size} window ended after {time.monotonic() - started:.0f} s")
    for kind, figures in outcome["results"].get("visit_s", {}).items():
        print(f"  {kind}: {figures['n']} visits, median {figures['median']:.1f} s, max {figures['max']:.1f} s")
    with args.csv.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    plot(rows, args.png, args.size)
    print(f"CSV {args.csv}, plot {args.png}")
    return 0 if verdict(rows, args.visits, outcome["error"]) else 1


if __name__ == "__main__":
    sys.exit(main())
