"""The demo court's call-number queue: per service and day, priority visitors first."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from kiosk.court.contract import QueueTicket, QueueTicketRequest
from kiosk.court.contract.services import QueueService
from kiosk.court.demo.store import Store
from kiosk.court.errors import TICKET_NOT_FOUND, CourtRejected

LETTERS: dict[QueueService, str] = {"filing": "A", "consultation": "B", "payment": "C", "contact_judge": "D"}
PRIORITY_PREFIX = "V"


class Queue:
    """Walk-in visitors (tickets from the hall's counter) are simulated by a seeded count per day."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _day(self, db: sqlite3.Connection, service: QueueService) -> tuple[str, sqlite3.Row]:
        day = self.store.now().date().isoformat()
        row = db.execute("SELECT * FROM queue_days WHERE day = ? AND service = ?", (day, service)).fetchone()
        if row is None:
            walk_in = (self.store.now().date().toordinal() * 7 + list(LETTERS).index(service) * 3) % 6 + 2
            db.execute("INSERT INTO queue_days VALUES (?, ?, ?, ?, 1)", (day, service, walk_in, walk_in + 1))
            row = db.execute("SELECT * FROM queue_days WHERE day = ? AND service = ?", (day, service)).fetchone()
        return day, row

    def take(self, request: QueueTicketRequest) -> QueueTicket:
        """A new number (once per key)."""

        def create(db: sqlite3.Connection) -> str:
            day, counters = self._day(db, request.service)
            priority = request.priority != "none"
            column = "next_priority_seq" if priority else "next_seq"
            seq = counters[column]
            db.execute(f"UPDATE queue_days SET {column} = ? WHERE day = ? AND service = ?",
                       (seq + 1, day, request.service))
            prefix = (PRIORITY_PREFIX if priority else "") + LETTERS[request.service]
            ticket_id = f"T{self.store.next_value(db, 'queue_ticket', 30000001)}"
            db.execute(
                "INSERT INTO queue_tickets VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?)",
                (ticket_id, day, request.service, f"{prefix}{seq:03d}", request.priority,
                 self.store.now().isoformat(), self.store.next_value(db, f"queue:{day}")),
            )
            return ticket_id

        return self.ticket(self.store.once(request.idempotency_key, "queue_ticket", request, create))

    def ticket(self, ticket_id: str) -> QueueTicket:
        """A ticket with the people ahead of it now."""
        with self.store.transaction() as db:
            row = db.execute("SELECT * FROM queue_tickets WHERE ticket_id = ?", (ticket_id,)).fetchone()
            if row is None:
                raise CourtRejected(TICKET_NOT_FOUND)
            ahead = 0
            if row["state"] == "waiting":
                ahead = self._ahead(db, row)
        return QueueTicket(
            ticket_id=row["ticket_id"], number=row["number"], service=row["service"], priority=row["priority"],
            state=row["state"], issued_at=datetime.fromisoformat(row["issued_at"]), people_ahead=ahead,
        )

    def _ahead(self, db: sqlite3.Connection, row: sqlite3.Row) -> int:
        waiting = db.execute(
            "SELECT priority, position FROM queue_tickets WHERE day = ? AND service = ? AND state = 'waiting'",
            (row["day"], row["service"]),
        ).fetchall()
        priority = row["priority"] != "none"
        if priority:
            return sum(1 for t in waiting if t["priority"] != "none" and t["position"] < row["position"])
        walk_in = db.execute(
            "SELECT walk_in FROM queue_days WHERE day = ? AND service = ?", (row["day"], row["service"])
        ).fetchone()["walk_in"]
        return int(walk_in) + sum(1 for t in waiting if t["priority"] != "none" or t["position"] < row["position"])

    def call_next(self, service: QueueService) -> str | None:
        """Demo hook: a window calls the next visitor; returns the number called (None for a walk-in)."""
        with self.store.transaction() as db:
            day, counters = self._day(db, service)
            first = db.execute(
                "SELECT ticket_id, number FROM queue_tickets WHERE day = ? AND service = ? AND state = 'waiting'"
                " ORDER BY priority = 'none', position LIMIT 1", (day, service),
            ).fetchone()
            if first is not None and (first["number"].startswith(PRIORITY_PREFIX) or counters["walk_in"] == 0):
                db.execute("UPDATE queue_tickets SET state = 'called' WHERE ticket_id = ?", (first["ticket_id"],))
                return str(first["number"])
            db.execute("UPDATE queue_days SET walk_in = MAX(walk_in - 1, 0) WHERE day = ? AND service = ?",
                       (day, service))
            return None
