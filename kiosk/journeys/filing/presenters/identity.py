"""Identity and role screens: the card, the typed number, the masked confirmation, the role, the agent."""

from __future__ import annotations

from kiosk.domain.masking import mask_id_number, mask_name
from kiosk.i18n import Text
from kiosk.journeys.filing import fields as f
from kiosk.journeys.filing.draft import ROLES
from kiosk.journeys.filing.presenters.common import NEXT, draft_of, screen
from kiosk.presenters.model import Action, ScreenContext, ScreenModel
from kiosk.textinput.layouts import FieldType
from kiosk.voice.privacy import Private

STAFF_HELP = Action("ask_help", Text("filing.button.staff_help"), params={"reason": "identity"})


def identity(ctx: ScreenContext) -> ScreenModel:
    """Place the ID card on the reader, or type the number, or get staff help."""
    return screen(ctx, Text("filing.title.identity"), (Text("filing.body.identity"), Text("filing.body.no_card")),
                  (Action("type_id", Text("filing.button.type_id"), "primary"), STAFF_HELP))


def id_typed(ctx: ScreenContext) -> ScreenModel:
    """The ID number and name typed, when the reader cannot read the card."""
    fields = (
        ctx.text_field(f.ID_NUMBER, Text("filing.field.id_number"), FieldType.ID_NUMBER.value, private=True),
        ctx.text_field(f.VISITOR_NAME, Text("filing.field.visitor_name"), FieldType.NAME.value, private=True),
    )
    return screen(ctx, Text("filing.title.id_typed"), (Text("filing.body.id_typed"),),
                  (Action("submit_identity", NEXT, "primary"), STAFF_HELP), fields)


def confirm(ctx: ScreenContext) -> ScreenModel:
    """The visitor's data, masked as on the receipt; if it is theirs, they say how they file."""
    visitor = draft_of(ctx).visitor
    body: tuple[Text, ...] = (Text("filing.body.confirm"),)
    if visitor is not None:
        body += (
            Text("filing.row.name", {"value": Private(mask_name(visitor.name))}),
            Text("filing.row.id_number", {"value": Private(mask_id_number(visitor.id_number))}),
            Text("filing.row.sex", {"value": Text(f"filing.sex.{visitor.sex}")}),
            Text("filing.row.birth_date", {"value": visitor.birth_date.isoformat()}),
        )
    roles = tuple(Action("choose_role", Text(f"filing.role.{name}"), "primary", {"role": name}) for name in ROLES)
    return screen(ctx, Text("filing.title.confirm"), (*body, Text("filing.body.role")), roles)


def agent(ctx: ScreenContext) -> ScreenModel:
    """A lawyer's licence number and firm, and the agent's phone."""
    lawyer = draft_of(ctx).role == "lawyer"
    fields = (
        *((ctx.text_field(f.AGENT_LICENCE, Text("filing.field.licence"), FieldType.PHONE.value),
           ctx.text_field(f.AGENT_FIRM, Text("filing.field.law_firm"), FieldType.TEXT.value)) if lawyer else ()),
        ctx.text_field(f.AGENT_PHONE, Text("filing.field.phone"), FieldType.PHONE.value, private=True),
    )
    body = Text("filing.body.agent_lawyer" if lawyer else "filing.body.agent_other")
    return screen(ctx, Text("filing.title.agent"), (body,), (Action("submit_agent", NEXT, "primary"),), fields)
