"""What each maintenance step shows: staff-only screens, never spoken, reached only through the unlock.

The unlock prompt is deliberately neutral (it never says "staff"), since anyone who stumbles on the
gesture sees it. Technical values (driver names, status keys, references, log lines) are shown as
they are: they are for staff, and none of them holds personal data. Administrator-only actions are
shown to operators too, disabled, so an operator knows to call an administrator.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kiosk.i18n import Text
from kiosk.maintenance.effects import PIN_FIELD, RESTART, SETTING_FIELD, STAFF_ID_FIELD
from kiosk.maintenance.views import AuditView, DeviceRow, OutboxView, SelfTestOutcome, printer_rows
from kiosk.presenters.common import plain
from kiosk.presenters.model import Action, ActionRole, ScreenContext, ScreenModel
from kiosk.staff.roles import MINIMUM_ROLE, Role, StaffAction, allows
from kiosk.textinput.layouts import FieldType

#: Outbox rows listed on the screen; the rest are counted.
OUTBOX_ROWS_SHOWN = 8
EXIT = Action("staff_exit", Text("maintenance.button.exit"))
MENU = Action("staff_menu", Text("maintenance.button.menu"))
REFRESH = Action("staff_refresh", Text("maintenance.button.refresh"))


def _data(ctx: ScreenContext) -> dict[str, Any]:
    return dict(ctx.journeys.get("maintenance", {}))


def _role(ctx: ScreenContext) -> Role | None:
    who = _data(ctx).get("who")
    return Role(who[1]) if who else None


def _may(ctx: ScreenContext, action: StaffAction) -> bool:
    role = _role(ctx)
    return role is not None and allows(role, action)


def _guarded(ctx: ScreenContext, intent: str, label: Text, action: StaffAction, style: ActionRole = "secondary",
             **params: Any) -> Action:
    """A button for an action; disabled, and saying who may use it, when this role may not."""
    if _may(ctx, action):
        return Action(intent, label, style, params)
    needed = Text(f"maintenance.role.{MINIMUM_ROLE[action].value}")
    return Action(intent, Text("maintenance.button.needs_role", {"label": label, "role": needed}), style, params,
                  enabled=False)


def _header(ctx: ScreenContext) -> tuple[Text, ...]:
    data = _data(ctx)
    who = data.get("who")
    lines = [Text("maintenance.signed_in", {"staff": who[0], "role": Text(f"maintenance.role.{who[1]}")})] if who else []
    notice = data.get("notice")
    if notice:
        lines.append(Text(notice[0], {"detail": notice[1]}))
    return tuple(lines)


def _screen(ctx: ScreenContext, title: str, body: tuple[Text, ...] = (), actions: tuple[Action, ...] = (),
            nav: tuple[Action, ...] = (MENU, EXIT), **extra: Any) -> ScreenModel:
    return ScreenModel(ctx.screen, Text(title), (*_header(ctx), *body), actions, nav, **extra)


# --- unlock -----------------------------------------------------------------------------------


def unlock(ctx: ScreenContext) -> ScreenModel:
    """Number and code on the pads, or a card under the scanner."""
    data = _data(ctx)
    staff_id = ctx.text_field(STAFF_ID_FIELD, Text("maintenance.unlock.staff_id"), FieldType.LATIN.value)
    pin = replace(ctx.text_field(PIN_FIELD, Text("maintenance.unlock.pin"), FieldType.PIN.value), masked=True)
    body = [Text("maintenance.unlock.body")]
    error = data.get("unlock_error")
    if error:
        body.append(Text(error[0], {"seconds": error[1]}))
    if data.get("problem"):
        body.append(Text(data["problem"]))
    return ScreenModel(ctx.screen, Text("maintenance.unlock.title"), tuple(body),
                       (Action("staff_pin", Text("maintenance.button.unlock"), "primary"),),
                       (Action("staff_exit", Text("maintenance.button.cancel")),), fields=(staff_id, pin))


def checking(ctx: ScreenContext) -> ScreenModel:
    """The PIN or badge is being checked."""
    return ScreenModel(ctx.screen, Text("title.please_wait"), (Text("maintenance.checking.body"),))


# --- menu -------------------------------------------------------------------------------------


def menu(ctx: ScreenContext) -> ScreenModel:
    """Every maintenance screen, then restart, exit to the system and return to service."""
    pages = tuple(
        Action(f"staff_{page}", Text(f"maintenance.button.{page}"), "primary")
        for page in ("devices", "consumables", "outbox")
    )
    viewed = (
        _guarded(ctx, "staff_settings", Text("maintenance.button.settings"), StaffAction.SETTINGS_VIEW, "primary"),
        _guarded(ctx, "staff_logs", Text("maintenance.button.logs"), StaffAction.LOGS_VIEW, "primary"),
        _guarded(ctx, "staff_audit", Text("maintenance.button.audit"), StaffAction.AUDIT_VIEW, "primary"),
    )
    leave = (
        _guarded(ctx, "staff_restart", Text("maintenance.button.restart"), StaffAction.KIOSK_RESTART),
        _guarded(ctx, "staff_system_exit", Text("maintenance.button.system_exit"), StaffAction.SYSTEM_EXIT),
    )
    return _screen(ctx, "maintenance.title.menu", (Text("maintenance.body.menu"),), (*pages, *viewed, *leave),
                   nav=(Action("staff_exit", Text("maintenance.button.return_to_service"), "primary"),))


# --- devices ----------------------------------------------------------------------------------


def _device_line(row: DeviceRow) -> Text:
    return Text("maintenance.devices.row", {
        "device": Text(f"maintenance.device.{row.role}"), "driver": row.driver,
        "health": Text(f"maintenance.health.{row.health}"), "status": row.message_key,
        "required": Text("maintenance.devices.required" if row.required else "maintenance.devices.optional"),
    })


def _test_line(outcome: SelfTestOutcome) -> Text:
    verdict = "maintenance.devices.test_passed" if outcome.passed else "maintenance.devices.test_failed"
    return Text(verdict, {"device": Text(f"maintenance.device.{outcome.role}"),
                          "result": f"{outcome.message_key} {outcome.detail}".strip()})


def devices(ctx: ScreenContext) -> ScreenModel:
    """Each role's driver, health and status; a self-test button each; the last results."""
    data = _data(ctx)
    rows: tuple[DeviceRow, ...] = data.get("devices", ())
    tests: dict[str, SelfTestOutcome] = data.get("tests", {})
    body = (*(_device_line(row) for row in rows), *(_test_line(tests[role]) for role in tests))
    actions = tuple(
        _guarded(ctx, "staff_self_test", Text(f"maintenance.button.test.{row.role}"), StaffAction.DEVICE_SELF_TEST,
                 role=row.role)
        for row in rows
    )
    return _screen(ctx, "maintenance.title.devices", body, (*actions, REFRESH))


def testing(ctx: ScreenContext) -> ScreenModel:
    """A self-test is running."""
    role = _data(ctx).get("testing")
    device = Text(f"maintenance.device.{role}") if role else ""
    return ScreenModel(ctx.screen, Text("title.please_wait"), (Text("maintenance.testing.body", {"device": device}),))


def consumables(ctx: ScreenContext) -> ScreenModel:
    """The printers' paper, as their statuses report it."""
    printers = printer_rows(_data(ctx).get("devices", ()))
    body = (
        *(Text("maintenance.consumables.row", {"device": Text(f"maintenance.device.{row.role}"),
                                               "health": Text(f"maintenance.health.{row.health}"),
                                               "status": row.message_key, "detail": row.detail})
          for row in printers),
        Text("maintenance.consumables.no_counters"),
    )
    return _screen(ctx, "maintenance.title.consumables", body, (REFRESH,))


# --- outbox -----------------------------------------------------------------------------------


def outbox(ctx: ScreenContext) -> ScreenModel:
    """Counts and the oldest rows (reference, kind, state: no content); retry now; export."""
    view: OutboxView | None = _data(ctx).get("outbox")
    body: list[Text] = []
    if view is not None:
        body.append(Text("maintenance.outbox.counts", {"pending": view.pending, "needs_staff": view.needs_staff}))
        for row in view.rows[:OUTBOX_ROWS_SHOWN]:
            body.append(Text("maintenance.outbox.row", {
                "reference": row.reference, "kind": row.kind, "state": Text(f"maintenance.outbox.state.{row.state}"),
                "attempts": row.attempts, "error": row.last_error, "minutes": row.age_min,
            }))
        if len(view.rows) > OUTBOX_ROWS_SHOWN:
            body.append(Text("maintenance.outbox.more", {"count": len(view.rows) - OUTBOX_ROWS_SHOWN}))
    actions = (
        _guarded(ctx, "staff_retry", Text("maintenance.button.retry"), StaffAction.OUTBOX_RETRY, "primary"),
        _guarded(ctx, "staff_export", Text("maintenance.button.export"), StaffAction.OUTBOX_EXPORT),
        REFRESH,
    )
    return _screen(ctx, "maintenance.title.outbox", tuple(body), actions)


# --- settings ---------------------------------------------------------------------------------


def settings(ctx: ScreenContext) -> ScreenModel:
    """The staff-editable settings: touch one to change it (administrators)."""
    rows = _data(ctx).get("settings", ())
    actions = tuple(
        _guarded(ctx, "staff_edit", Text("maintenance.settings.row", {"name": row.path, "value": row.value}),
                 StaffAction.SETTINGS_CHANGE, path=row.path)
        for row in rows
    )
    return _screen(ctx, "maintenance.title.settings", (Text("maintenance.body.settings"),), actions)


def setting(ctx: ScreenContext) -> ScreenModel:
    """One setting's new value on the number pad; saved into the configuration file."""
    path = _data(ctx).get("editing", "")
    rows = {row.path: row for row in _data(ctx).get("settings", ())}
    description = (plain(rows[path].description),) if path in rows else ()
    field = ctx.text_field(SETTING_FIELD, Text("maintenance.setting.field", {"name": path}), FieldType.AMOUNT.value)
    return _screen(ctx, "maintenance.title.setting", description,
                   (Action("staff_save", Text("maintenance.button.save"), "primary"),),
                   nav=(Action("staff_settings", Text("button.back")), EXIT), fields=(field,))


# --- logs and audit ---------------------------------------------------------------------------


def logs(ctx: ScreenContext) -> ScreenModel:
    """The newest log lines, personal numbers masked."""
    lines = _data(ctx).get("logs", ())
    body = tuple(plain(line) for line in lines) or (Text("maintenance.logs.empty"),)
    return _screen(ctx, "maintenance.title.logs", body, (REFRESH,))


def audit(ctx: ScreenContext) -> ScreenModel:
    """Whether the chain verifies, and its newest entries."""
    view: AuditView | None = _data(ctx).get("audit")
    if view is None:
        body: tuple[Text, ...] = (Text("maintenance.audit.loading"),)
    else:
        verdict = Text(f"maintenance.audit.{view.finding}", {"entries": view.entries, "detail": view.detail})
        lines = tuple(plain(f"#{line.seq} {line.ts} {line.event} {line.actor} {line.what}".rstrip())
                      for line in view.lines)
        body = (verdict, *lines)
    return _screen(ctx, "maintenance.title.audit", body, (REFRESH,))


# --- leaving ----------------------------------------------------------------------------------


def confirm(ctx: ScreenContext) -> ScreenModel:
    """Restart the kiosk, or close it to the system desktop: once more, to be sure."""
    kind = _data(ctx).get("confirm", RESTART)
    return _screen(ctx, f"maintenance.title.{kind}", (Text(f"maintenance.body.{kind}"),),
                   (Action("staff_confirm", Text("maintenance.button.confirm"), "danger"),),
                   nav=(Action("staff_menu", Text("maintenance.button.cancel")),))


PRESENTERS = {
    "maintenance_unlock": unlock,
    "maintenance_checking": checking,
    "maintenance_menu": menu,
    "maintenance_devices": devices,
    "maintenance_testing": testing,
    "maintenance_consumables": consumables,
    "maintenance_outbox": outbox,
    "maintenance_settings": settings,
    "maintenance_setting": setting,
    "maintenance_logs": logs,
    "maintenance_audit": audit,
    "maintenance_confirm": confirm,
}
