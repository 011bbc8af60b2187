"""The kiosk's own queue counter, for when the court's queue system cannot be reached.

Numbers are ``K`` + the service letter + a three-digit sequence (``KA007``), so hall staff see at once
that a number came from the kiosk while the court was offline. The counter is one small JSON file in
the kiosk's data directory, replaced atomically on each number; it starts again at 1 each day.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kiosk.court.contract.services import QueueService

COUNTER_FILE = "queue-counter.json"
LETTERS: dict[QueueService, str] = {"filing": "A", "consultation": "B", "payment": "C", "contact_judge": "D"}
PREFIX = "K"


class LocalCounter:
    """Daily sequences per service, kept across restarts; safe to call from worker threads."""

    def __init__(self, directory: Path, today: Callable[[], date] = date.today) -> None:
        self.path = directory / COUNTER_FILE
        self._today = today
        self._lock = threading.Lock()

    def _load(self, day: str) -> dict[str, int]:
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(saved, dict) or saved.get("day") != day or not isinstance(saved.get("next"), dict):
            return {}
        return {str(k): int(v) for k, v in saved["next"].items()}

    def take(self, service: QueueService) -> str:
        """The next number of ``service`` today."""
        with self._lock:
            day = self._today().isoformat()
            following = self._load(day)
            sequence = following.get(service, 1)
            following[service] = sequence + 1
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps({"day": day, "next": following}), encoding="utf-8")
            os.replace(temporary, self.path)
        return f"{PREFIX}{LETTERS[service]}{sequence:03d}"
