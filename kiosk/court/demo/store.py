"""The demo court's SQLite store: one connection behind a lock, shared by the court's parts."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from uuid import UUID

from pydantic import BaseModel

from kiosk.court.errors import IDEMPOTENCY_CONFLICT, CourtRejected

CHINA = timezone(timedelta(hours=8), "CST")
"""Court time: hearings, slots and tracking numbers are in China Standard Time."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS courts (code TEXT PRIMARY KEY, json TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS cases (
    case_number TEXT PRIMARY KEY, court_code TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS parties (
    case_number TEXT NOT NULL, position INTEGER NOT NULL, role TEXT NOT NULL, kind TEXT NOT NULL,
    name TEXT NOT NULL, id_number TEXT, PRIMARY KEY (case_number, position));
CREATE INDEX IF NOT EXISTS parties_by_id ON parties (id_number);
CREATE TABLE IF NOT EXISTS agents (case_number TEXT NOT NULL, id_number TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    document_id TEXT PRIMARY KEY, case_number TEXT NOT NULL, addressee_id_number TEXT NOT NULL,
    addressee_name TEXT NOT NULL, title TEXT NOT NULL, kind TEXT NOT NULL, served_at TEXT NOT NULL,
    pages INTEGER NOT NULL, body TEXT NOT NULL, printed_count INTEGER NOT NULL DEFAULT 0, last_printed_at TEXT);
CREATE TABLE IF NOT EXISTS fee_items (
    item_id TEXT PRIMARY KEY, case_number TEXT NOT NULL, kind TEXT NOT NULL, description TEXT NOT NULL,
    amount TEXT NOT NULL, status TEXT NOT NULL, due_on TEXT);
CREATE TABLE IF NOT EXISTS idempotency (
    idempotency_key TEXT PRIMARY KEY, kind TEXT NOT NULL, digest TEXT NOT NULL, result TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS payment_orders (
    order_id TEXT PRIMARY KEY, case_number TEXT NOT NULL, item_ids TEXT NOT NULL, amount TEXT NOT NULL,
    status TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, settled_at TEXT);
CREATE TABLE IF NOT EXISTS payer_code_payments (payment_id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS filings (
    reference TEXT NOT NULL, kiosk_id TEXT NOT NULL, court_code TEXT NOT NULL, json TEXT NOT NULL,
    status TEXT NOT NULL, case_number TEXT, note TEXT, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS filings_by_reference ON filings (reference);
CREATE TABLE IF NOT EXISTS fee_reliefs (reference TEXT NOT NULL, json TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS work_orders (
    tracking_number TEXT PRIMARY KEY, reference TEXT NOT NULL, kind TEXT NOT NULL, json TEXT NOT NULL,
    slot_id TEXT, received_at TEXT NOT NULL, due_at TEXT NOT NULL, reply TEXT);
CREATE INDEX IF NOT EXISTS work_orders_by_reference ON work_orders (reference);
CREATE TABLE IF NOT EXISTS work_order_progress (
    tracking_number TEXT NOT NULL, at TEXT NOT NULL, state TEXT NOT NULL, note TEXT);
CREATE TABLE IF NOT EXISTS ratings (reference TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS queue_days (
    day TEXT NOT NULL, service TEXT NOT NULL, walk_in INTEGER NOT NULL, next_seq INTEGER NOT NULL,
    next_priority_seq INTEGER NOT NULL, PRIMARY KEY (day, service));
CREATE TABLE IF NOT EXISTS queue_tickets (
    ticket_id TEXT PRIMARY KEY, day TEXT NOT NULL, service TEXT NOT NULL, number TEXT NOT NULL,
    priority TEXT NOT NULL, state TEXT NOT NULL, issued_at TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS kiosks (kiosk_id TEXT PRIMARY KEY, json TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


class Store:
    """A SQLite database used from many threads (the reference server's workers) through one lock."""

    def __init__(self, path: str | Path, clock: Callable[[], datetime]) -> None:
        self.clock = clock
        self.lock = threading.RLock()
        self.db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        if str(path) != ":memory:":
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work, serialised with every other."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def now(self) -> datetime:
        """The court's clock, in court time."""
        return self.clock().astimezone(CHINA)

    def next_value(self, db: sqlite3.Connection, name: str, start: int = 1) -> int:
        """The next number of a named counter (inside a transaction)."""
        row = db.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()
        value = start if row is None else row["value"] + 1
        db.execute("INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)", (name, value))
        return value

    def once(
        self,
        key: UUID,
        kind: str,
        request: BaseModel,
        create: Callable[[sqlite3.Connection], str],
    ) -> str:
        """Run ``create`` once per idempotency key and return its result ever after.

        The same key with a different request is a client bug, refused rather than silently answered.
        """
        digest = hashlib.sha256(request.model_dump_json().encode()).hexdigest()
        with self.transaction() as db:
            row = db.execute(
                "SELECT kind, digest, result FROM idempotency WHERE idempotency_key = ?", (str(key),)
            ).fetchone()
            if row is not None:
                if (row["kind"], row["digest"]) != (kind, digest):
                    raise CourtRejected(IDEMPOTENCY_CONFLICT)
                return str(row["result"])
            result = create(db)
            db.execute(
                "INSERT INTO idempotency (idempotency_key, kind, digest, result) VALUES (?, ?, ?, ?)",
                (str(key), kind, digest, result),
            )
            return result


def mask_id_number(id_number: str | None) -> str | None:
    """110101********1233: enough for a visitor to recognise, too little to misuse."""
    if not id_number:
        return None
    return id_number[:6] + "*" * (len(id_number) - 10) + id_number[-4:]


def normalise_case_number(text: str) -> str:
    """Case numbers are stored with full-width brackets; visitors and systems type both."""
    return "".join(text.split()).replace("(", "（").replace(")", "）")
