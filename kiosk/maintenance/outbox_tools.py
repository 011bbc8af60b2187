"""Outbox chores for staff: the hand-carry export, and the audit trail's view of submissions.

The export copies the sealed rows as they are (AES-GCM, key not included), so a USB stick lost on
the way to the court's office discloses nothing; the court opens them with its copy of the key.
Submissions are audited by reference and kind only, at the outbox itself, so every journey that
queues one is covered without knowing about the audit trail.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.audit import AuditEvent, AuditLog
from kiosk.court.outbox import Outbox, Queued

log = logging.getLogger(__name__)

#: Mount points where a USB stick shows up on the kiosk's Linux desktop.
REMOVABLE_MEDIA_ROOTS = (Path("/media"), Path("/run/media"))
EXPORT_FOLDER = "exports"


def export_folder(data_dir: Path, media_roots: tuple[Path, ...] = REMOVABLE_MEDIA_ROOTS) -> Path:
    """The first mounted removable medium, else ``exports`` in the data directory."""
    for root in media_roots:
        try:
            mounts = sorted(p for user in root.iterdir() if user.is_dir() for p in user.iterdir() if p.is_dir())
        except OSError:
            continue
        writable = [m for m in mounts if os.access(m, os.W_OK)]
        if writable:
            return writable[0]
    return data_dir / EXPORT_FOLDER


def export_sealed(database: Path, folder: Path, now: float | None = None) -> tuple[Path, int]:
    """Write every queued row, still sealed, to one JSON-lines file in ``folder``; returns it and the count.

    The database is opened read-only beside the running sender (SQLite WAL allows it).
    """
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now if now is not None else time.time()))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"outbox-export-{stamp}.jsonl"
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT reference, idempotency_key, kind, queued_at, sealed FROM outbox ORDER BY queued_at"
        ).fetchall()
    finally:
        connection.close()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        for reference, key, kind, queued_at, sealed in rows:
            handle.write(json.dumps({"reference": reference, "idempotency_key": key, "kind": kind,
                                     "queued_at": queued_at, "sealed": base64.b64encode(sealed).decode()}) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return target, len(rows)


def audit_submissions(outbox: Outbox, audit: AuditLog) -> None:
    """Have the outbox record queued, sent and refused submissions in the audit trail.

    Wraps the instance's own methods, so journeys and the sender keep calling the outbox as before.
    A failing audit write never loses a submission: the outbox has already committed it.
    """
    submit, acknowledge, park = outbox.submit, outbox.acknowledge, outbox.park

    def record(event: AuditEvent, ref: str, status: str | None) -> None:
        try:
            try:
                audit.append(event, ref=ref, status=status)
            except ValueError:  # a status outside the trail's key shape: the event still counts
                audit.append(event, ref=ref)
        except (OSError, ValueError) as exc:
            log.error("audit trail refused %s: %s", event.value, type(exc).__name__)

    def audited_submit(submission: Any) -> Queued:
        queued = submit(submission)
        record(AuditEvent.SUBMISSION_QUEUED, ref=queued.reference, status=queued.kind)
        return queued

    def audited(call: Callable[..., None], event: AuditEvent) -> Callable[..., None]:
        def wrapper(reference: str, *args: Any) -> None:
            call(reference, *args)
            record(event, ref=reference, status=args[0] if args and isinstance(args[0], str) else None)

        return wrapper

    outbox.submit = audited_submit  # type: ignore[method-assign]
    outbox.acknowledge = audited(acknowledge, AuditEvent.SUBMISSION_SENT)  # type: ignore[method-assign]
    outbox.park = audited(park, AuditEvent.SUBMISSION_REJECTED)  # type: ignore[method-assign]
