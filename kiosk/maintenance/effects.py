"""Guards and entry actions of maintenance mode: unlock, snapshots, self-tests and staff actions.

Every action goes through :meth:`StaffAccess.authorise` (a guard), which audits it whether allowed
or denied; what an action then did (a self-test's outcome, rows retried or exported, a setting
changed) is audited after it. The PIN is taken out of the visit's fields the moment the check
starts, so it is held only as long as the check runs.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Any, Protocol

from drivers.base import SelfTestResult
from kiosk.audit import AuditEvent, AuditLog
from kiosk.journeys.base import JourneyEffects, JourneyHost
from kiosk.logs import RECENT
from kiosk.maintenance import views
from kiosk.maintenance.outbox_tools import export_folder, export_sealed
from kiosk.maintenance.settings_file import SettingRefused, current_value, editable_paths, save_setting, setting_rows
from kiosk.services import OUTBOX_FILE
from kiosk.staff.access import StaffAccess, UnlockResult
from kiosk.staff.roles import StaffAction
from kiosk.staff.session import StaffSession

log = logging.getLogger("kiosk.maintenance")

STAFF_ID_FIELD = "maintenance.staff_id"
PIN_FIELD = "maintenance.pin"
SETTING_FIELD = "maintenance.setting"
RESTART = "restart"
SYSTEM_EXIT = "system_exit"

#: The permission each staff event needs (navigation to the plain views needs only a session).
EVENT_ACTIONS: dict[str, StaffAction] = {
    "staff_settings": StaffAction.SETTINGS_VIEW,
    "staff_logs": StaffAction.LOGS_VIEW,
    "staff_audit": StaffAction.AUDIT_VIEW,
    "staff_self_test": StaffAction.DEVICE_SELF_TEST,
    "staff_retry": StaffAction.OUTBOX_RETRY,
    "staff_export": StaffAction.OUTBOX_EXPORT,
    "staff_edit": StaffAction.SETTINGS_CHANGE,
    "staff_restart": StaffAction.KIOSK_RESTART,
    "staff_system_exit": StaffAction.SYSTEM_EXIT,
}


class MaintenanceHost(JourneyHost, Protocol):
    """The controller as maintenance mode sees it: the journey host plus the staff door."""

    staff: StaffAccess
    staff_session: StaffSession | None
    audit: AuditLog
    exit_request: str | None

    def open_staff_session(self, session: StaffSession) -> None:
        """A successful unlock: the session starts and the menu may be shown."""


class MaintenanceEffects(JourneyEffects):
    """Maintenance mode's machine listener."""

    journey = "maintenance"
    code_steps = frozenset({"maintenance_unlock"})
    waiting_steps = frozenset({"maintenance_checking", "maintenance_testing"})
    host: MaintenanceHost

    # --- unlock -------------------------------------------------------------------------------

    def staff_pin_typed(self) -> bool:
        """Both fields hold something (the check itself comes next, off the UI thread)."""
        if not self.field_value(STAFF_ID_FIELD):
            return self.refuse(STAFF_ID_FIELD, "maintenance.unlock.empty")
        if not self.field_value(PIN_FIELD):
            return self.refuse(PIN_FIELD, "maintenance.unlock.empty")
        self.data["checking"] = ("pin", self.field_value(STAFF_ID_FIELD), self.field_value(PIN_FIELD))
        return self.accept(PIN_FIELD)

    def on_code(self, symbology: str, text: str) -> None:
        """A badge's QR code at the prompt."""
        self.data["checking"] = ("badge", text, "")
        self.host.send("staff_badge")

    def on_enter_maintenance_checking(self) -> None:
        """Check the PIN or the badge on a worker: scrypt takes a noticeable moment."""
        method, first, second = self.data.pop("checking")
        self.host.visit.fields.pop(PIN_FIELD, None)
        self.data.pop("unlock_error", None)
        access = self.host.staff
        if method == "pin":
            work: Callable[[], UnlockResult] = lambda: access.unlock_with_pin(first, second)  # noqa: E731
        else:
            work = lambda: access.unlock_with_badge(first)  # noqa: E731
        self.host.run_task("maintenance.unlock", work, "staff_checked", "staff_checked", self._checked)

    def _checked(self, result: UnlockResult) -> None:
        if result.session is not None:
            self.host.visit.fields.clear()
            self.host.open_staff_session(result.session)
            self.data["who"] = (result.session.staff_id, result.session.role.value)
            return
        # The same words for a wrong id, a wrong PIN or a refused badge; a lock-out says how long it lasts.
        wait = math.ceil(result.retry_after_s)
        self.data["unlock_error"] = ("maintenance.unlock.locked" if wait else "maintenance.unlock.refused", wait)

    def staff_unlocked(self) -> bool:
        """The check opened a session."""
        return self.host.staff_session is not None

    # --- permissions --------------------------------------------------------------------------

    def staff_in_session(self) -> bool:
        """Any staff step needs a session (the router shows the prompt without one, too)."""
        self.data.pop("notice", None)
        return self.host.staff_session is not None

    def staff_may(self, event: Any) -> bool:
        """The session's role may take the action ``event`` stands for; audited either way."""
        session = self.host.staff_session
        if session is None:
            return False
        self.data.pop("notice", None)
        allowed = self.host.staff.authorise(session, EVENT_ACTIONS[str(event)])
        if not allowed:
            self.data["notice"] = ("maintenance.notice.denied", "")
        return allowed

    # --- views --------------------------------------------------------------------------------

    def on_enter_maintenance_devices(self) -> None:
        """The device table."""
        self._snapshot("maintenance_devices")

    def on_enter_maintenance_consumables(self) -> None:
        """The printers' paper."""
        self._snapshot("maintenance_consumables")

    def on_enter_maintenance_outbox(self) -> None:
        """What waits to be sent."""
        self._snapshot("maintenance_outbox")

    def on_enter_maintenance_logs(self) -> None:
        """The recent log lines."""
        self._snapshot("maintenance_logs")

    def on_enter_maintenance_audit(self) -> None:
        """The audit trail: verified on a worker, since it reads the whole file."""
        self._snapshot("maintenance_audit")

    def on_enter_maintenance_settings(self) -> None:
        """The staff-editable settings with their values."""
        self.data["settings"] = setting_rows(self.host.settings)

    def staff_take_snapshot(self, source: Any) -> None:
        """Refresh pressed: take the current screen's snapshot again."""
        self.data.pop("notice", None)
        self._snapshot(source.id)

    def _snapshot(self, step: str) -> None:
        host = self.host
        if step in ("maintenance_devices", "maintenance_consumables"):
            self.data["devices"] = views.device_rows(host.devices.slots)
        elif step == "maintenance_outbox":
            self.data["outbox"] = views.outbox_view(host.services.outbox.pending(), time.time())
        elif step == "maintenance_logs":
            self.data["logs"] = views.log_lines(RECENT.lines())
        elif step == "maintenance_audit":
            path, key = host.audit.path, host.settings.audit.key_bytes()
            keep = self.data.__setitem__
            host.run_task("maintenance.audit", lambda: views.audit_view(path, key), "staff_loaded", "staff_loaded",
                          lambda view: keep("audit", view))

    # --- devices ------------------------------------------------------------------------------

    def staff_testable(self, role: str = "") -> bool:
        """The role has a driver to test (a driver that could not be built has only its status)."""
        slot = self.host.devices.slots.get(role)
        if slot is None:
            return False
        if slot.driver is None:
            self._tested(role, SelfTestResult(False, "maintenance.test.no_driver"))
            return False
        return True

    def on_enter_maintenance_testing(self, role: str = "") -> None:
        """Run the role's self-test (a test page, a test read, a spoken sentence) on a worker."""
        driver = self.host.devices.slots[role].driver
        assert driver is not None
        self.data["testing"] = role
        self.host.run_task("maintenance.self_test", driver.self_test, "staff_tested", "staff_tested",
                           lambda result: self._tested(role, result))

    def _tested(self, role: str, result: SelfTestResult) -> None:
        outcome = views.self_test_outcome(role, result)
        self.data.setdefault("tests", {})[role] = outcome
        self._audit_action(StaffAction.DEVICE_SELF_TEST, device=role, status="passed" if result.passed else "failed")

    def on_exit_maintenance_testing(self) -> None:
        """Back at the table: a failed task's problem becomes that role's result."""
        role = self.data.pop("testing", "")
        problem = self.data.pop("problem", None)
        if problem and role:
            self._tested(role, SelfTestResult(False, problem))

    # --- outbox -------------------------------------------------------------------------------

    def staff_retry_outbox(self) -> None:
        """Send every row again now, those the court refused included."""
        outbox = self.host.services.outbox
        rows = outbox.pending()
        for item in rows:
            outbox.requeue(item.reference)
            self.host.audit.append(AuditEvent.SUBMISSION_RETRY, actor=self._actor(), ref=item.reference)
        outbox.wake()
        self.data["notice"] = ("maintenance.notice.retried", str(len(rows)))
        self._snapshot("maintenance_outbox")

    def staff_export_outbox(self) -> None:
        """Copy the sealed rows to a USB stick (or the data directory) for hand-carrying."""
        data_dir = self.host.settings.resolved_data_dir()
        try:
            path, count = export_sealed(data_dir / OUTBOX_FILE, export_folder(data_dir))
        except OSError as exc:
            log.error("outbox export failed: %s", type(exc).__name__)
            self.data["notice"] = ("maintenance.notice.export_failed", "")
            return
        self.host.audit.append(AuditEvent.SUBMISSION_EXPORTED, actor=self._actor(), count=count)
        self.data["notice"] = ("maintenance.notice.exported", f"{count} → {path}")

    # --- settings -----------------------------------------------------------------------------

    def staff_setting_chosen(self, path: str = "") -> bool:
        """One of the listed settings was touched: its value goes into the edit field."""
        if path not in set(editable_paths()):
            return False
        self.data["editing"] = path
        self.host.visit.fields[SETTING_FIELD] = current_value(self.host.settings, path)
        self.host.visit.field_errors.pop(SETTING_FIELD, None)
        return True

    def staff_setting_saved(self) -> bool:
        """Validate, write into the configuration file and apply; audited as a settings change."""
        session = self.host.staff_session
        path = self.data.get("editing", "")
        if session is None or not self.host.staff.authorise(session, StaffAction.SETTINGS_CHANGE):
            return self.refuse(SETTING_FIELD, "maintenance.notice.denied")
        try:
            save_setting(self.host.settings, path, self.field_value(SETTING_FIELD))
        except SettingRefused as refused:
            self._audit_action(StaffAction.SETTINGS_CHANGE, status="refused")
            return self.refuse(SETTING_FIELD, refused.message_key)
        self._audit_action(StaffAction.SETTINGS_CHANGE, status="saved")
        self.data["notice"] = ("maintenance.notice.saved", path)
        self.host.visit.fields.pop(SETTING_FIELD, None)
        return self.accept(SETTING_FIELD)

    # --- leaving ------------------------------------------------------------------------------

    def on_enter_maintenance_confirm(self, event: Any) -> None:
        """Restart or exit to the system, once confirmed."""
        self.data["confirm"] = RESTART if str(event) == "staff_restart" else SYSTEM_EXIT

    def staff_leave_kiosk(self) -> None:
        """Confirmed: the app restarts or closes on its next refresh."""
        self.host.exit_request = self.data["confirm"]
        log.warning("maintenance: %s requested by staff", self.host.exit_request)

    # --- helpers ------------------------------------------------------------------------------

    def _actor(self) -> str:
        session = self.host.staff_session
        return session.staff_id if session else "system"

    def _audit_action(self, action: StaffAction, **fields: Any) -> None:
        session = self.host.staff_session
        self.host.audit.append(AuditEvent.STAFF_ACTION, actor=self._actor(), role=session.role if session else None,
                               action=action, **fields)

