"""What each lookup step shows and says."""

from __future__ import annotations

from kiosk.i18n import Text
from kiosk.journeys.lookup.effects import CASE_NUMBER_FIELD
from kiosk.presenters.common import idle_overlay, nav, plain
from kiosk.presenters.model import Action, ScreenContext, ScreenModel
from kiosk.textinput.layouts import FieldType
from kiosk.voice.privacy import Private


def _data(ctx: ScreenContext) -> dict:
    return dict(ctx.journeys.get("lookup", {}))


def _screen(ctx: ScreenContext, title: str, body: tuple[Text, ...] = (), actions: tuple[Action, ...] = (),
            **extra: object) -> ScreenModel:
    return ScreenModel(ctx.screen, Text(title), body, actions=actions, nav=nav(ctx), overlay=idle_overlay(ctx),
                       **extra)  # type: ignore[arg-type]


def menu(ctx: ScreenContext) -> ScreenModel:
    """Three ways to find a case."""
    return _screen(ctx, "title.lookup", (Text("body.lookup"),), (
        Action("by_number", Text("lookup.button.by_number"), "primary"),
        Action("by_card", Text("lookup.button.by_card"), "primary"),
        Action("by_qr", Text("lookup.button.by_qr"), "primary"),
    ))


def number(ctx: ScreenContext) -> ScreenModel:
    """The case-number field with its pad."""
    field = ctx.text_field(CASE_NUMBER_FIELD, Text("lookup.field.case_number"), FieldType.CASE_NUMBER.value)
    return _screen(ctx, "lookup.title.number", (Text("lookup.body.number"),),
                   (Action("submit", Text("button.search"), "primary"),), fields=(field,))


def card(ctx: ScreenContext) -> ScreenModel:
    """Place the ID card on the reader."""
    return _screen(ctx, "lookup.title.card", (Text("lookup.body.card"),))


def qr(ctx: ScreenContext) -> ScreenModel:
    """Hold the receipt's QR code under the scanner."""
    error = _data(ctx).get("code_error")
    return _screen(ctx, "lookup.title.qr", (Text("lookup.body.qr"), *((Text(error),) if error else ())))


def searching(ctx: ScreenContext) -> ScreenModel:
    """Waiting for the court."""
    return ScreenModel(ctx.screen, Text("title.please_wait"), (Text("body.asking_court"),))


def cases(ctx: ScreenContext) -> ScreenModel:
    """The visitor's own cases, one button each."""
    found = _data(ctx).get("cases", [])
    actions = tuple(
        Action("open_case", Text("lookup.case_line", {"number": Private(case.case_number), "cause": Private(case.cause),
                                                      "stage": Text(f"stage.{case.stage}")}),
               "primary", {"case_number": case.case_number})
        for case in found
    )
    body = (Text("lookup.body.cases", {"count": len(found)}),) if found else (Text("lookup.body.no_cases"),)
    return _screen(ctx, "lookup.title.cases", body, actions)


def case(ctx: ScreenContext) -> ScreenModel:
    """Stage, court, tribunal, judges, hearings, deadlines, fees; documents for a party."""
    data = _data(ctx)
    view = data["case"]
    # Case details are personal: voice mode speaks them only into headphones (Private values).
    rows: list[Text] = [
        Text("lookup.row.number", {"value": Private(view.case_number)}),
        Text("lookup.row.court", {"value": view.court.name}),
        Text("lookup.row.cause", {"value": Private(view.cause)}),
        Text("lookup.row.stage", {"value": Text(f"stage.{view.stage}")}),
    ]
    if view.tribunal:
        rows.append(Text("lookup.row.tribunal", {"value": view.tribunal}))
    if view.judge_team:
        rows.append(Text("lookup.row.judges", {"value": "、".join(m.name for m in view.judge_team)}))
    if view.clerk:
        rows.append(Text("lookup.row.clerk", {"value": view.clerk}))
    for hearing in view.hearings:
        rows.append(Text("lookup.row.hearing", {"when": Private(hearing.starts_at.strftime("%Y-%m-%d %H:%M")),
                                                "room": hearing.room}))
    for deadline in view.deadlines:
        rows.append(Text("lookup.row.deadline", {"date": Private(deadline.due_on.isoformat()),
                                                 "what": Private(deadline.description)}))
    for party in view.parties:
        masked = f" {party.id_number_masked}" if party.id_number_masked else ""
        rows.append(Text("lookup.row.party", {"role": Text(f"role.{party.role}"), "name": Private(party.name + masked)}))
    if view.detail == "public":
        rows.append(Text("lookup.body.public_only"))
    actions = (Action("show_documents", Text("lookup.button.documents"), "primary"),) if "id_number" in data else ()
    return _screen(ctx, "lookup.title.case", tuple(rows), actions)


def filing(ctx: ScreenContext) -> ScreenModel:
    """Where a filing made at a kiosk stands."""
    status = _data(ctx)["filing"]
    rows = [
        Text("lookup.row.reference", {"value": status.reference}),
        Text("lookup.row.filing_state", {"value": Text(f"filing_state.{status.status}")}),
    ]
    if status.case_number:
        rows.append(Text("lookup.row.number", {"value": status.case_number}))
    if status.note:
        rows.append(plain(status.note))
    return _screen(ctx, "lookup.title.filing", tuple(rows))


def documents(ctx: ScreenContext) -> ScreenModel:
    """Documents served on the visitor; touch one to print it."""
    data = _data(ctx)
    found = data.get("documents", [])
    actions = tuple(
        Action("print_document", Text("lookup.document_line", {"title": d.title, "pages": d.pages,
                                                               "printed": d.printed_count}),
               "primary", {"document_id": d.document_id})
        for d in found
    )
    body = [Text("lookup.body.documents") if found else Text("lookup.body.no_documents")]
    if data.get("printed"):
        body.append(Text("lookup.body.printed"))
    return _screen(ctx, "lookup.title.documents", tuple(body), actions)


def printing(ctx: ScreenContext) -> ScreenModel:
    """A print job is running: the visit cannot time out meanwhile."""
    return ScreenModel(ctx.screen, Text("title.printing"), (Text("body.printing"),))


def problem(ctx: ScreenContext) -> ScreenModel:
    """What went wrong, in words the visitor can act on."""
    key = _data(ctx).get("problem", "court.error.unknown")
    return _screen(ctx, "title.problem", (Text(key), Text("body.problem_next")))


PRESENTERS = {
    "lookup_menu": menu,
    "lookup_number": number,
    "lookup_card": card,
    "lookup_qr": qr,
    "lookup_searching": searching,
    "lookup_cases": cases,
    "lookup_case": case,
    "lookup_filing": filing,
    "lookup_documents": documents,
    "lookup_printing": printing,
    "lookup_problem": problem,
}
