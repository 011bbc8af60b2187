"""One presenter per screen, each a pure function of the :class:`ScreenContext`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kiosk.flow import JOURNEYS
from kiosk.journeys import registry
from kiosk.journeys.rating import rating
from kiosk.i18n import LANGUAGE_NAMES, Text
from kiosk.presenters.common import idle_overlay, nav
from kiosk.presenters.model import Action, ScreenContext, ScreenModel


def attract(ctx: ScreenContext) -> ScreenModel:
    """The idle screen: touch anywhere (the start button fills it) or pick a language to begin."""
    languages = tuple(
        Action("start_visit", Text("button.language"), "secondary", {"language": lang}, literal=LANGUAGE_NAMES[lang])
        for lang in ctx.languages
    )
    return ScreenModel(
        "attract",
        Text("title.attract"),
        (Text("body.attract"),),
        (Action("start_visit", Text("button.start"), "primary"), *languages),
        background_intent="start_visit",
    )


def home(ctx: ScreenContext) -> ScreenModel:
    """The journeys as big buttons, the elderly-mode entry and the way out."""
    journeys = tuple(
        Action(f"choose_{name}", Text("button.journey_unavailable", {"name": Text(f"button.{name}")}), "primary",
               enabled=False)
        if name in ctx.unavailable_journeys
        else Action(f"choose_{name}", Text(f"button.{name}"), "primary")
        for name in JOURNEYS
    )
    return ScreenModel(
        "home",
        Text("title.home"),
        (Text("body.home"),),
        (
            *journeys,
            Action("elderly_mode", Text("button.elderly_mode"), "toggle", checked=ctx.preferences.elderly_mode),
            Action("finish", Text("button.end_visit"), "secondary"),
        ),
        nav(ctx, back=False, home=False),
        idle_overlay(ctx),
    )


def with_elderly_offer(model: ScreenModel) -> ScreenModel:
    """The elderly-mode offer joined to a screen: said first, its two answers after the screen's own controls.

    Inline rather than a pop-up, so the screen's controls stay where they were for touch and keypad alike.
    """
    return replace(
        model,
        body=(Text("elderly.offer.title"), Text("elderly.offer.body"), *model.body),
        actions=(*model.actions, Action("accept_elderly", Text("elderly.offer.accept"), "primary"),
                 Action("decline_elderly", Text("elderly.offer.decline"), "secondary")),
    )


def help_screen(ctx: ScreenContext) -> ScreenModel:
    """Help for the step the visitor came from; Back returns there."""
    return ScreenModel(
        "help",
        Text("title.help"),
        (Text("help.general"), Text("help.staff")),
        (),
        nav(ctx, home=False),
        idle_overlay(ctx),
    )


def out_of_service(ctx: ScreenContext) -> ScreenModel:
    """Nothing to press: the visitor is sent to the staffed window."""
    return ScreenModel("out_of_service", Text("title.out_of_service"), (Text("body.out_of_service"),))


PRESENTERS: dict[str, Callable[[ScreenContext], ScreenModel]] = {
    "attract": attract,
    "home": home,
    **registry.presenters(),
    "rating": rating,
    "help": help_screen,
    "out_of_service": out_of_service,
}


def present(ctx: ScreenContext) -> ScreenModel:
    """The model of ``ctx.screen``."""
    return PRESENTERS[ctx.screen](ctx)
