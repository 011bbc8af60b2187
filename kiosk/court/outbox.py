"""The durable outbox: a submission is on disk, sealed, before the visitor gets a receipt.

SQLite in WAL mode with ``synchronous=FULL`` so a committed row survives a crash or a power cut. Each row
carries the submission's idempotency key, so the sender may repeat a send whose answer was lost and the court
still stores it once. Everything that identifies a person stays inside the sealed payload, and a delivered
row leaves no copy of it behind: deleted content is zeroed (``secure_delete``) and the write-ahead log, which
would keep the row's page images for as long as the kiosk runs, is checkpointed and emptied.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.court.contract import FeeReliefApplication, FilingSubmission, RatingSubmission, WorkOrderSubmission
from kiosk.court.sealing import Sealer

log = logging.getLogger(__name__)

Kind = Literal["filing", "fee_relief", "work_order", "rating"]
Outgoing = FilingSubmission | FeeReliefApplication | WorkOrderSubmission | RatingSubmission
MODELS: dict[Kind, type[Outgoing]] = {
    "filing": FilingSubmission,
    "fee_relief": FeeReliefApplication,
    "work_order": WorkOrderSubmission,
    "rating": RatingSubmission,
}
KINDS: dict[type[Outgoing], Kind] = {model: kind for kind, model in MODELS.items()}

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    reference TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    sealed BLOB NOT NULL,
    queued_at REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    last_error TEXT
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at);
"""


@dataclass(frozen=True)
class Queued:
    """What the visitor's receipt needs: the reference, and that it is safely queued."""

    reference: str
    kind: Kind
    queued_at: float


@dataclass(frozen=True)
class PendingItem:
    """A row as staff see it in maintenance mode: no personal data."""

    reference: str
    kind: Kind
    queued_at: float
    attempts: int
    next_attempt_at: float
    state: Literal["pending", "needs_staff"]
    last_error: str | None


@dataclass(frozen=True)
class Depth:
    """How much waits, for the heartbeat and the staff screen."""

    pending: int
    needs_staff: int
    oldest_queued_at: float | None


class Outbox:
    """One SQLite file; safe to share between the UI thread and the sender thread."""

    def __init__(self, path: str | Path, key: bytes, clock: Callable[[], float] = time.time) -> None:
        self._sealer = Sealer(key)
        self._clock = clock
        self._lock = threading.Lock()
        self._changed = threading.Event()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA secure_delete=ON")  # not left to how this SQLite was compiled
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        """Close the database; committed rows stay."""
        with self._lock:
            self._db.close()

    def submit(self, submission: Outgoing) -> Queued:
        """Seal and commit; when this returns the submission survives a crash, whatever the network does."""
        kind = KINDS[type(submission)]
        now = self._clock()
        sealed = self._sealer.seal(submission.model_dump_json().encode(), submission.reference)
        with self._lock:
            self._db.execute(
                "INSERT INTO outbox (reference, idempotency_key, kind, sealed, queued_at, next_attempt_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (submission.reference, str(submission.idempotency_key), kind, sealed, now, now),
            )
        self._changed.set()
        log.info("outbox: queued %s %s", kind, submission.reference)
        return Queued(submission.reference, kind, now)

    def due(self, limit: int = 20) -> list[tuple[str, Kind]]:
        """References and kinds of pending rows whose next attempt is due, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT reference, kind FROM outbox WHERE state = 'pending' AND next_attempt_at <= ?"
                " ORDER BY queued_at LIMIT ?", (self._clock(), limit),
            ).fetchall()
        return [(reference, kind) for reference, kind in rows]

    def load(self, reference: str) -> Outgoing:
        """The submission of a row, unsealed (raises ``Unsealable`` if it was tampered with)."""
        with self._lock:
            kind, sealed = self._db.execute(
                "SELECT kind, sealed FROM outbox WHERE reference = ?", (reference,)
            ).fetchone()
        return MODELS[kind].model_validate_json(self._sealer.open(sealed, reference))

    def acknowledge(self, reference: str) -> None:
        """The court has it: the row and its personal data go, from the database and from its log."""
        with self._lock:
            self._db.execute("DELETE FROM outbox WHERE reference = ?", (reference,))
            busy, _, _ = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            log.warning("outbox: log not emptied after %s (a reader held it); the next delivery retries", reference)

    def postpone(self, reference: str, message_key: str, delay_s: float) -> None:
        """A transient failure: count the attempt and try again after ``delay_s``."""
        with self._lock:
            self._db.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE reference = ?",
                (self._clock() + delay_s, message_key, reference),
            )

    def attempts(self, reference: str) -> int:
        """How often sending this row has failed."""
        with self._lock:
            row = self._db.execute("SELECT attempts FROM outbox WHERE reference = ?", (reference,)).fetchone()
        return int(row[0]) if row else 0

    def park(self, reference: str, message_key: str) -> None:
        """The court refused it: keep it for staff instead of retrying forever or dropping it."""
        with self._lock:
            self._db.execute(
                "UPDATE outbox SET state = 'needs_staff', attempts = attempts + 1, last_error = ?"
                " WHERE reference = ?", (message_key, reference),
            )
        log.warning("outbox: %s needs staff (%s)", reference, message_key)

    def requeue(self, reference: str) -> None:
        """Staff send a parked row again, now."""
        with self._lock:
            self._db.execute(
                "UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE reference = ?",
                (self._clock(), reference),
            )
        self._changed.set()

    def pending(self) -> list[PendingItem]:
        """Every row, oldest first, for staff."""
        with self._lock:
            rows = self._db.execute(
                "SELECT reference, kind, queued_at, attempts, next_attempt_at, state, last_error FROM outbox"
                " ORDER BY queued_at"
            ).fetchall()
        return [PendingItem(*row) for row in rows]

    def depth(self) -> Depth:
        """Counts and the age of the oldest row."""
        with self._lock:
            pending, needs_staff, oldest = self._db.execute(
                "SELECT COALESCE(SUM(state = 'pending'), 0), COALESCE(SUM(state = 'needs_staff'), 0),"
                " MIN(queued_at) FROM outbox"
            ).fetchone()
        return Depth(int(pending), int(needs_staff), oldest)

    def next_attempt_at(self) -> float | None:
        """When the earliest pending row is due, if any."""
        with self._lock:
            (when,) = self._db.execute("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'").fetchone()
        return None if when is None else float(when)

    def wake(self) -> None:
        """Wake whoever waits in :meth:`wait_for_change`."""
        self._changed.set()

    def wait_for_change(self, timeout_s: float) -> None:
        """Sleep until something is submitted or requeued, or ``timeout_s`` passes."""
        if self._changed.wait(timeout_s):
            self._changed.clear()
