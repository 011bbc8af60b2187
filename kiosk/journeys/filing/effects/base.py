"""What every part of the filing's effects shares: the draft and checking several fields at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kiosk.complaints import Party
from kiosk.court.contract import PersonParty
from kiosk.journeys.base import JourneyEffects
from kiosk.journeys.filing import fields as f
from kiosk.journeys.filing.draft import Draft

Check = Callable[[str], Any]


class FilingBase(JourneyEffects):
    """The filing's part of the visit, as a :class:`Draft`."""

    journey = "filing"

    @property
    def draft(self) -> Draft:
        """The filing so far (created on first use, wiped with the visit)."""
        draft = self.data.get("draft")
        if not isinstance(draft, Draft):
            draft = self.data["draft"] = Draft()
        return draft

    def checked(self, checks: Mapping[str, Check]) -> dict[str, Any] | None:
        """Each field's value through its check; ``None`` (with every refusal recorded) if any fails."""
        values: dict[str, Any] = {}
        refused = False
        for field_id, check in checks.items():
            try:
                values[field_id] = check(self.field_value(field_id))
            except f.FieldRefused as problem:
                refused = not self.refuse(field_id, problem.message_key)
                continue
            self.accept(field_id)
        return None if refused else values

    def fill(self, values: Mapping[str, str | None]) -> None:
        """Put values into fields (a form opened to edit), clearing their old errors."""
        for field_id, value in values.items():
            self.host.visit.fields[field_id] = value or ""
            self.accept(field_id)

    def fill_party(self, party: Party) -> None:
        """Open the party form on ``party``'s details."""
        if isinstance(party, PersonParty):
            self.fill({f.PARTY_NAME: party.name, f.PARTY_ID_NUMBER: party.id_number, f.PARTY_NATION: party.nation,
                       f.PARTY_ADDRESS: party.address, f.PARTY_PHONE: party.phone})
        else:
            self.fill({f.PARTY_NAME: party.name, f.PARTY_CREDIT_CODE: party.credit_code,
                       f.PARTY_REPRESENTATIVE: party.legal_representative, f.PARTY_ADDRESS: party.address,
                       f.PARTY_PHONE: party.phone})

    def reviewing(self) -> bool:
        """The visitor came from the review screen: "next" returns there."""
        return self.draft.reviewing
