"""The heartbeat carries device states, outbox depth and versions, on a schedule."""

from __future__ import annotations

import time
from pathlib import Path

from kiosk.court.demo import DemoCourt
from kiosk.court.heartbeat import HeartbeatReporter
from kiosk.court.outbox import Outbox
from kiosk.court.sealing import new_key, parse_key
from tests.kiosk.court.samples import filing


def test_heartbeat_reports_outbox_depth_and_devices(tmp_path: Path) -> None:
    court = DemoCourt(":memory:")
    outbox = Outbox(tmp_path / "outbox.sqlite3", parse_key(new_key()))
    outbox.submit(filing("k1"))
    outbox.submit(filing("k1"))
    reporter = HeartbeatReporter(court, "k1", "0.1.0", lambda: {"printer": "ok", "camera": "absent"}, outbox,
                                 interval_s=0.05)
    reporter.start()
    time.sleep(0.3)
    reporter.stop()
    [status] = court.fleet()
    assert status.heartbeat.outbox_depth == 2 and status.heartbeat.oldest_pending_s is not None
    assert status.heartbeat.devices == {"printer": "ok", "camera": "absent"}
    assert status.heartbeat.contract_version == "1.0"
