"""printer-state-reasons → health and message key."""

from __future__ import annotations

import pytest

from drivers.base import Health
from drivers.printer import reasons
from drivers.printer.reasons import PRINTER_IDLE, PRINTER_PROCESSING, PRINTER_STOPPED, printer_health


@pytest.mark.parametrize(("state", "keywords", "health", "key"), [
    (PRINTER_IDLE, ["none"], Health.OK, reasons.READY),
    (PRINTER_PROCESSING, ["connecting-to-device"], Health.OK, reasons.READY),
    (PRINTER_STOPPED, ["media-empty-error"], Health.NEEDS_STAFF, "status.printer.out_of_paper"),
    (PRINTER_IDLE, ["media-needed"], Health.NEEDS_STAFF, "status.printer.out_of_paper"),
    (PRINTER_STOPPED, ["media-jam"], Health.NEEDS_STAFF, "status.printer.paper_jam"),
    (PRINTER_STOPPED, ["door-open-error"], Health.NEEDS_STAFF, "status.printer.cover_open"),
    (PRINTER_IDLE, ["toner-empty-error"], Health.NEEDS_STAFF, "status.printer.toner_empty"),
    (PRINTER_IDLE, ["offline-report"], Health.ABSENT, "status.printer.offline"),
    (PRINTER_IDLE, ["media-low-report"], Health.DEGRADED, "status.printer.paper_low"),
    (PRINTER_IDLE, ["marker-supply-low-warning"], Health.DEGRADED, "status.printer.toner_low"),
    (PRINTER_STOPPED, ["paused"], Health.NEEDS_STAFF, reasons.PAUSED),
    (PRINTER_IDLE, ["fuser-over-temp-error"], Health.ERROR, reasons.PRINTER_ERROR),
    (PRINTER_IDLE, ["fuser-over-temp-warning"], Health.OK, reasons.READY),
    # A jam outranks the paper running low and the pause it caused.
    (PRINTER_STOPPED, ["paused", "media-low-report", "media-jam-error"], Health.NEEDS_STAFF,
     "status.printer.paper_jam"),
])
def test_reasons_map_to_health(state: int, keywords: list[str], health: Health, key: str) -> None:
    status = printer_health(state, keywords)
    assert (status.health, status.message_key) == (health, key)
    assert f"printer-state={state}" in status.detail


def test_queue_not_accepting_needs_staff() -> None:
    status = printer_health(PRINTER_IDLE, ["none"], accepting=False)
    assert (status.health, status.message_key) == (Health.NEEDS_STAFF, reasons.NOT_ACCEPTING)


def test_split_reason() -> None:
    assert reasons.split_reason("media-empty-error") == ("media-empty", "error")
    assert reasons.split_reason("media-low-report") == ("media-low", "report")
    assert reasons.split_reason("media-jam") == ("media-jam", "error")
