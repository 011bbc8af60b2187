"""The parties list, the person-or-organisation choice and the party form."""

from __future__ import annotations

from kiosk.domain import identity as ids
from kiosk.i18n import Text
from kiosk.journeys.filing import fields as f
from kiosk.journeys.filing.draft import PARTY_KINDS, PARTY_ROLES, Editing
from kiosk.journeys.filing.presenters.common import draft_of, party_line, party_name, screen
from kiosk.presenters.model import Action, Field, ScreenContext, ScreenModel
from kiosk.textinput.layouts import FieldType


def parties(ctx: ScreenContext) -> ScreenModel:
    """Each party (touch to edit, or remove), the roles to add, and "next" once both sides are there."""
    draft = draft_of(ctx)
    listed = tuple(Action("edit_party", party_line(party), "primary", {"index": index})
                   for index, party in enumerate(draft.parties))
    removes = tuple(Action("remove_party", Text("filing.button.remove_party", {"name": party_name(party)}), "danger",
                           {"index": index})
                    for index, party in enumerate(draft.parties))
    adds = tuple(Action("add_party", Text(f"filing.button.add_{role}"), params={"role": role}) for role in PARTY_ROLES)
    body = [Text("filing.body.parties" if draft.parties else "filing.body.no_parties")]
    if draft.parties_error:
        body.append(Text(draft.parties_error))
    return screen(ctx, Text("filing.title.parties"), tuple(body),
                  (*listed, Action("parties_done", Text("filing.button.parties_done"), "primary"), *adds, *removes))


def party_kind(ctx: ScreenContext) -> ScreenModel:
    """A natural person or an organisation (company, association …)."""
    editing = draft_of(ctx).editing or Editing("defendant", "person")
    return screen(ctx, Text("filing.title.party_kind", {"role": Text(f"role.{editing.role}")}),
                  (Text("filing.body.party_kind"),),
                  tuple(Action("party_kind", Text(f"filing.kind.{kind}"), "primary", {"kind": kind})
                        for kind in PARTY_KINDS))


def party(ctx: ScreenContext) -> ScreenModel:
    """The party's details; a person's sex and birth date come from the ID number."""
    editing = draft_of(ctx).editing or Editing("defendant", "person")
    phone_label = Text("filing.field.phone" if editing.role == "plaintiff" else "filing.field.phone_optional")
    if editing.kind == "person":
        fields: tuple[Field, ...] = (
            ctx.text_field(f.PARTY_NAME, Text("filing.field.name"), FieldType.NAME.value, private=True),
            ctx.text_field(f.PARTY_ID_NUMBER, Text("filing.field.id_number"), FieldType.ID_NUMBER.value, private=True),
            ctx.text_field(f.PARTY_NATION, Text("filing.field.nation"), FieldType.NAME.value),
            ctx.text_field(f.PARTY_ADDRESS, Text("filing.field.address"), FieldType.ADDRESS.value, private=True),
            ctx.text_field(f.PARTY_PHONE, phone_label, FieldType.PHONE.value, private=True),
        )
        body = (Text("filing.body.party_person"), *_derived(ctx.fields.get(f.PARTY_ID_NUMBER, "")))
    else:
        fields = (
            ctx.text_field(f.PARTY_NAME, Text("filing.field.organisation"), FieldType.TEXT.value),
            ctx.text_field(f.PARTY_CREDIT_CODE, Text("filing.field.credit_code"), FieldType.LATIN.value),
            ctx.text_field(f.PARTY_REPRESENTATIVE, Text("filing.field.representative"), FieldType.NAME.value,
                           private=True),
            ctx.text_field(f.PARTY_ADDRESS, Text("filing.field.seat"), FieldType.ADDRESS.value),
            ctx.text_field(f.PARTY_PHONE, phone_label, FieldType.PHONE.value),
        )
        body = (Text("filing.body.party_organisation"),)
    return screen(ctx, Text("filing.title.party", {"role": Text(f"role.{editing.role}")}), body,
                  (Action("save_party", Text("filing.button.save_party"), "primary"),), fields)


def _derived(number: str) -> tuple[Text, ...]:
    """Sex and birth date read from a valid ID number, so the visitor need not type them."""
    if not ids.is_valid_id_number(number):
        return ()
    return (Text("filing.body.derived", {"sex": Text(f"filing.sex.{ids.sex(number).value}"),
                                         "date": ids.birth_date(number).isoformat()}),)
