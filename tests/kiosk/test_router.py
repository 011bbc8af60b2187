"""The router's fixed precedence."""

from kiosk.flow import KioskFlow
from kiosk.router import SCREENS, ServiceHealth, route

OK = ServiceHealth(required_devices_working=True)
BROKEN = ServiceHealth(required_devices_working=False)


def test_maintenance_beats_out_of_service_beats_the_step() -> None:
    assert route("maintenance_devices", BROKEN, staff_session=True) == "maintenance_devices"
    assert route("lookup_case", BROKEN, staff_session=True) == "out_of_service"
    assert route("lookup_case", OK, staff_session=False) == "lookup_case"


def test_without_a_staff_session_maintenance_shows_only_the_prompt() -> None:
    assert route("maintenance_devices", OK, staff_session=False) == "maintenance_unlock"
    assert route("maintenance_unlock", BROKEN, staff_session=False) == "maintenance_unlock"


def test_an_unknown_step_falls_back_to_attract() -> None:
    assert route("no_such_step", OK, staff_session=False) == "attract"


def test_every_state_of_the_machine_has_a_screen() -> None:
    leaf_states = {s.id for s in KioskFlow.states_map.values() if not s.is_compound and s.id != "last_step"}
    assert leaf_states <= set(SCREENS)
