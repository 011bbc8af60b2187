"""Helpers for payment journey tests: a court that loses answers or holds them back, and the way to the items."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from kiosk.controller import KioskController
from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import ZHANG
from kiosk.court.errors import CourtUnavailable
from kiosk.court.gateway import CourtGateway
from kiosk.journeys.payment.effects import PaymentEffects
from tests.kiosk.conftest import UiLoop

#: The demo case with two due items: 案件受理费 ¥2,300.00 (F1001) and 公告费 ¥300.00 (F1002).
CASE_SUFFIX = "民初1024号"
WECHAT_CODE = "134567890123456789"
DECLINED_CODE = "134567890123450000"


class CourtSpy:
    """Stands in front of a court: records calls; can lose the answer of a call once, or hold it back."""

    def __init__(self, court: CourtGateway) -> None:
        self.court = court
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.lose_answer_of: set[str] = set()
        self.hold: dict[str, threading.Event] = {}

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.court, name)
        if not callable(method):
            return method

        def call(*args: Any) -> Any:
            self.calls.append((name, args))
            if name in self.hold:
                self.hold[name].wait(timeout=30)
            result = method(*args)
            if name in self.lose_answer_of:
                self.lose_answer_of.discard(name)
                raise CourtUnavailable("court.error.timeout", "the answer was lost on the way back")
            return result

        return call

    def called(self, name: str) -> list[tuple[Any, ...]]:
        return [args for called, args in self.calls if called == name]


@pytest.fixture
def court(controller: KioskController) -> DemoCourt:
    demo = controller.services.court
    assert isinstance(demo, DemoCourt)
    return demo


@pytest.fixture
def spy(controller: KioskController, court: DemoCourt) -> Iterator[CourtSpy]:
    """The controller's court behind a spy."""
    watcher = CourtSpy(court)
    controller.services.court = watcher  # type: ignore[assignment]
    yield watcher
    for held in watcher.hold.values():
        held.set()


@pytest.fixture(autouse=True)
def quick_polls(controller: KioskController) -> None:
    """Look at a payment order every 20 ms instead of every second."""
    effects = next(j for j in controller.journeys if isinstance(j, PaymentEffects))
    effects.poll_interval_s = 0.02


def at(controller: KioskController, step: str) -> Callable[[], bool]:
    return lambda: controller.flow.step == step


def case_number(court: CourtGateway) -> str:
    return next(c.case_number for c in court.cases_of_party(ZHANG.id_number) if c.case_number.endswith(CASE_SUFFIX))


def journey(controller: KioskController) -> dict[str, Any]:
    return controller.visit.journeys["payment"]


def to_items(controller: KioskController, loop: UiLoop, number: str) -> None:
    """From attract to the case's items by typing its number (ASCII brackets, as a visitor might)."""
    controller.intent("start_visit")
    controller.intent("choose_payment")
    assert controller.flow.step == "payment_menu"
    controller.intent("by_number")
    controller.intent("edit_field", field="payment.case_number", value=number.replace("（", "(").replace("）", ")"))
    controller.intent("submit")
    loop.pump(at(controller, "payment_items"))


def scan(controller: KioskController, text: str, symbology: str = "Code128") -> None:
    """Hold a code under the simulated scanner: it is rendered, photographed and decoded for real."""
    scanner = controller.devices.slots["scanner"].driver
    scanner.present(text, symbology)  # type: ignore[union-attr]


def keys_of(controller: KioskController) -> list[str]:
    model = controller.model()
    return [model.title.key, *(t.key for t in model.body)]
