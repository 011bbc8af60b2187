"""``Content-Digest`` (RFC 9530) on request and response bodies.

Over plain HTTP in a demo, or behind a proxy that mangles bytes, a digest turns silent corruption into an
error the sender retries, instead of a filing stored with a flipped digit.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

HEADER = "Content-Digest"


def content_digest(body: bytes) -> str:
    """The header value for ``body``."""
    return f"sha-256=:{base64.b64encode(hashlib.sha256(body).digest()).decode()}:"


def matches(claimed: str, body: bytes) -> bool:
    """Whether a received header value belongs to ``body``."""
    return hmac.compare_digest(claimed.strip().encode("latin-1", "replace"), content_digest(body).encode())
