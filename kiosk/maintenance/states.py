"""The steps of maintenance mode.

Entered only from the attract and out-of-service screens (the hidden gesture), so no visitor's data
is on the kiosk when staff arrive. The unlock prompt comes first; every other step needs an open
staff session, which the guards check (and the router too: without a session it shows the prompt).
Navigation events are prefixed ``staff_`` so no visitor intent can name them by accident.
"""

from statemachine import State


class maintenance(State.Compound, name="maintenance"):
    """Maintenance mode."""

    maintenance_unlock = State(initial=True)
    maintenance_checking = State()
    maintenance_menu = State()
    maintenance_devices = State()
    maintenance_testing = State()
    maintenance_consumables = State()
    maintenance_outbox = State()
    maintenance_settings = State()
    maintenance_setting = State()
    maintenance_logs = State()
    maintenance_audit = State()
    maintenance_confirm = State()

    staff_pin = maintenance_unlock.to(maintenance_checking, cond="staff_pin_typed")
    staff_badge = maintenance_unlock.to(maintenance_checking)
    staff_checked = (
        maintenance_checking.to(maintenance_menu, cond="staff_unlocked")
        | maintenance_checking.to(maintenance_unlock)
    )

    staff_devices = maintenance_menu.to(maintenance_devices, cond="staff_in_session")
    staff_consumables = maintenance_menu.to(maintenance_consumables, cond="staff_in_session")
    staff_outbox = maintenance_menu.to(maintenance_outbox, cond="staff_in_session")
    staff_settings = maintenance_settings.from_(maintenance_menu, maintenance_setting, cond="staff_may")
    staff_logs = maintenance_menu.to(maintenance_logs, cond="staff_may")
    staff_audit = maintenance_menu.to(maintenance_audit, cond="staff_may")
    staff_menu = maintenance_menu.from_(
        maintenance_devices, maintenance_consumables, maintenance_outbox, maintenance_settings,
        maintenance_logs, maintenance_audit, maintenance_confirm, cond="staff_in_session",
    )

    staff_self_test = maintenance_devices.to(maintenance_testing, cond=["staff_may", "staff_testable"])
    staff_tested = maintenance_testing.to(maintenance_devices)
    staff_refresh = (
        maintenance_devices.to.itself(internal=True, on="staff_take_snapshot")
        | maintenance_consumables.to.itself(internal=True, on="staff_take_snapshot")
        | maintenance_outbox.to.itself(internal=True, on="staff_take_snapshot")
        | maintenance_logs.to.itself(internal=True, on="staff_take_snapshot")
        | maintenance_audit.to.itself(internal=True, on="staff_take_snapshot")
    )
    staff_retry = maintenance_outbox.to.itself(internal=True, cond="staff_may", on="staff_retry_outbox")
    staff_export = maintenance_outbox.to.itself(internal=True, cond="staff_may", on="staff_export_outbox")
    staff_edit = maintenance_settings.to(maintenance_setting, cond=["staff_may", "staff_setting_chosen"])
    staff_save = maintenance_setting.to(maintenance_settings, cond="staff_setting_saved")
    staff_restart = maintenance_menu.to(maintenance_confirm, cond="staff_may")
    staff_system_exit = maintenance_menu.to(maintenance_confirm, cond="staff_may")
    staff_confirm = maintenance_confirm.to.itself(internal=True, cond="staff_in_session", on="staff_leave_kiosk")


#: Every step of maintenance mode (the screens a visitor must never see).
STEPS: frozenset[str] = frozenset(state.id for state in maintenance.states)  # type: ignore[attr-defined]
#: The steps shown before a staff session exists.
UNLOCK_STEPS: frozenset[str] = frozenset({"maintenance_unlock", "maintenance_checking"})
