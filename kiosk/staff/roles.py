"""Staff roles and the maintenance actions each may take.

Actions are a closed set so the audit trail can record them by key, never as free text.
"""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """What a staff member may do; an administrator may do everything an operator may."""

    OPERATOR = "operator"
    ADMINISTRATOR = "administrator"

    @property
    def rank(self) -> int:
        """Higher ranks include the lower ones."""
        return _RANKS[self]


_RANKS = {Role.OPERATOR: 1, Role.ADMINISTRATOR: 2}


class StaffAction(enum.StrEnum):
    """Every action offered by the maintenance screens."""

    DEVICE_SELF_TEST = "device.self_test"
    CONSUMABLES_RESET = "consumables.reset"
    OUTBOX_RETRY = "outbox.retry"
    OUTBOX_EXPORT = "outbox.export"
    SETTINGS_VIEW = "settings.view"
    SETTINGS_CHANGE = "settings.change"
    LOGS_VIEW = "logs.view"
    AUDIT_VIEW = "audit.view"
    KIOSK_RESTART = "kiosk.restart"
    SYSTEM_EXIT = "system.exit"


#: The least role that may take each action. Exporting the outbox carries sealed personal data off the
#: kiosk, and changing settings or leaving to the desktop changes what visitors get, hence administrator.
MINIMUM_ROLE: dict[StaffAction, Role] = {
    StaffAction.DEVICE_SELF_TEST: Role.OPERATOR,
    StaffAction.CONSUMABLES_RESET: Role.OPERATOR,
    StaffAction.OUTBOX_RETRY: Role.OPERATOR,
    StaffAction.OUTBOX_EXPORT: Role.ADMINISTRATOR,
    StaffAction.SETTINGS_VIEW: Role.OPERATOR,
    StaffAction.SETTINGS_CHANGE: Role.ADMINISTRATOR,
    StaffAction.LOGS_VIEW: Role.OPERATOR,
    StaffAction.AUDIT_VIEW: Role.OPERATOR,
    StaffAction.KIOSK_RESTART: Role.OPERATOR,
    StaffAction.SYSTEM_EXIT: Role.ADMINISTRATOR,
}


def allows(role: Role, action: StaffAction) -> bool:
    """Whether ``role`` may take ``action``."""
    return role.rank >= MINIMUM_ROLE[action].rank
