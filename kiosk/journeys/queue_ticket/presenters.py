"""What each queue-ticket step shows and says."""

from __future__ import annotations

from kiosk.i18n import Text
from kiosk.journeys.queue_ticket.effects import SERVICES
from kiosk.journeys.queue_ticket.ticket import Ticket
from kiosk.presenters.common import idle_overlay, nav
from kiosk.presenters.model import Action, ScreenContext, ScreenModel

OTHER_PRIORITIES = ("disabled", "military", "pregnant")


def _data(ctx: ScreenContext) -> dict:
    return dict(ctx.journeys.get("queue_ticket", {}))


def _screen(ctx: ScreenContext, title: Text, body: tuple[Text, ...] = (), actions: tuple[Action, ...] = ()) -> ScreenModel:
    return ScreenModel(ctx.screen, title, body, actions=actions, nav=nav(ctx), overlay=idle_overlay(ctx))


def service(ctx: ScreenContext) -> ScreenModel:
    """The four services with a window."""
    actions = tuple(Action("choose_service", Text(f"queue_ticket.service.{name}"), "primary", {"service": name})
                    for name in SERVICES)
    return _screen(ctx, Text("title.queue_ticket"), (Text("body.queue_ticket"),), actions)


def priority(ctx: ScreenContext) -> ScreenModel:
    """A regular number, or a priority one; the elderly priority comes first for a card showing 60+."""
    data = _data(ctx)
    elderly = bool(data.get("elderly"))
    chosen = Text(f"queue_ticket.service.{data.get('service', SERVICES[0])}")
    take = Action("take_ticket", Text("queue_ticket.button.regular"), "primary", {"priority": "none"})
    elderly_action = Action("take_ticket", Text("queue_ticket.priority.elderly"), "primary" if elderly else "secondary",
                            {"priority": "elderly"})
    others = tuple(Action("take_ticket", Text(f"queue_ticket.priority.{name}"), "secondary", {"priority": name})
                   for name in OTHER_PRIORITIES)
    if elderly:
        body = (Text("queue_ticket.row.service", {"value": chosen}), Text("queue_ticket.body.elderly_offered"))
        actions = (elderly_action, take, *others)
        if not ctx.preferences.elderly_mode:
            actions += (Action("elderly_mode", Text("button.elderly_mode"), "toggle", checked=False),)
    else:
        body = (Text("queue_ticket.row.service", {"value": chosen}), Text("queue_ticket.body.priority"))
        actions = (take, elderly_action, *others)
    return _screen(ctx, Text("queue_ticket.title.priority"), body, actions)


def taking(ctx: ScreenContext) -> ScreenModel:
    """Waiting for the court's queue system."""
    return ScreenModel(ctx.screen, Text("title.please_wait"), (Text("queue_ticket.body.taking"),))


def printing(ctx: ScreenContext) -> ScreenModel:
    """The ticket is printing."""
    return ScreenModel(ctx.screen, Text("title.printing"), (Text("body.printing"),))


def done(ctx: ScreenContext) -> ScreenModel:
    """The number, how many are ahead, and what to do now."""
    data = _data(ctx)
    ticket: Ticket = data["ticket"]
    rows = [Text("queue_ticket.row.service", {"value": Text(f"queue_ticket.service.{ticket.service}")})]
    if ticket.priority != "none":
        rows.append(Text("queue_ticket.row.priority", {"value": Text(f"queue_ticket.priority.{ticket.priority}")}))
    if ticket.people_ahead is None:
        rows.append(Text("queue_ticket.body.offline"))
    else:
        rows.append(Text("queue_ticket.row.people_ahead", {"count": ticket.people_ahead}))
    actions: tuple[Action, ...] = ()
    if data.get("printed"):
        rows.append(Text("queue_ticket.body.printed"))
    else:
        rows.append(Text(data.get("problem", "queue_ticket.error.print_failed")))
        actions = (Action("print_ticket", Text("queue_ticket.button.print_again"), "primary"),)
    return _screen(ctx, Text("queue_ticket.title.done", {"number": ticket.number}), tuple(rows), actions)


def problem(ctx: ScreenContext) -> ScreenModel:
    """The court answered but not with a number: try again, or ask at the counter."""
    key = _data(ctx).get("problem", "court.error.unknown")
    return _screen(ctx, Text("title.problem"), (Text(key), Text("queue_ticket.body.problem")),
                   (Action("retry_ticket", Text("queue_ticket.button.retry"), "primary"),))


PRESENTERS = {
    "queue_ticket_service": service,
    "queue_ticket_priority": priority,
    "queue_ticket_taking": taking,
    "queue_ticket_printing": printing,
    "queue_ticket_done": done,
    "queue_ticket_problem": problem,
}
