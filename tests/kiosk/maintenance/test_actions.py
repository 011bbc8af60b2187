"""What staff do in maintenance, through the controller: each action authorised, audited, and effective."""

from __future__ import annotations

import importlib
import json
import logging
import tomllib
from pathlib import Path

import pytest

from kiosk.audit import verify
from kiosk.controller import KioskController
from kiosk.court.demo import DemoCourt
from kiosk.i18n import LANGUAGES
from kiosk.journeys import registry
from kiosk.logs import RECENT
from kiosk.maintenance.states import STEPS
from kiosk.presenters import ScreenContext
from kiosk.presenters.screens import present
from kiosk.router import SCREENS
from kiosk.session import Preferences
from tests.kiosk.conftest import ManualClock, UiLoop
from tests.kiosk.court import samples as court_samples
from tests.kiosk.maintenance.conftest import audit_events, body_texts, unlocked

ID_NUMBER = "110101199003074514"


def staff_actions(kiosk: KioskController) -> list[tuple[str, str | None]]:
    """(action, status) of every staff action in the audit trail."""
    return [(e["action"], e.get("status")) for e in audit_events(kiosk) if e["event"] == "staff.action"]


def test_a_test_print_from_the_device_table_prints_a_page_and_is_audited(
    controller: KioskController, clock: ManualClock, loop: UiLoop
) -> None:
    unlocked(controller, loop, clock, "zhao01")
    controller.intent("staff_devices")
    rows = {row.role: row for row in controller.visit.journeys["maintenance"]["devices"]}
    assert set(rows) == set(controller.devices.slots) and rows["a4_printer"].health == "ok"
    controller.intent("staff_self_test", role="a4_printer")
    loop.pump(lambda: controller.flow.step == "maintenance_devices")
    printed = sorted(Path(controller.devices.slots["a4_printer"].driver.output_dir).glob("*.pdf"))  # type: ignore[union-attr]
    assert len(printed) == 1 and printed[0].read_bytes().startswith(b"%PDF")
    assert controller.visit.journeys["maintenance"]["tests"]["a4_printer"].passed
    assert any("A4 打印机 自检通过" in text for text in body_texts(controller))
    assert staff_actions(controller)[-2:] == [("device.self_test", "allowed"), ("device.self_test", "passed")]


def test_a_printer_running_out_of_paper_is_a_fault_and_its_recovery_is_audited(
    controller: KioskController, loop: UiLoop
) -> None:
    printer = controller.devices.slots["receipt_printer"].driver
    printer.set_scenario("out_of_paper")  # type: ignore[union-attr]
    loop.pump(lambda: controller.flow.step == "out_of_service")
    printer.set_scenario("ready")  # type: ignore[union-attr]
    loop.pump(lambda: controller.flow.step == "attract")
    faults = [(e["event"], e["device"], e["status"]) for e in audit_events(controller)
              if e.get("device") == "receipt_printer"]
    assert faults == [("device.fault", "receipt_printer", "needs_staff"),
                      ("device.recovered", "receipt_printer", "ok")]


def test_maintenance_is_reachable_while_out_of_service_and_leaving_it_goes_back_there(
    controller: KioskController, clock: ManualClock, loop: UiLoop
) -> None:
    controller.devices.slots["receipt_printer"].driver.set_scenario("jammed")  # type: ignore[union-attr]
    loop.pump(lambda: controller.flow.step == "out_of_service")
    unlocked(controller, loop, clock)
    controller.intent("staff_consumables")
    assert controller.screen == "maintenance_consumables"
    assert any("凭条打印机" in text and "需人工处理" in text for text in body_texts(controller))
    controller.intent("staff_exit")
    assert controller.flow.step == "out_of_service"


def test_an_operator_is_refused_administrator_actions_and_each_refusal_is_audited(
    controller: KioskController, clock: ManualClock, loop: UiLoop
) -> None:
    unlocked(controller, loop, clock, "zhao01")
    controller.intent("staff_system_exit")
    assert controller.flow.step == "maintenance_menu" and controller.exit_request is None
    controller.intent("staff_outbox")
    controller.intent("staff_export")
    controller.intent("staff_menu")
    controller.intent("staff_settings")
    controller.intent("staff_edit", path="timeouts.idle_timeout_s")
    assert controller.flow.step == "maintenance_settings"
    assert staff_actions(controller) == [("system.exit", "denied"), ("outbox.export", "denied"),
                                         ("settings.view", "allowed"), ("settings.change", "denied")]


def test_the_outbox_shows_references_not_content_retries_and_exports_sealed_rows(
    controller: KioskController, clock: ManualClock, loop: UiLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller.services.sender.stop()
    queued = controller.services.outbox.submit(court_samples.filing(controller.settings.kiosk_id))
    controller.services.outbox.park(queued.reference, "court.error.no_cross_court")
    unlocked(controller, loop, clock)
    controller.intent("staff_outbox")
    shown = "\n".join(body_texts(controller))
    assert queued.reference in shown and "需人工处理 1 件" in shown
    assert court_samples.ZHANG.name not in shown and court_samples.ZHANG.id_number not in shown
    controller.intent("staff_retry")
    assert controller.services.outbox.pending()[0].state == "pending"
    monkeypatch.setattr("kiosk.maintenance.outbox_tools.REMOVABLE_MEDIA_ROOTS", ())
    controller.intent("staff_export")
    exported = sorted((controller.settings.resolved_data_dir() / "exports").glob("outbox-export-*.jsonl"))
    assert len(exported) == 1
    row = json.loads(exported[0].read_text())
    assert row["reference"] == queued.reference and court_samples.ZHANG.name not in exported[0].read_text()
    events = [e["event"] for e in audit_events(controller)]
    assert events.count("submission.queued") == 1 and events.count("submission.rejected") == 1
    assert "submission.retry" in events and "submission.exported" in events


def test_a_setting_is_validated_written_into_the_toml_file_with_its_comments_and_applied(
    controller: KioskController, clock: ManualClock, loop: UiLoop
) -> None:
    unlocked(controller, loop, clock)
    controller.intent("staff_settings")
    paths = [a.params["path"] for a in controller.model().actions]
    assert "timeouts.idle_timeout_s" in paths and "court.token" not in paths
    controller.intent("staff_edit", path="timeouts.idle_timeout_s")
    assert controller.visit.fields["maintenance.setting"] == "90"
    controller.intent("edit_field", field="maintenance.setting", value="3")
    controller.intent("staff_save")
    assert controller.flow.step == "maintenance_setting"
    assert controller.visit.field_errors["maintenance.setting"] == "maintenance.settings.out_of_range"
    controller.intent("edit_field", field="maintenance.setting", value="60")
    controller.intent("staff_save")
    assert controller.flow.step == "maintenance_settings"
    assert controller.settings.timeouts.idle_timeout_s == 60
    text = controller.settings.config_file.read_text(encoding="utf-8")
    assert text.startswith("# the court's own comment") and "idle_warning_s = 20 # seconds" in text
    assert tomllib.loads(text)["timeouts"] == {"idle_warning_s": 20, "idle_timeout_s": 60.0}
    assert staff_actions(controller)[-2:] == [("settings.change", "allowed"), ("settings.change", "saved")]


def test_the_log_viewer_masks_personal_numbers(controller: KioskController, clock: ManualClock, loop: UiLoop) -> None:
    root = logging.getLogger()
    saved_level = root.level
    root.setLevel(logging.WARNING)  # a test before this one on the same worker may leave DEBUG or INFO,
    root.addHandler(RECENT)         # whose lines would push the visitor's line out of the viewer's recent lines
    try:
        logging.getLogger("kiosk.test").warning("a visitor typed %s", ID_NUMBER)
        unlocked(controller, loop, clock)
        controller.intent("staff_logs")
    finally:
        root.removeHandler(RECENT)
        root.setLevel(saved_level)
    shown = "\n".join(body_texts(controller))
    assert "110101********4514" in shown and ID_NUMBER not in shown


def test_the_audit_view_verifies_the_chain_and_lists_the_newest_entries(
    controller: KioskController, clock: ManualClock, loop: UiLoop
) -> None:
    unlocked(controller, loop, clock)
    controller.intent("staff_audit")
    loop.pump(lambda: "audit" in controller.visit.journeys["maintenance"])
    view = controller.visit.journeys["maintenance"]["audit"]
    assert view.finding == "intact" and view.lines[-1].event == "staff.action"
    assert verify(controller.audit.path).ok
    assert any("校验通过" in text for text in body_texts(controller))


def test_restart_and_exit_to_the_system_need_a_confirmation(
    controller: KioskController, clock: ManualClock, loop: UiLoop
) -> None:
    unlocked(controller, loop, clock)
    controller.intent("staff_restart")
    assert controller.flow.step == "maintenance_confirm" and controller.exit_request is None
    controller.intent("staff_menu")
    controller.intent("staff_system_exit")
    controller.intent("staff_confirm")
    assert controller.exit_request == "system_exit"


def _visitor_contexts() -> list[ScreenContext]:
    court = DemoCourt(":memory:")
    journeys = {j.name: importlib.import_module(f"tests.kiosk.journeys.{j.name}.samples").sample_data(court)
                for j in registry.JOURNEYS}
    return [ScreenContext(screen=screen, step=screen, preferences=Preferences(language=language),
                          languages=LANGUAGES, journeys=journeys)
            for screen in sorted(set(SCREENS) - STEPS) for language in LANGUAGES]


def test_no_visitor_screen_offers_a_maintenance_control() -> None:
    """Every maintenance event starts with ``staff_``; no visitor screen's model names one."""
    contexts = _visitor_contexts()
    assert {"attract", "home", "lookup_case", "out_of_service"} <= {ctx.screen for ctx in contexts}
    for ctx in contexts:
        model = present(ctx)
        intents = {action.intent for action in (*model.actions, *model.nav)}
        assert not {i for i in intents if i.startswith("staff_")}, ctx.screen
