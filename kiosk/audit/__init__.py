"""The tamper-evident audit trail: staff actions, device faults and submission events, never personal data.

One JSON object per line; each carries the hash of the line before it, the first one a fixed
genesis value. Threat model, honestly:

* Without a key the chain is a plain SHA-256 chain. It catches accidental damage and naive edits
  (a line changed, removed or pasted in by hand), but anyone who can write the file can recompute
  every hash after an edit; the chain then proves nothing.
* With a key (HMAC-SHA256) nobody without the key can produce a line that verifies, so deliberate
  edits show too — as long as the key is kept where the file's attacker cannot read it (a root-only
  configuration, or verification off the kiosk by the court).
* Neither catches cutting lines off the end. Reporting :meth:`AuditLog.head` elsewhere (the court's
  heartbeat, a maintenance export) anchors the end so a later check can compare.
"""

from kiosk.audit.log import AuditLog
from kiosk.audit.schema import GENESIS, AuditEntry, AuditEvent, AuditRecord
from kiosk.audit.verify import Finding, VerificationResult, verify

__all__ = [
    "GENESIS", "AuditEntry", "AuditEvent", "AuditLog", "AuditRecord", "Finding", "VerificationResult", "verify",
]
