"""Building the staff door for a kiosk: its audit trail, its court code and the hidden gesture."""

from __future__ import annotations

import time
from collections.abc import Callable

from kiosk.audit import AuditLog
from kiosk.config import Settings
from kiosk.court.demo.seed import COURTS
from kiosk.staff.access import StaffAccess
from kiosk.staff.gesture import GestureRecognizer

#: The demo court's code: badges for a kiosk without ``court.this_court_code`` must name it.
DEMO_COURT_CODE = next(court.code for court in COURTS if court.this_court)


def open_audit(settings: Settings) -> AuditLog:
    """The kiosk's audit trail in its data directory."""
    return AuditLog(settings.resolved_data_dir() / settings.audit.file_name, settings.audit.key_bytes())


def staff_access(settings: Settings, audit: AuditLog, clock: Callable[[], float],
                 wall_clock: Callable[[], float] = time.time) -> StaffAccess:
    """The one door into maintenance, bound to this kiosk's court (badges of other courts are refused)."""
    court_code = settings.court.this_court_code or DEMO_COURT_CODE
    return StaffAccess(settings.staff, court_code, settings.resolved_data_dir(), audit, clock, wall_clock)


def gesture(settings: Settings) -> GestureRecognizer:
    """The hidden gesture's recogniser, sized to the configured panel until the window says otherwise."""
    display = settings.display
    return GestureRecognizer(settings.staff.gesture.pattern(), display.width_px, display.height_px)
