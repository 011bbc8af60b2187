"""The headphone jack's twin: plugged or not, switched by tests and the dev panel."""

from __future__ import annotations

from types import MappingProxyType

from drivers.base import DeviceStatus, Emit, HeadphoneSense, HeadphonesChanged, Health, SelfTestResult

#: Scenario → (headphones plugged in at open, the jack's status).
SCENARIOS: MappingProxyType[str, tuple[bool, DeviceStatus]] = MappingProxyType(
    {
        "unplugged": (False, DeviceStatus(Health.OK, "status.headphones.ok")),
        "plugged": (True, DeviceStatus(Health.OK, "status.headphones.ok")),
        "no_sound_card": (False, DeviceStatus(Health.ABSENT, "status.headphones.no_sound_card", "simulated")),
    }
)


class SimulatedHeadphones(HeadphoneSense):
    """A jack that :meth:`plug` and :meth:`unplug` operate; see :data:`SCENARIOS`."""

    name = "simulated"
    scenarios = tuple(SCENARIOS)

    def __init__(self, *, scenario: str = "unplugged") -> None:
        if scenario not in SCENARIOS:
            raise ValueError(f"unknown scenario {scenario!r}; known: {', '.join(SCENARIOS)}")
        self._present, self._status = SCENARIOS[scenario]
        self._emit: Emit | None = None

    @classmethod
    def is_usable(cls) -> bool:
        """Needs nothing."""
        return True

    def open(self, emit: Emit) -> None:
        """Start reporting plug changes."""
        self._emit = emit

    def close(self) -> None:
        """Stop reporting."""
        self._emit = None

    def status(self) -> DeviceStatus:
        """The scenario's status while open."""
        return self._status if self._emit else DeviceStatus(Health.ABSENT, "status.headphones.closed")

    def self_test(self) -> SelfTestResult:
        """Passes when the scenario has a sound card."""
        status = self.status()
        return SelfTestResult(status.working, status.message_key, status.detail)

    def present(self) -> bool:
        """Whether headphones are plugged in."""
        return self._present and self._status.working

    # --- simulation helpers (tests and the dev panel only) -----------------------------------

    def plug(self) -> None:
        """A visitor plugs headphones in."""
        self._set(True)

    def unplug(self) -> None:
        """The headphones are pulled out."""
        self._set(False)

    def _set(self, present: bool) -> None:
        if present == self._present:
            return
        self._present = present
        if self._emit is not None and self._status.working:
            self._emit(HeadphonesChanged(present))
