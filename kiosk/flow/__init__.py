"""The visitor state machine and the names of its states."""

from kiosk.flow.machine import JOURNEYS, KioskFlow

__all__ = ["JOURNEYS", "KioskFlow"]
