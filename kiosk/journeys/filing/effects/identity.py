"""Who files: the ID card (or a typed number), confirmation, and the visitor's role (in person or agent)."""

from __future__ import annotations

from drivers.base import ResidentCard
from kiosk.complaints import person_from_card
from kiosk.court.contract import Agent, PersonParty
from kiosk.domain import identity
from kiosk.journeys.filing import fields as f
from kiosk.journeys.filing.draft import ROLES, Editing, Visitor
from kiosk.journeys.filing.effects.base import Check, FilingBase

_SEXES = {"男": "male", "女": "female"}


class IdentityEffects(FilingBase):
    """Identity, role and agent details."""

    def on_card(self, card: ResidentCard) -> None:
        """The card on the reader identifies the visitor; they confirm it on the next screen."""
        self._new_filing_if_submitted()
        sex = _SEXES.get(card.sex) or identity.sex(card.id_number).value
        self.draft.visitor = Visitor(card.id_number, card.name, sex, card.birth_date, card)  # type: ignore[arg-type]
        self.host.send("card_read")

    def typed_identity_ok(self) -> bool:
        """The typed ID number is valid and a name was typed: the visitor without a readable card."""
        values = self.checked({f.ID_NUMBER: f.id_number, f.VISITOR_NAME: lambda v: f.text(v, 64)})
        if values is None:
            return False
        self._new_filing_if_submitted()
        number = values[f.ID_NUMBER]
        self.draft.visitor = Visitor(number, values[f.VISITOR_NAME], identity.sex(number).value,  # type: ignore[arg-type]
                                     identity.birth_date(number))
        return True

    def files_in_person(self, role: str = "") -> bool:
        """The visitor is a plaintiff: their own party form opens, filled from the card."""
        visitor = self.draft.visitor
        if role != "self" or visitor is None:
            return False
        self.draft.role = "self"
        self.draft.agent = None
        index = next((i for i, p in enumerate(self.draft.parties)
                      if isinstance(p, PersonParty) and p.id_number == visitor.id_number), None)
        self.draft.editing = Editing("plaintiff", "person", index)
        if index is not None:
            party = self.draft.parties[index]
            assert isinstance(party, PersonParty)
            self.fill_party(party)
        elif visitor.card is not None:
            self.fill_party(person_from_card(visitor.card, "plaintiff"))
        else:
            self.fill({f.PARTY_NAME: visitor.name, f.PARTY_ID_NUMBER: visitor.id_number, f.PARTY_NATION: "汉",
                       f.PARTY_ADDRESS: "", f.PARTY_PHONE: ""})
        return True

    def files_as_agent(self, role: str = "") -> bool:
        """A lawyer, relative or colleague files for others: their details come next."""
        if role not in ROLES or role == "self" or self.draft.visitor is None:
            return False
        self.draft.role = role  # type: ignore[assignment]
        agent = self.draft.agent
        self.fill({f.AGENT_LICENCE: agent.licence_number if agent else "", f.AGENT_FIRM: agent.law_firm if agent else "",
                   f.AGENT_PHONE: agent.phone if agent else ""})
        return True

    def agent_ok(self) -> bool:
        """The agent's details check out; the agent represents the plaintiffs (fixed at submit)."""
        visitor, role = self.draft.visitor, self.draft.role
        assert visitor is not None and role is not None
        checks: dict[str, Check] = {f.AGENT_PHONE: lambda v: f.phone(v, required=True)}
        if role == "lawyer":
            checks = {f.AGENT_LICENCE: f.licence_number, f.AGENT_FIRM: lambda v: f.text(v, 200), **checks}
        values = self.checked(checks)
        if values is None:
            return False
        self.draft.agent = Agent(kind=role, name=visitor.name, id_number=visitor.id_number,  # type: ignore[arg-type]
                                 phone=values[f.AGENT_PHONE], licence_number=values.get(f.AGENT_LICENCE),
                                 law_firm=values.get(f.AGENT_FIRM), represents=[0])
        return True

    def _new_filing_if_submitted(self) -> None:
        """A visitor who comes back after submitting starts a new filing, not an edit of the old one."""
        if self.draft.outcome is not None:
            self.data.clear()
