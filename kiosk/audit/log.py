"""Appending to the audit trail: one lock, one write and one fsync per entry."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.audit.schema import GENESIS, AuditEntry, AuditEvent, AuditRecord, algorithm, seal, to_line

log = logging.getLogger(__name__)

#: Entries are a few hundred bytes; the last one is always within this much of the end.
_TAIL_BYTES = 64 * 1024


class AuditLog:
    """The kiosk's one writer of an audit file; safe to share between threads.

    On opening, a line cut short by a power cut is removed and the removal recorded. A last line that
    cannot be continued (edited by hand) moves the whole file aside, kept for inspection, and a new
    chain starts with a record saying so.
    """

    def __init__(self, path: Path, key: bytes | None = None, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._key = key
        self._clock = clock
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        torn_bytes = _cut_torn_tail(path)
        last, damaged = _read_last(path)
        if damaged:
            aside = path.with_name(f"{path.name}.damaged-{int(clock())}")
            path.rename(aside)
            log.error("audit trail's last entry unreadable; file moved to %s, new chain started", aside.name)
        self._seq, self._prev = (last.seq, last.hash) if last else (0, GENESIS)
        created = not path.exists()
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        if created:
            _fsync_dir(path.parent)
        if damaged:
            self.append(AuditEvent.AUDIT_RESTARTED, status="damaged_tail")
        if torn_bytes:
            self.append(AuditEvent.AUDIT_TAIL_REPAIRED, count=torn_bytes)

    def append(self, event: AuditEvent, **fields: Any) -> AuditEntry:
        """Record one event; the fields are those of :class:`AuditRecord`. Raises ``ValidationError``
        for anything outside the schema and ``OSError`` when the disk refuses."""
        record = AuditRecord(event=event, **fields)
        with self._lock:
            stamp = datetime.fromtimestamp(self._clock(), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            body = record.model_dump(mode="json", exclude_none=True)
            body.update(seq=self._seq + 1, ts=stamp, prev=self._prev, alg=algorithm(self._key))
            body["hash"] = seal(body, self._key)
            line = to_line(body)
            written = os.write(self._fd, line)
            if written != len(line):
                raise OSError(f"audit trail: short write ({written} of {len(line)} bytes)")
            os.fsync(self._fd)
            self._seq, self._prev = body["seq"], body["hash"]
            return AuditEntry.model_validate(body)

    def head(self) -> tuple[int, str]:
        """Sequence number and hash of the last entry: report it elsewhere to anchor the end of the chain."""
        with self._lock:
            return self._seq, self._prev

    def close(self) -> None:
        """Release the file."""
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _cut_torn_tail(path: Path) -> int:
    """Drop bytes after the last newline (a write cut short); returns how many."""
    if not path.exists():
        return 0
    with path.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        start = max(0, size - _TAIL_BYTES)
        handle.seek(start)
        tail = handle.read()
        end = tail.rfind(b"\n") + 1 + start if b"\n" in tail else start
        if end == size:
            return 0
        handle.truncate(end)
        handle.flush()
        os.fsync(handle.fileno())
        return size - end


def _read_last(path: Path) -> tuple[AuditEntry | None, bool]:
    """The last entry, and whether a last line exists that is not a valid entry."""
    if not path.exists():
        return None, False
    with path.open("rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(max(0, size - _TAIL_BYTES))
        lines = handle.read().splitlines()
    if not lines:
        return None, False
    try:
        return AuditEntry.model_validate(json.loads(lines[-1])), False
    except (ValueError, ValidationError):
        return None, True


def _fsync_dir(directory: Path) -> None:
    # The new file's name must reach the disk too, or a power cut can lose the whole file.
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
