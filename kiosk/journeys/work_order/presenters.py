"""What each work-order step shows and says."""

from __future__ import annotations

from datetime import datetime

from kiosk.court.contract import AppointmentSlot, WorkOrder
from kiosk.domain.masking import mask_name, mask_phone
from kiosk.i18n import Text
from kiosk.journeys.work_order.effects import slot_days
from kiosk.journeys.work_order.form import (
    CASE_NUMBER,
    FIELD_TYPES,
    FIELDS,
    KINDS,
    MESSAGE,
    PHONE,
    PRIVATE_FIELDS,
    TRACKING_NUMBER,
)
from kiosk.presenters.common import idle_overlay, nav
from kiosk.presenters.model import Action, Field, ScreenContext, ScreenModel
from kiosk.voice.privacy import Private


def _data(ctx: ScreenContext) -> dict:
    return dict(ctx.journeys.get("work_order", {}))


def _screen(ctx: ScreenContext, title: Text, body: tuple[Text, ...] = (), actions: tuple[Action, ...] = (),
            fields: tuple[Field, ...] = ()) -> ScreenModel:
    return ScreenModel(ctx.screen, title, body, actions=actions, nav=nav(ctx), overlay=idle_overlay(ctx), fields=fields)


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _limit(order: WorkOrder) -> Text:
    hours = round((order.due_at - order.received_at).total_seconds() / 3600)
    limit = (Text("work_order.limit.days", {"count": hours // 24}) if hours >= 48 and hours % 24 == 0
             else Text("work_order.limit.hours", {"count": hours}))
    return Text("work_order.row.time_limit", {"limit": limit, "due": _when(order.due_at)})


def _slot_label(slot: AppointmentSlot) -> Text:
    """A slot in the court's own time (it carries its zone), as the court's rooms keep it."""
    start, end = slot.starts_at, slot.ends_at.astimezone(slot.starts_at.tzinfo)
    return Text("work_order.slot_line", {"start": f"{start:%H:%M}", "end": f"{end:%H:%M}", "room": slot.room,
                                         "remaining": slot.remaining})


def menu(ctx: ScreenContext) -> ScreenModel:
    """The four kinds, and following one up."""
    kinds = tuple(Action("choose_kind", Text(f"work_order.kind.{kind}"), "secondary", {"kind": kind}) for kind in KINDS)
    return _screen(ctx, Text("title.work_order"), (Text("body.work_order"),),
                   (Action("track", Text("work_order.button.track"), "primary"), *kinds))


def card(ctx: ScreenContext) -> ScreenModel:
    """The requester identifies with their ID card."""
    return _screen(ctx, Text("work_order.title.card"), (Text("work_order.body.card"),))


def _field(ctx: ScreenContext, field_id: str, kind: str) -> Field:
    label = f"work_order.field.message_{kind}" if field_id == MESSAGE else f"work_order.field.{field_id.split('.')[1]}"
    return ctx.text_field(field_id, Text(label), FIELD_TYPES[field_id].value, private=field_id in PRIVATE_FIELDS)


def form(ctx: ScreenContext) -> ScreenModel:
    """One of the kind's fields with its keyboard; what the kind is for above the phone number.

    Every kind asks for a phone, whose pad is small: there the explanation fits even in the largest
    text, which it would not above the case-number pad or the pinyin keyboard. The case number can
    also be chosen from the requester's own cases, which the keypad can do.
    """
    data = _data(ctx)
    kind = data.get("kind", KINDS[0])
    index = min(data.get("field", 0), len(FIELDS[kind]) - 1)
    body = (Text(f"work_order.body.{kind}"),) if FIELDS[kind][index] == PHONE else ()
    title = Text("work_order.title.form", {"kind": Text(f"work_order.kind.{kind}"), "step": index + 1,
                                           "steps": len(FIELDS[kind])})
    field_id = FIELDS[kind][index]
    choices = tuple(Action("edit_field", Text("work_order.button.use_case", {"number": Private(number)}), "secondary",
                           {"field": field_id, "value": number})
                    for number in data.get("cases", ()) if field_id == CASE_NUMBER)
    return _screen(ctx, title, body, (Action("submit", Text("work_order.button.next"), "primary"), *choices),
                   (_field(ctx, field_id, kind),))


def slots(ctx: ScreenContext) -> ScreenModel:
    """One day's file-borrowing slots at a time, with the days before and after."""
    data = _data(ctx)
    found = data.get("slots", [])
    days = slot_days(found)
    if not days:
        return _screen(ctx, Text("work_order.title.slots"), (Text("work_order.body.no_slots"),))
    index = min(data.get("slot_day", 0), len(days) - 1)
    day = days[index]
    actions = [Action("choose_slot", _slot_label(s), "secondary", {"slot_id": s.slot_id}, enabled=s.remaining > 0)
               for s in found if s.starts_at.date() == day]
    if index > 0:
        actions.append(Action("slot_day", Text("work_order.button.earlier_day"), "secondary", {"day": index - 1}))
    if index < len(days) - 1:
        actions.append(Action("slot_day", Text("work_order.button.later_day"), "secondary", {"day": index + 1}))
    body = (Text("work_order.body.slots"), Text("work_order.row.slot_day", {"date": day.isoformat()}))
    return _screen(ctx, Text("work_order.title.slots"), body, tuple(actions))


def review(ctx: ScreenContext) -> ScreenModel:
    """Everything the court will receive, before it is sent."""
    request = _data(ctx)["request"]
    rows = [Text("work_order.row.kind", {"value": Text(f"work_order.kind.{request.kind}")}),
            Text("work_order.row.requester", {"value": Private(mask_name(request.requester_name))}),
            Text("work_order.row.phone", {"value": Private(mask_phone(request.phone))})]
    if request.case_number:
        rows.append(Text("work_order.row.case_number", {"value": Private(request.case_number)}))
    if request.visitee:
        rows.append(Text("work_order.row.visitee", {"value": request.visitee}))
    if request.slot:
        rows.append(Text("work_order.row.slot", {"date": f"{request.slot.starts_at:%Y-%m-%d}",
                                                 "slot": _slot_label(request.slot)}))
    if request.message:
        rows.append(Text("work_order.row.message", {"value": Private(request.message)}))
    return _screen(ctx, Text("work_order.title.review"), tuple(rows),
                   (Action("send_work_order", Text("work_order.button.send"), "primary"),))


def sending(ctx: ScreenContext) -> ScreenModel:
    """Saving and sending."""
    return ScreenModel(ctx.screen, Text("title.please_wait"), (Text("work_order.body.sending"),))


def waiting(ctx: ScreenContext) -> ScreenModel:
    """Waiting for the court."""
    return ScreenModel(ctx.screen, Text("title.please_wait"), (Text("body.asking_court"),))


def printing(ctx: ScreenContext) -> ScreenModel:
    """The slip is printing."""
    return ScreenModel(ctx.screen, Text("title.printing"), (Text("body.printing"),))


def done(ctx: ScreenContext) -> ScreenModel:
    """The tracking number and the promised time limit, or the reference of a queued work order."""
    data = _data(ctx)
    delivery = data["delivery"]
    order = delivery.order
    rows: list[Text] = []
    if order is not None:
        rows += [Text("work_order.row.tracking_number", {"value": order.tracking_number}), _limit(order)]
    rows.append(Text("work_order.row.reference", {"value": delivery.submission.reference}))
    if not delivery.delivered:
        rows.append(Text("work_order.body.queued"))
    elif order is None:
        rows.append(Text("work_order.body.number_later"))
    actions: tuple[Action, ...] = ()
    if data.get("printed"):
        rows.append(Text("work_order.body.printed"))
    else:
        rows.append(Text(data.get("problem", "work_order.error.print_failed")))
        actions = (Action("print_slip", Text("work_order.button.print_again"), "primary"),)
    return _screen(ctx, Text("work_order.title.done"), tuple(rows), actions)


def track(ctx: ScreenContext) -> ScreenModel:
    """Scan the slip's QR code, or type the tracking number or reference."""
    error = _data(ctx).get("code_error")
    field = ctx.text_field(TRACKING_NUMBER, Text("work_order.field.tracking_number"), FIELD_TYPES[TRACKING_NUMBER].value)
    # A refused code's message says what to do instead, so it takes the instructions' place.
    return _screen(ctx, Text("work_order.title.track"), (Text(error or "work_order.body.track"),),
                   (Action("submit", Text("button.search"), "primary"),), (field,))


def progress(ctx: ScreenContext) -> ScreenModel:
    """Where the work order stands, its history, and the reply for the holder of the slip."""
    data = _data(ctx)
    order: WorkOrder = data["order"]
    _, holds_slip = data.get("query", ("", False))
    rows = [Text("work_order.row.tracking_number", {"value": order.tracking_number}),
            Text("work_order.row.kind", {"value": Text(f"work_order.kind.{order.kind}")}),
            Text("work_order.row.state", {"value": Text(f"work_order.state.{order.state}")}),
            _limit(order)]
    if order.overdue:
        rows.append(Text("work_order.body.overdue"))
    rows += [Text("work_order.row.history", {"when": _when(step.at), "state": Text(f"work_order.state.{step.state}")})
             for step in order.progress]
    if order.reply and holds_slip:
        rows.append(Text("work_order.row.reply", {"value": Private(order.reply)}))
    elif order.reply:
        rows.append(Text("work_order.body.reply_with_slip"))
    return _screen(ctx, Text("work_order.title.progress"), tuple(rows))


def problem(ctx: ScreenContext) -> ScreenModel:
    """What went wrong, and that nothing typed is lost."""
    key = _data(ctx).get("problem", "court.error.unknown")
    return _screen(ctx, Text("title.problem"), (Text(key), Text("body.problem_next")))


PRESENTERS = {
    "work_order_menu": menu,
    "work_order_card": card,
    "work_order_form": form,
    "work_order_loading": waiting,
    "work_order_slots": slots,
    "work_order_review": review,
    "work_order_sending": sending,
    "work_order_printing": printing,
    "work_order_done": done,
    "work_order_track": track,
    "work_order_searching": waiting,
    "work_order_progress": progress,
    "work_order_problem": problem,
}
