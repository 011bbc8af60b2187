"""The simulated ID-card reader: the real GA 467 driver talking to an emulated reader over a pty.

The emulator plays the reader on the pty's master side; :class:`Ga467Reader` opens the slave through
a symlink, as it would open ``/dev/ttyUSB0``. So development and tests exercise the real protocol
code, and "unplugging" the reader (``no_reader``) removes the symlink and closes the pty, just as a
USB adapter vanishing would.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import tty
from dataclasses import dataclass
from types import MappingProxyType

from drivers.base import DeviceStatus, Emit, Health, IdCardReader, ResidentCard, SelfTestResult
from drivers.idcard.emulator import ReaderEmulator
from drivers.idcard.fixtures import ELDERLY_CARD, EXPIRED_CARD, FIXTURE_CARD
from drivers.idcard.serial_reader import Ga467Reader


@dataclass(frozen=True)
class Scenario:
    """What the emulated reader does: the card on it and the faults it shows."""

    card: ResidentCard | None = None
    readable: bool = True
    garbled: bool = False
    answering: bool = True
    plugged: bool = True


SCENARIOS: MappingProxyType[str, Scenario] = MappingProxyType(
    {
        "valid_card": Scenario(card=FIXTURE_CARD),
        "expired_card": Scenario(card=EXPIRED_CARD),
        "elderly_card": Scenario(card=ELDERLY_CARD),
        "unreadable_card": Scenario(card=FIXTURE_CARD, readable=False),
        "garbled_frames": Scenario(card=FIXTURE_CARD, garbled=True),
        "no_card": Scenario(),
        "not_answering": Scenario(answering=False),
        "no_reader": Scenario(plugged=False),
    }
)


class SimulatedIdReader(IdCardReader):
    """The simulated twin: named scenarios, switchable while running."""

    name = "simulated"
    scenarios = tuple(SCENARIOS)

    def __init__(
        self,
        *,
        scenario: str = "no_card",
        poll_interval_s: float = 0.1,
        timeout_s: float = 0.5,
        read_timeout_s: float = 1.0,
        reconnect_interval_s: float = 0.2,
    ) -> None:
        """Fast defaults: the emulator answers at once, so short timeouts keep tests quick."""
        self._check_scenario(scenario)
        self._scenario = scenario
        self._emulator = ReaderEmulator()
        self._link_dir = ""
        self._pty: tuple[int, int] | None = None
        self._make_reader = functools.partial(
            Ga467Reader,
            poll_interval_s=poll_interval_s,
            timeout_s=timeout_s,
            read_timeout_s=read_timeout_s,
            reconnect_interval_s=reconnect_interval_s,
        )
        self._reader: Ga467Reader | None = None
        self._enabled = False

    @classmethod
    def is_usable(cls) -> bool:
        """Needs what the real driver needs, plus ptys (POSIX)."""
        return Ga467Reader.is_usable() and hasattr(os, "openpty")

    @property
    def port(self) -> str:
        """The path the driver opens (a symlink to the current pty slave)."""
        return os.path.join(self._link_dir, "ttyGA467") if self._link_dir else ""

    @property
    def emulator(self) -> ReaderEmulator:
        """The device side, for tests that inspect what was asked."""
        return self._emulator

    def open(self, emit: Emit) -> None:
        """Create the pty and the emulator, then open the real driver on it."""
        if self._reader is not None:
            return
        self._link_dir = tempfile.mkdtemp(prefix="courtkiosk-idcard-")
        self._apply(SCENARIOS[self._scenario])
        self._reader = self._make_reader(port=self.port)
        self._reader.set_enabled(self._enabled)
        self._reader.open(emit)

    def close(self) -> None:
        """Close the driver, then take the emulated reader away."""
        reader, self._reader = self._reader, None
        if reader is None:
            return
        reader.close()
        self._unplug()
        shutil.rmtree(self._link_dir, ignore_errors=True)
        self._link_dir = ""

    def status(self) -> DeviceStatus:
        """The real driver's status."""
        if self._reader is None:
            return DeviceStatus(Health.ABSENT, "idcard.status.closed")
        return self._reader.status()

    def self_test(self) -> SelfTestResult:
        """The real driver's self-test, answered by the emulator."""
        if self._reader is None:
            return SelfTestResult(False, "idcard.self_test.not_open")
        return self._reader.self_test()

    def set_enabled(self, enabled: bool) -> None:
        """Passed to the real driver (remembered until it is open)."""
        self._enabled = enabled
        if self._reader is not None:
            self._reader.set_enabled(enabled)

    def set_scenario(self, name: str) -> None:
        """Switch scenario now; a running driver sees the change on its next poll."""
        self._check_scenario(name)
        self._scenario = name
        if self._link_dir:
            self._apply(SCENARIOS[name])

    # --- simulation helpers (tests and the dev panel only) -----------------------------------

    def present_card(self, card: ResidentCard | None = None) -> None:
        """Lay a card on the reader: ``card``, or the scenario's card, or the main fixture card."""
        self._emulator.card = card or SCENARIOS[self._scenario].card or FIXTURE_CARD

    def remove_card(self) -> None:
        """Lift the card off the reader."""
        self._emulator.card = None

    # --- the pty -------------------------------------------------------------------------------

    def _check_scenario(self, name: str) -> None:
        if name not in SCENARIOS:
            raise ValueError(f"unknown scenario {name!r}; known: {', '.join(SCENARIOS)}")

    def _apply(self, scenario: Scenario) -> None:
        emulator = self._emulator
        emulator.card = scenario.card
        emulator.readable = scenario.readable
        emulator.noisy = scenario.garbled
        emulator.corrupt_reads = scenario.garbled
        emulator.answering = scenario.answering
        if scenario.plugged:
            self._plug()
        else:
            self._unplug()

    def _plug(self) -> None:
        if self._pty is not None:
            return
        master, slave = os.openpty()
        tty.setraw(slave)
        self._pty = (master, slave)
        os.symlink(os.ttyname(slave), self.port)
        self._emulator.attach(master)

    def _unplug(self) -> None:
        if self._pty is None:
            return
        master, slave = self._pty
        self._pty = None
        os.unlink(self.port)
        self._emulator.detach()
        os.close(master)
        os.close(slave)
