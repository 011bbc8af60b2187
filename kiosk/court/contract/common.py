"""Shared building blocks of the court contract: version, money, identifiers, errors, envelopes."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, Self
from uuid import UUID, uuid4

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

CONTRACT_VERSION = "1.0"
"""Major.minor; a kiosk talks to a court whose major version equals its own."""


def _fen(value: Decimal) -> str:
    return f"{value:.2f}"


Money = Annotated[
    Decimal,
    Field(ge=0, le=Decimal("9999999999.99"), max_digits=12, decimal_places=2),
    PlainSerializer(_fen, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,10}(\.\d{1,2})?$", "examples": ["1050.00"]}),
]
"""Yuan as a decimal string with at most two places: floats never carry money."""

IdNumber = Annotated[str, Field(pattern=r"^\d{17}[\dX]$", description="Resident ID number (GB 11643)")]
Phone = Annotated[str, Field(pattern=r"^\+?[\d-]{5,20}$")]
Name = Annotated[str, Field(min_length=1, max_length=64)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=8000)]
CourtCode = Annotated[str, Field(min_length=2, max_length=12, description="Court code as in case numbers, e.g. 京0191")]
CaseNumber = Annotated[str, Field(min_length=8, max_length=60, description="Case number, e.g. （2024）京0191民初1234号")]
KioskId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]{1,40}$")]
Reference = Annotated[str, Field(pattern=r"^K[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", description="Kiosk reference on the receipt")]
ObjectId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,40}$")]

_REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference() -> str:
    """A short reference a visitor can read out (Crockford-style alphabet, 60 random bits)."""
    chars = "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(12))
    return f"K{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


class ContractModel(BaseModel):
    """Base of every model that crosses: immutable; unknown fields from a newer court are ignored.

    Validators are built on a model's first use, not at import: the kiosk imports every model at
    start and uses few of them before a visitor asks for something.
    """

    model_config = ConfigDict(
        frozen=True, extra="ignore", ser_json_bytes="base64", val_json_bytes="base64", defer_build=True
    )


class CourtError(ContractModel):
    """The body of every error reply: a message key the kiosk can tell the visitor."""

    message_key: Annotated[str, Field(pattern=r"^[a-z0-9_.]{1,80}$")]
    retryable: bool = False
    detail: Annotated[str, Field(max_length=500)] | None = None


class Ack(ContractModel):
    """A bare acknowledgement with the court's time of receipt."""

    received_at: AwareDatetime


class Submission(ContractModel):
    """Envelope of everything the kiosk submits: the court deduplicates by ``idempotency_key``."""

    idempotency_key: UUID
    reference: Reference
    kiosk_id: KioskId
    submitted_at: AwareDatetime

    @classmethod
    def new(cls, kiosk_id: str, **fields: Any) -> Self:
        """A fresh submission with a new key and reference, stamped now."""
        return cls(
            idempotency_key=uuid4(),
            reference=new_reference(),
            kiosk_id=kiosk_id,
            submitted_at=utc_now(),
            **fields,
        )


class Request(ContractModel):
    """Envelope of a synchronous request that changes state; safe to retry thanks to its key."""

    idempotency_key: UUID
    kiosk_id: KioskId

    @classmethod
    def new(cls, kiosk_id: str, **fields: Any) -> Self:
        """A fresh request with a new idempotency key."""
        return cls(idempotency_key=uuid4(), kiosk_id=kiosk_id, **fields)


DeviceState = Literal["ok", "degraded", "needs_staff", "absent", "error"]
