"""The explicit driver registry: every built-in imports and implements its kind."""

import pytest

from drivers.base import DeviceKind, Driver
from drivers.registry import BUILTIN, UnknownDriver, driver_class


@pytest.mark.parametrize(("kind", "name"), sorted(BUILTIN))
def test_every_builtin_driver_imports_and_is_of_its_kind(kind: DeviceKind, name: str) -> None:
    cls = driver_class(kind, name)
    assert issubclass(cls, Driver) and cls.kind == kind and cls.name == name


@pytest.mark.parametrize("kind", list(DeviceKind))
def test_every_kind_has_a_simulated_twin_with_named_scenarios(kind: DeviceKind) -> None:
    twin = driver_class(kind, "simulated")
    assert twin.scenarios


def test_an_unknown_driver_is_named_in_the_error() -> None:
    with pytest.raises(UnknownDriver, match="no printer driver named 'laser9000'"):
        driver_class(DeviceKind.PRINTER, "laser9000")
