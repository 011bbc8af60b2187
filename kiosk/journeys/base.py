"""What a journey is made of, and what the kiosk offers it.

A journey module defines a compound :class:`~statemachine.State` (its steps and transitions), a
:class:`JourneyEffects` subclass (the machine listener holding its guards and entry actions) and
its presenters. Effects reach the world only through :class:`JourneyHost`, which the controller
implements: the visit, the services, devices, and ``send`` to feed results back as events.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar

from statemachine import State

from drivers.base import ResidentCard
from kiosk.config import Settings
from kiosk.devices import DeviceManager
from kiosk.presenters.model import ScreenContext, ScreenModel
from kiosk.services import KioskServices
from kiosk.session import Visit

T = TypeVar("T")
Presenter = Callable[[ScreenContext], ScreenModel]


class JourneyHost(Protocol):
    """The controller as a journey sees it."""

    settings: Settings
    visit: Visit
    services: KioskServices
    devices: DeviceManager

    def send(self, event: str, **params: Any) -> None:
        """Feed an event to the machine (on the UI thread)."""

    def run_task(self, name: str, work: Callable[[], T], done_event: str, failed_event: str,
                 on_done: Callable[[T], None] | None = None) -> None:
        """Run ``work`` off the UI thread, keep its result with ``on_done``, then send the matching event.

        The time limit is held while it runs. On failure the exception's message key (or a generic
        one) is stored under the journey's ``problem`` and ``failed_event`` is sent.
        """


class JourneyEffects:
    """Base of a journey's machine listener: guards (``cond=``) and ``on_enter_<step>`` actions."""

    journey: ClassVar[str]
    #: Steps during which the ID-card reader is switched on and its cards go to :meth:`on_card`.
    card_steps: ClassVar[frozenset[str]] = frozenset()
    #: Steps during which the scanner is switched on and its codes go to :meth:`on_code`.
    code_steps: ClassVar[frozenset[str]] = frozenset()
    #: Steps where the visitor waits for the kiosk (a court call, a print): nothing to press.
    waiting_steps: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, host: JourneyHost) -> None:
        self.host = host

    @property
    def data(self) -> dict[str, Any]:
        """This journey's part of the visit (wiped with it)."""
        return self.host.visit.journeys.setdefault(self.journey, {})

    def field_value(self, field_id: str) -> str:
        """What the visitor typed in ``field_id``."""
        return self.host.visit.fields.get(field_id, "").strip()

    def refuse(self, field_id: str, message_key: str) -> bool:
        """Record why a field's value was refused; returns False so a guard can end with it."""
        self.host.visit.field_errors[field_id] = message_key
        return False

    def accept(self, field_id: str) -> bool:
        """Clear a field's error; returns True for guards."""
        self.host.visit.field_errors.pop(field_id, None)
        return True

    def on_card(self, card: ResidentCard) -> None:
        """A card was read during one of :attr:`card_steps`."""

    def on_code(self, symbology: str, text: str) -> None:
        """A code was scanned during one of :attr:`code_steps`."""


@dataclass(frozen=True)
class Journey:
    """A journey as the kiosk assembles it."""

    name: str
    state: State
    effects: type[JourneyEffects]
    presenters: Mapping[str, Presenter] = field(default_factory=dict)
