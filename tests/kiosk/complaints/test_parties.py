"""The card on the reader becomes the plaintiff without retyping."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from drivers.base import ResidentCard
from kiosk.complaints import person_from_card
from tests.kiosk.complaints.scenarios import ZHANG_P

CARD = ResidentCard(
    name=ZHANG_P.name, sex="男", nation="汉", birth_date=date(1985, 3, 12), address=ZHANG_P.address,
    id_number=ZHANG_P.id_number, issuing_authority="北京市公安局明湖分局", valid_from=date(2015, 1, 1), valid_until=None,
)


def test_a_card_becomes_a_party_with_the_phone_typed_in() -> None:
    assert person_from_card(CARD, "plaintiff", phone="13800138000") == ZHANG_P


def test_a_card_with_an_unreadable_sex_field_is_refused() -> None:
    with pytest.raises(ValueError, match="sex"):
        person_from_card(replace(CARD, sex="?"), "plaintiff")
