"""1,000 submissions through a faulty network and a kiosk killed again and again reach the court exactly once."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from kiosk.court.demo.seed import WANG, ZHANG
from kiosk.court.sealing import new_key
from tests.kiosk.court.courtsim import die_with_parent, start_court_sim
from tests.kiosk.court.fault_proxy import FaultPlan, FaultProxy

SUBMISSIONS = 1000
KILLS = 6
REPO = Path(__file__).resolve().parents[3]


class KioskProcess:
    """The kiosk subprocess and the receipts it printed."""

    def __init__(self, args: list[str], issued: dict[int, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.kiosk.court.fault_kiosk", *args],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, preexec_fn=die_with_parent,
        )
        self.drained = False
        self._reader = threading.Thread(target=self._read, args=(issued,), daemon=True)
        self._reader.start()

    def _read(self, issued: dict[int, str]) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            parts = line.split()
            if not line.endswith("\n") or not parts:
                continue
            if parts[0] == "ISSUED" and len(parts) == 3:
                issued[int(parts[1])] = parts[2]
            self.drained = self.drained or parts[0] == "DRAINED"

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._reader.join(timeout=10)

    def wait(self, timeout_s: float) -> int:
        code = self.process.wait(timeout=timeout_s)
        self._reader.join(timeout=10)
        return code


def court_references(db: Path) -> Counter[str]:
    with sqlite3.connect(db) as court:
        rows = court.execute("SELECT reference FROM filings UNION ALL SELECT reference FROM work_orders").fetchall()
    return Counter(reference for (reference,) in rows)


@pytest.mark.slow
def test_every_submission_reaches_the_court_exactly_once(tmp_path: Path) -> None:
    started = time.monotonic()
    rng = random.Random(20240601)
    sim = start_court_sim(tmp_path / "court.sqlite3")
    proxy = FaultProxy(("127.0.0.1", int(sim.url.rsplit(":", 1)[1])), FaultPlan(active_s=90.0, max_delay_s=0.5))
    log = tmp_path / "kiosk.log"
    common = ["--outbox", str(tmp_path / "outbox.sqlite3"), "--key", new_key(), "--url",
              f"http://127.0.0.1:{proxy.port}", "--token", sim.token, "--log", str(log), "--end", str(SUBMISSIONS)]
    issued: dict[int, str] = {}
    kills = 0
    kiosk = KioskProcess([*common, "--start", "0"], issued)
    try:
        while kills < KILLS:
            time.sleep(rng.uniform(1.0, 4.0))
            kiosk.kill()
            kills += 1
            kiosk = KioskProcess([*common, "--start", str(max(issued, default=-1) + 1)], issued)
        assert kiosk.wait(timeout_s=150) == 0 and kiosk.drained
    finally:
        if kiosk.process.poll() is None:
            kiosk.kill()
        proxy.close()
        sim.stop()
    held = court_references(sim.db)
    receipts = set(issued.values())
    lost = receipts - set(held)
    duplicated = {reference: n for reference, n in held.items() if n > 1}
    unreceipted = set(held) - receipts
    print(
        f"\nfault test: {len(issued)} submissions with receipts, court holds {sum(held.values())} rows"
        f" ({len(unreceipted)} committed in the instant before a kill printed its receipt);"
        f" faults injected {dict(proxy.injected)} over {proxy.connections} connections;"
        f" {kills} SIGKILLs; lost {len(lost)}, duplicated {len(duplicated)};"
        f" {time.monotonic() - started:.1f} s"
    )
    assert len(issued) == SUBMISSIONS
    assert not lost and not duplicated
    assert len(unreceipted) <= kills
    assert sum(proxy.injected.values()) >= 40 and all(proxy.injected[kind] > 0 for kind in proxy.plan.budget)
    log_text = log.read_text(encoding="utf-8")
    assert "acknowledged" in log_text
    for secret in (ZHANG.id_number, ZHANG.name, WANG.id_number, WANG.name, "13800138000"):
        assert secret not in log_text
