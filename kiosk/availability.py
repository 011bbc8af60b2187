"""Which journeys an optional device's failure disables (a required one stops the whole kiosk)."""

from __future__ import annotations

from collections.abc import Mapping

from drivers.base import DeviceStatus

#: Device roles without which a journey cannot be finished at this kiosk.
JOURNEY_NEEDS: Mapping[str, tuple[str, ...]] = {
    "filing": ("a4_printer",),  # the complaint is printed on A4 for the court and each defendant
    "queue_ticket": ("receipt_printer",),  # a queue number exists only on its ticket
}


def unavailable_journeys(statuses: Mapping[str, DeviceStatus]) -> frozenset[str]:
    """Journeys whose needed devices are not all working."""
    return frozenset(
        journey
        for journey, roles in JOURNEY_NEEDS.items()
        if any(role in statuses and not statuses[role].working for role in roles)
    )
