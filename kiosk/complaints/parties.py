"""Parties from what the kiosk already knows: the ID card on the reader becomes a party of the complaint.

The card gives every field the complaint's parties block needs except the phone number, so a visitor
who files in person types only that. The sex comes from the card's decoded text (男/女), which the
reader took from the chip, not from the ID number.
"""

from __future__ import annotations

from typing import Literal

from drivers.base import ResidentCard
from kiosk.court.contract import PersonParty
from kiosk.court.contract.filings import FilingRole

_SEXES: dict[str, Literal["male", "female"]] = {"男": "male", "女": "female"}


def person_from_card(card: ResidentCard, role: FilingRole, phone: str | None = None) -> PersonParty:
    """The card holder as a party; ``ValueError`` (pydantic's) if a field does not fit the contract."""
    sex = _SEXES.get(card.sex)
    if sex is None:
        raise ValueError("the card's sex field is neither 男 nor 女")
    return PersonParty(
        role=role,
        name=card.name,
        sex=sex,
        birth_date=card.birth_date,
        nation=card.nation,
        address=card.address,
        id_number=card.id_number,
        phone=phone,
    )
