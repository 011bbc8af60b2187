"""Which screen to show: a pure function of the flow, device health and the staff session.

The precedence is fixed: a maintenance step beats out of service (staff come to fix the devices),
out of service beats the visitor's step, and the attract screen is the fallback. Without a staff
session no maintenance screen but the unlock prompt is ever shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from statemachine import HistoryState

from kiosk.flow import KioskFlow
from kiosk.maintenance.states import STEPS as MAINTENANCE_STEPS
from kiosk.maintenance.states import UNLOCK_STEPS

#: Every screen the router can name: one per step (leaf state) of the machine.
SCREENS: tuple[str, ...] = tuple(
    state.id for state in KioskFlow.states_map.values()
    if not state.is_compound and not isinstance(state, HistoryState)
)


@dataclass(frozen=True)
class ServiceHealth:
    """What the router needs to know of the devices: can the kiosk serve at all?"""

    required_devices_working: bool = True


def route(step: str, health: ServiceHealth, staff_session: bool) -> str:
    """The screen for the machine's current ``step``."""
    if step in MAINTENANCE_STEPS:
        return step if staff_session or step in UNLOCK_STEPS else "maintenance_unlock"
    if not health.required_devices_working or step == "out_of_service":
        return "out_of_service"
    if step in SCREENS:
        return step
    return "attract"
