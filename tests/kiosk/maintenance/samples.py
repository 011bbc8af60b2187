"""Maintenance data for tests that render every step: a sample of each snapshot the screens show."""

from __future__ import annotations

from typing import Any

from drivers.base import SelfTestResult
from kiosk.config import Settings
from kiosk.court.outbox import PendingItem
from kiosk.maintenance import views
from kiosk.maintenance.settings_file import setting_rows

NOW = 1_750_000_000.0
#: One row per device role, in every health a device can be in.
ROWS = (("id_reader", "ok", "idcard.status.ok", ""), ("scanner", "absent", "scanner.status.camera_absent", "unplugged"),
        ("camera", "error", "status.device.open_failed", "OSError: busy"),
        ("receipt_printer", "degraded", "status.printer.paper_low", "media-low-warning"),
        ("a4_printer", "needs_staff", "status.printer.out_of_paper", "media-empty-error"),
        ("speech", "ok", "status.speech.ok", ""), ("headphones", "ok", "status.headphones.ok", ""))


def sample_data(court: object) -> dict[str, Any]:
    """An administrator's session with a refused row in the outbox, test results and a verified trail."""
    settings = Settings()
    rows = tuple(views.DeviceRow(role, "simulated", health, key, detail, role == "receipt_printer")
                 for role, health, key, detail in ROWS)
    items = [PendingItem("K1234-5678-9ABC", "filing", NOW - 600, 3, NOW + 60, "pending", "court.error.unavailable"),
             PendingItem("K2345-6789-ABCD", "fee_relief", NOW - 7200, 1, NOW, "needs_staff", "court.error.no_cross_court")]
    audit = views.AuditView("intact", 42, "", (
        views.AuditLine(41, "2026-01-05T09:12:00Z", "staff.unlock", "admin1", "administrator pin.ok"),
        views.AuditLine(42, "2026-01-05T09:12:30Z", "staff.action", "admin1", "administrator device.self_test allowed"),
    ))
    return {
        "who": ("admin1", "administrator"),
        "notice": ("maintenance.notice.saved", "timeouts.idle_timeout_s"),
        "unlock_error": ("maintenance.unlock.locked", 30),
        "devices": rows,
        "tests": {"a4_printer": views.self_test_outcome("a4_printer", SelfTestResult(True, "print.self_test.passed", "job 1")),
                  "camera": views.self_test_outcome("camera", SelfTestResult(False, "camera.absent", "unplugged"))},
        "testing": "a4_printer",
        "outbox": views.outbox_view(items, NOW),
        "settings": setting_rows(settings),
        "editing": "timeouts.idle_timeout_s",
        "logs": ("09:12:00 INFO kiosk.controller: flow staff_enter: attract -> maintenance_unlock",
                 "09:12:05 INFO kiosk.flow: id 110101********4514"),
        "audit": audit,
        "confirm": "restart",
    }
