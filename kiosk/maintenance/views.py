"""Snapshots the maintenance screens show: devices, outbox, settings, logs and the audit trail.

Each is a small frozen value taken when a screen opens (or staff press refresh), so the presenters
stay pure functions of the screen context. None holds personal data: the outbox rows are what
:meth:`~kiosk.court.outbox.Outbox.pending` gives staff, log lines pass :func:`kiosk.logs.redact`
again, and the audit trail's schema refuses personal data on the way in.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from drivers.base import DeviceKind, SelfTestResult
from kiosk.audit import verify
from kiosk.court.outbox import PendingItem
from kiosk.devices import ROLE_KINDS, DeviceSlot
from kiosk.logs import redact

#: How many audit entries and log lines a screen lists (newest last).
TAIL = 12
_TAIL_BYTES = 64 * 1024


@dataclass(frozen=True)
class DeviceRow:
    """One configured device role as staff see it."""

    role: str
    driver: str
    health: str
    message_key: str
    detail: str
    required: bool


def device_rows(slots: Mapping[str, DeviceSlot]) -> tuple[DeviceRow, ...]:
    """Every role with its driver, health and the driver's technical detail."""
    return tuple(
        DeviceRow(role, slot.settings.driver, slot.status.health.value, slot.status.message_key,
                  redact(slot.status.detail), bool(slot.settings.required))
        for role, slot in slots.items()
    )


def printer_rows(rows: Iterable[DeviceRow]) -> tuple[DeviceRow, ...]:
    """The printers: their statuses say whether paper is loaded, low or out."""
    return tuple(row for row in rows if ROLE_KINDS.get(row.role) is DeviceKind.PRINTER)


@dataclass(frozen=True)
class SelfTestOutcome:
    """The last self-test of one role."""

    role: str
    passed: bool
    message_key: str
    detail: str


def self_test_outcome(role: str, result: SelfTestResult) -> SelfTestOutcome:
    """A driver's self-test result, with any number in its detail masked."""
    return SelfTestOutcome(role, result.passed, result.message_key, redact(result.detail))


@dataclass(frozen=True)
class OutboxRow:
    """A queued submission: reference, kind and state, never its content."""

    reference: str
    kind: str
    state: str
    attempts: int
    last_error: str
    age_min: int


@dataclass(frozen=True)
class OutboxView:
    """How much waits to be sent, and what."""

    pending: int
    needs_staff: int
    rows: tuple[OutboxRow, ...]


def outbox_view(items: Iterable[PendingItem], now: float) -> OutboxView:
    """The staff view of the outbox's rows."""
    rows = tuple(
        OutboxRow(item.reference, item.kind, item.state, item.attempts, item.last_error or "",
                  max(0, int((now - item.queued_at) // 60)))
        for item in items
    )
    return OutboxView(sum(r.state == "pending" for r in rows), sum(r.state == "needs_staff" for r in rows), rows)


@dataclass(frozen=True)
class AuditLine:
    """One audit entry, as a line staff can read."""

    seq: int
    ts: str
    event: str
    actor: str
    what: str


@dataclass(frozen=True)
class AuditView:
    """The newest entries and whether the whole chain verifies."""

    finding: str
    entries: int
    detail: str
    lines: tuple[AuditLine, ...]


def audit_view(path: Path, key: bytes | None) -> AuditView:
    """Verify the trail (it reads the whole file: run it off the UI thread) and take its tail."""
    result = verify(path, key)
    return AuditView(result.finding.value, result.entries, result.detail, tuple(_audit_tail(path)))


def _audit_tail(path: Path) -> list[AuditLine]:
    lines: list[AuditLine] = []
    for raw in _tail_lines(path, TAIL):
        try:
            entry = json.loads(raw)
        except ValueError:
            continue
        what = " ".join(str(entry[k]) for k in ("role", "action", "device", "status", "ref", "seconds", "count") if k in entry)
        lines.append(AuditLine(int(entry.get("seq", 0)), str(entry.get("ts", "")), str(entry.get("event", "")),
                               str(entry.get("actor", "")), what))
    return lines


def _tail_lines(path: Path, count: int) -> list[str]:
    """The last ``count`` lines of a file, reading only its end."""
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - _TAIL_BYTES))
            data = handle.read()
    except OSError:
        return []
    return [line.decode("utf-8", "replace") for line in data.splitlines()[-count:]]


def log_lines(lines: Iterable[str]) -> tuple[str, ...]:
    """Recent log lines, newest last, redacted once more in case a line slipped past the filter."""
    return tuple(redact(line) for line in list(lines)[-TAIL:])
