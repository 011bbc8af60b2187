"""The startup bench's clock: a process's age must match what its parent saw elapse."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bench.process_age import process_age_s

ROOT = Path(__file__).resolve().parents[2]
SLEEP_S = 0.3
TICK_S = 0.01


def test_a_child_reports_the_age_its_parent_measured_around_it() -> None:
    """A child that sleeps 0.3 s reports at least that, and no more than the parent saw from spawn to exit.

    The wall-clock way (boot time in whole seconds plus the start tick) is off by up to a second
    and fails this whenever the machine booted at a fraction of a second.
    """
    code = f"import time; from bench.process_age import process_age_s; time.sleep({SLEEP_S}); print(process_age_s())"
    started = time.monotonic()
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    elapsed = time.monotonic() - started
    age = float(output.stdout)
    assert SLEEP_S <= age <= elapsed + TICK_S


def test_the_age_grows_with_the_time_waited() -> None:
    before = process_age_s()
    time.sleep(0.05)
    assert 0.05 - TICK_S <= process_age_s() - before < 1.0
