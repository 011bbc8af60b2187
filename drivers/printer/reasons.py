"""Map what CUPS says about a queue to the kiosk's closed health set.

Kept free of pycups so the mapping is tested on plain values. CUPS reports a printer-state (idle 3,
processing 4, stopped 5), whether the queue accepts jobs, and ``printer-state-reasons`` keywords
with an optional ``-report`` / ``-warning`` / ``-error`` suffix (RFC 8011 §5.4.12: no suffix means
error).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from drivers.base import DeviceStatus, Health

PRINTER_IDLE = 3
PRINTER_PROCESSING = 4
PRINTER_STOPPED = 5

READY = "status.printer.ready"
NOT_FOUND = "status.printer.not_found"
SERVICE_UNAVAILABLE = "status.printer.service_unavailable"
PAUSED = "status.printer.paused"
NOT_ACCEPTING = "status.printer.not_accepting"
PRINTER_ERROR = "status.printer.error"


@dataclass(frozen=True)
class _Rule:
    keywords: frozenset[str]
    health: Health
    message_key: str


# First match wins, so the order is the order in which staff should hear about problems.
_RULES: tuple[_Rule, ...] = (
    _Rule(frozenset({"media-jam"}), Health.NEEDS_STAFF, "status.printer.paper_jam"),
    _Rule(frozenset({"door-open", "cover-open", "interlock-open"}), Health.NEEDS_STAFF, "status.printer.cover_open"),
    _Rule(frozenset({"media-empty", "media-needed", "input-tray-missing"}), Health.NEEDS_STAFF,
          "status.printer.out_of_paper"),
    _Rule(frozenset({"toner-empty", "marker-supply-empty", "marker-waste-full"}), Health.NEEDS_STAFF,
          "status.printer.toner_empty"),
    _Rule(frozenset({"output-area-full"}), Health.NEEDS_STAFF, "status.printer.output_full"),
    _Rule(frozenset({"offline", "shutdown", "timed-out"}), Health.ABSENT, "status.printer.offline"),
    _Rule(frozenset({"media-low"}), Health.DEGRADED, "status.printer.paper_low"),
    _Rule(frozenset({"toner-low", "marker-supply-low", "marker-waste-almost-full"}), Health.DEGRADED,
          "status.printer.toner_low"),
)

#: Keywords that say nothing about the device's fitness for the next job.
_HARMLESS = frozenset({"none", "connecting-to-device", "moving-to-paused", "cups-waiting-for-job-completed",
                       "processing-to-stop-point", "cups-remote-pending", "cups-remote-pending-held"})

_SUFFIXES = ("-report", "-warning", "-error")


def split_reason(reason: str) -> tuple[str, str]:
    """``'media-empty-error'`` → ``('media-empty', 'error')``; no suffix counts as an error."""
    for suffix in _SUFFIXES:
        if reason.endswith(suffix):
            return reason[: -len(suffix)], suffix[1:]
    return reason, "error"


def printer_health(state: int, reasons: Iterable[str], accepting: bool = True, message: str = "") -> DeviceStatus:
    """The health of a queue from its IPP attributes; ``detail`` lists the raw keywords for staff."""
    raw = [r for r in reasons if r]
    keywords = {split_reason(r)[0]: split_reason(r)[1] for r in raw}
    detail = _detail(state, raw, accepting, message)
    for rule in _RULES:
        if rule.keywords & keywords.keys():
            return DeviceStatus(rule.health, rule.message_key, detail)
    if state == PRINTER_STOPPED or "paused" in keywords:
        return DeviceStatus(Health.NEEDS_STAFF, PAUSED, detail)
    if not accepting:
        return DeviceStatus(Health.NEEDS_STAFF, NOT_ACCEPTING, detail)
    unknown_errors = [k for k, severity in keywords.items() if severity == "error" and k not in _HARMLESS]
    if unknown_errors:
        return DeviceStatus(Health.ERROR, PRINTER_ERROR, detail)
    return DeviceStatus(Health.OK, READY, detail)


def _detail(state: int, reasons: list[str], accepting: bool, message: str) -> str:
    parts = [f"printer-state={state}", f"reasons={','.join(reasons) or 'none'}"]
    if not accepting:
        parts.append("not accepting jobs")
    if message:
        parts.append(f"message={message!r}")
    return "; ".join(parts)
