"""The parties: add, edit and remove plaintiffs, defendants and third parties, persons or organisations."""

from __future__ import annotations

from kiosk.complaints import Party
from kiosk.court.contract import OrganisationParty, PersonParty
from kiosk.domain import identity
from kiosk.journeys.filing import fields as f
from kiosk.journeys.filing.draft import PARTY_KINDS, PARTY_ROLES, Editing
from kiosk.journeys.filing.effects.base import Check, FilingBase

NAME_LIMIT = 64
TEXT_LIMIT = 200


class PartiesEffects(FilingBase):
    """The parties list and the party form."""

    def party_role_chosen(self, role: str = "") -> bool:
        """A role to add a party in; the kind (person or organisation) is asked next."""
        if role not in PARTY_ROLES:
            return False
        self.draft.editing = Editing(role, "person")  # type: ignore[arg-type]
        return True

    def party_kind_chosen(self, kind: str = "") -> bool:
        """Person or organisation: an empty form of that kind opens."""
        editing = self.draft.editing
        if kind not in PARTY_KINDS or editing is None:
            return False
        self.draft.editing = Editing(editing.role, kind)  # type: ignore[arg-type]
        fields = f.PERSON_FIELDS if kind == "person" else f.ORGANISATION_FIELDS
        self.fill({field_id: "汉" if field_id == f.PARTY_NATION else "" for field_id in fields})
        return True

    def party_to_edit(self, index: int = -1) -> bool:
        """The form opens on a listed party's details."""
        if not 0 <= index < len(self.draft.parties):
            return False
        party = self.draft.parties[index]
        self.draft.editing = Editing(party.role, party.kind, index)
        self.fill_party(party)
        return True

    def party_removed(self, index: int = -1) -> bool:
        """A listed party is taken off (an agent's principals are fixed again at submit)."""
        if not 0 <= index < len(self.draft.parties):
            return False
        del self.draft.parties[index]
        self.draft.parties_error = None
        return True

    def party_ok(self) -> bool:
        """The form's values make a valid party; it replaces the edited one or joins the list."""
        editing = self.draft.editing
        if editing is None:
            return False
        party = self._person(editing) if editing.kind == "person" else self._organisation(editing)
        if party is None:
            return False
        if editing.index is None:
            self.draft.parties.append(party)
        else:
            self.draft.parties[editing.index] = party
        self.draft.editing = None
        self.draft.parties_error = None
        return True

    def both_sides(self) -> bool:
        """At least one plaintiff and one defendant, or the visitor is told what is missing."""
        if self.draft.has_both_sides:
            self.draft.parties_error = None
            return True
        self.draft.parties_error = "filing.error.parties_missing"
        return False

    def _common(self, editing: Editing) -> dict[str, Check]:
        return {
            f.PARTY_NAME: lambda v: f.text(v, NAME_LIMIT if editing.kind == "person" else TEXT_LIMIT),
            f.PARTY_ADDRESS: lambda v: f.text(v, TEXT_LIMIT),
            f.PARTY_PHONE: lambda v: f.phone(v, required=editing.role == "plaintiff"),
        }

    def _person(self, editing: Editing) -> Party | None:
        values = self.checked({**self._common(editing), f.PARTY_ID_NUMBER: f.id_number,
                               f.PARTY_NATION: lambda v: f.text(v, 20)})
        if values is None:
            return None
        number = values[f.PARTY_ID_NUMBER]
        return PersonParty(role=editing.role, name=values[f.PARTY_NAME], sex=identity.sex(number).value,
                           birth_date=identity.birth_date(number), nation=values[f.PARTY_NATION],
                           address=values[f.PARTY_ADDRESS], id_number=number, phone=values[f.PARTY_PHONE])

    def _organisation(self, editing: Editing) -> Party | None:
        values = self.checked({**self._common(editing), f.PARTY_CREDIT_CODE: f.credit_code,
                               f.PARTY_REPRESENTATIVE: lambda v: f.text(v, NAME_LIMIT)})
        if values is None:
            return None
        return OrganisationParty(role=editing.role, name=values[f.PARTY_NAME], credit_code=values[f.PARTY_CREDIT_CODE],
                                 legal_representative=values[f.PARTY_REPRESENTATIVE],
                                 address=values[f.PARTY_ADDRESS], phone=values[f.PARTY_PHONE])
