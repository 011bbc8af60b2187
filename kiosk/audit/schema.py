"""What an audit entry may hold: enumerated event types and keys shaped so free text cannot fit.

Every string is a lowercase key, a staff id or an opaque reference; any value that looks like a
resident ID number or a mobile number is refused as well, so a caller's mistake fails loudly instead
of landing in a file kept for years.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from kiosk.logs import redact
from kiosk.staff.roles import Role, StaffAction

#: What the first entry's ``prev`` holds.
GENESIS = hashlib.sha256(b"courtkiosk audit trail v1").hexdigest()

VISITOR = "visitor"
SYSTEM = "system"
UNKNOWN = "unknown"


class AuditEvent(enum.StrEnum):
    """Everything the audit trail records."""

    KIOSK_STARTED = "kiosk.started"
    KIOSK_STOPPED = "kiosk.stopped"
    AUDIT_TAIL_REPAIRED = "audit.tail_repaired"
    AUDIT_RESTARTED = "audit.restarted"
    STAFF_UNLOCK_REQUESTED = "staff.unlock_requested"
    STAFF_UNLOCK = "staff.unlock"
    STAFF_SESSION_ENDED = "staff.session_ended"
    STAFF_ACTION = "staff.action"
    DEVICE_FAULT = "device.fault"
    DEVICE_RECOVERED = "device.recovered"
    SUBMISSION_QUEUED = "submission.queued"
    SUBMISSION_SENT = "submission.sent"
    SUBMISSION_REJECTED = "submission.rejected"
    SUBMISSION_RETRY = "submission.retry"
    SUBMISSION_EXPORTED = "submission.exported"


def _not_personal(value: str) -> str:
    if redact(value) != value:
        raise ValueError("looks like an ID or phone number; the audit trail holds no personal data")
    return value


Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.]{0,63}$"), AfterValidator(_not_personal)]
Actor = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,32}$"), AfterValidator(_not_personal)]
Reference = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9-]{1,64}$"), AfterValidator(_not_personal)]
Digest = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Algorithm = Literal["sha256", "hmac-sha256"]


class AuditRecord(BaseModel):
    """What a caller says happened.

    ``actor`` is ``visitor``, ``system``, ``unknown`` (a failed unlock that named no configured staff
    member) or a configured staff id; ``ref`` is an opaque reference (outbox key, badge id, print job),
    never a case number or a name; ``seconds`` a duration, ``count`` a quantity.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    event: AuditEvent
    actor: Actor = SYSTEM
    role: Role | None = None
    device: Key | None = None
    action: StaffAction | None = None
    status: Key | None = None
    ref: Reference | None = None
    seconds: int | None = Field(None, ge=0)
    count: int | None = Field(None, ge=0)


class AuditEntry(AuditRecord):
    """One line of the file: the record with its place in the chain."""

    seq: int = Field(ge=1)
    ts: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")]
    prev: Digest
    alg: Algorithm
    hash: Digest


def algorithm(key: bytes | None) -> Algorithm:
    """The chain algorithm a key implies."""
    return "sha256" if key is None else "hmac-sha256"


def seal(body: dict[str, Any], key: bytes | None) -> str:
    """The hash of an entry's fields other than ``hash`` (canonical JSON: sorted keys, no spaces)."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    if key is None:
        return hashlib.sha256(canonical).hexdigest()
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


def to_line(entry: dict[str, Any]) -> bytes:
    """The entry as one line of the file."""
    return (json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n").encode()
