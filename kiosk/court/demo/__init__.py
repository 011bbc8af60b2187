"""The embedded demo court (SQLite) and its fictitious seed data."""

from kiosk.court.demo.court import DemoCourt

__all__ = ["DemoCourt"]
