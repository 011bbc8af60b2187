"""Fixtures: both gateways (demo court in-process, HTTP client against court-sim) and the fixture people."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest
import requests

from kiosk.court.demo import DemoCourt
from kiosk.court.gateway import CourtGateway
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from tests.kiosk.court.courtsim import CourtSim, start_court_sim


class Hooks(Protocol):
    """The demo court's staff-side hooks, reachable in-process or over court-sim's /demo routes."""

    def settle(self, order_id: str, status: str) -> None: ...
    def decide_filing(self, reference: str, accept: bool) -> None: ...
    def reply_work_order(self, number: str, text: str) -> None: ...
    def call_next(self, service: str) -> None: ...


class DemoHooks:
    def __init__(self, court: DemoCourt) -> None:
        self.court = court

    def settle(self, order_id: str, status: str) -> None:
        self.court.settle_payment(order_id, status)  # type: ignore[arg-type]

    def decide_filing(self, reference: str, accept: bool) -> None:
        self.court.decide_filing(reference, accept)

    def reply_work_order(self, number: str, text: str) -> None:
        self.court.reply_work_order(number, text)

    def call_next(self, service: str) -> None:
        self.court.call_next(service)  # type: ignore[arg-type]


class HttpHooks:
    def __init__(self, sim: CourtSim) -> None:
        self.sim = sim

    def _post(self, path: str, **params: str | bool) -> None:
        response = requests.post(self.sim.url + path, params=params, timeout=10,
                                 headers={"Authorization": f"Bearer {self.sim.token}"})
        response.raise_for_status()

    def settle(self, order_id: str, status: str) -> None:
        self._post(f"/demo/payment-orders/{order_id}/settle", status=status)

    def decide_filing(self, reference: str, accept: bool) -> None:
        self._post(f"/demo/filings/{reference}/decide", accept=accept)

    def reply_work_order(self, number: str, text: str) -> None:
        self._post(f"/demo/work-orders/{number}/reply", text=text)

    def call_next(self, service: str) -> None:
        self._post(f"/demo/queues/{service}/call-next")


@pytest.fixture(scope="module")
def court_sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CourtSim]:
    sim = start_court_sim(Path(tmp_path_factory.mktemp("court-sim")) / "court.sqlite3")
    yield sim
    sim.stop()


@pytest.fixture(scope="module", params=["demo", "http"])
def court(request: pytest.FixtureRequest) -> Iterator[tuple[CourtGateway, Hooks]]:
    """Each gateway with the hooks of the court behind it; one court per module and gateway."""
    if request.param == "demo":
        demo = DemoCourt(":memory:")
        yield demo, DemoHooks(demo)
        return
    sim: CourtSim = request.getfixturevalue("court_sim")
    client = HttpCourtGateway(sim.url, HttpOptions(token=sim.token, read_timeout_s=15))
    yield client, HttpHooks(sim)
    client.close()
