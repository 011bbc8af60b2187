"""Checking an audit file: the first line where the chain breaks, and what most likely happened there.

Each entry carries its sequence number and the previous entry's hash, so a break can usually be
named: a line whose content no longer matches its hash was changed; a gap in the numbers with an
intact entry after it means entries were removed; a line that the chain steps around was inserted.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.audit.schema import GENESIS, AuditEntry, algorithm, seal


class Finding(enum.StrEnum):
    """The verdict on a file."""

    INTACT = "intact"
    CHANGED = "changed"
    REMOVED = "removed"
    INSERTED = "inserted"
    UNVERIFIABLE = "unverifiable"


@dataclass(frozen=True)
class VerificationResult:
    """``line`` is the first bad line (1-based), ``count`` how many entries were removed or inserted."""

    finding: Finding
    entries: int
    line: int | None = None
    count: int = 0
    detail: str = ""
    head: tuple[int, str] | None = None

    @property
    def ok(self) -> bool:
        """True when the whole chain holds."""
        return self.finding is Finding.INTACT


@dataclass(frozen=True)
class _Line:
    entry: AuditEntry | None
    sealed: bool


def verify(path: Path, key: bytes | None = None) -> VerificationResult:
    """Walk the chain from the genesis value; stop at the first break. Raises ``OSError`` if unreadable."""
    raw_lines = path.read_bytes().split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    lines = [_read_line(raw, key) for raw in raw_lines]
    expected_prev, expected_seq = GENESIS, 1
    accepted: dict[str, tuple[int, int]] = {}  # hash → (line index, seq) of entries that held
    for index, line in enumerate(lines):
        entry = line.entry
        if entry is not None and key is None and entry.alg != algorithm(None):
            return VerificationResult(Finding.UNVERIFIABLE, len(lines), index + 1,
                                      detail="entries are keyed (HMAC); give the audit key to check them")
        if entry is not None and line.sealed and entry.prev == expected_prev and entry.seq == expected_seq:
            accepted[entry.hash] = (index, entry.seq)
            expected_prev, expected_seq = entry.hash, entry.seq + 1
            continue
        return _diagnose(lines, index, expected_prev, expected_seq, accepted)
    head = (expected_seq - 1, expected_prev)
    return VerificationResult(Finding.INTACT, len(lines), head=head,
                              detail=f"{len(lines)} entries, chain intact; last entry {head[0]} hash {head[1]}")


def _read_line(raw: bytes, key: bytes | None) -> _Line:
    try:
        data: Any = json.loads(raw)
        entry = AuditEntry.model_validate(data)
    except (ValueError, ValidationError):
        return _Line(None, False)
    body = {name: value for name, value in data.items() if name != "hash"}
    sealed = entry.alg == algorithm(key) and seal(body, key) == entry.hash
    return _Line(entry, sealed)


def _diagnose(
    lines: list[_Line], index: int, expected_prev: str, expected_seq: int, accepted: dict[str, tuple[int, int]]
) -> VerificationResult:
    total, number = len(lines), index + 1
    entry, sealed = lines[index].entry, lines[index].sealed
    if entry is not None and sealed and entry.hash in accepted:
        return VerificationResult(Finding.INSERTED, total, number, 1,
                                  f"line {number} repeats line {accepted[entry.hash][0] + 1}")
    for later in range(index + 1, total):
        candidate = lines[later]
        if candidate.sealed and candidate.entry and (candidate.entry.prev, candidate.entry.seq) == (expected_prev, expected_seq):
            return VerificationResult(Finding.INSERTED, total, number, later - index,
                                      f"lines {number}–{later} were inserted: line {later + 1} follows line {index}")
    if entry is not None and sealed and entry.prev in accepted:
        anchor_index, anchor_seq = accepted[entry.prev]
        if entry.seq == anchor_seq + 1 and anchor_index < index - 1:
            return VerificationResult(Finding.INSERTED, total, anchor_index + 2, index - anchor_index - 1,
                                      f"lines {anchor_index + 2}–{index} were inserted: line {number} follows line {anchor_index + 1}")
    if entry is not None and sealed and entry.seq > expected_seq and entry.prev != expected_prev:
        missing = entry.seq - expected_seq
        return VerificationResult(Finding.REMOVED, total, number, missing,
                                  f"{missing} entries (numbers {expected_seq}–{entry.seq - 1}) removed before line {number}")
    if entry is not None and not sealed:
        return VerificationResult(Finding.CHANGED, total, number,
                                  detail=f"line {number} was changed: its content does not match its hash"
                                  + (" (or the key is wrong)" if index == 0 else ""))
    if entry is not None and entry.seq == expected_seq and index > 0:
        return VerificationResult(Finding.CHANGED, total, index,
                                  detail=f"line {index} was rewritten: line {number} records a different hash for it")
    return VerificationResult(Finding.CHANGED, total, number, detail=f"line {number} is not a valid audit entry"
                              if entry is None else f"line {number} does not continue the chain")
