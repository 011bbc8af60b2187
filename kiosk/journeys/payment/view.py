"""Helpers every payment screen shares."""

from __future__ import annotations

from typing import Any

from kiosk.i18n import Text
from kiosk.presenters.common import idle_overlay, nav
from kiosk.presenters.model import Action, ScreenContext, ScreenModel


def data_of(ctx: ScreenContext) -> dict[str, Any]:
    """The journey's data (read only)."""
    return dict(ctx.journeys.get("payment", {}))


def screen(ctx: ScreenContext, title: str, body: tuple[Text, ...] = (), actions: tuple[Action, ...] = (),
           *, back: bool = True, home: bool = True, **extra: Any) -> ScreenModel:
    """A visitor screen of this journey, with the navigation bar and the inactivity warning."""
    return ScreenModel(ctx.screen, Text(title), body, actions=actions, nav=nav(ctx, back=back, home=home),
                       overlay=idle_overlay(ctx), **extra)


def waiting(ctx: ScreenContext, title: str, body: str) -> ScreenModel:
    """A step where the kiosk works and the visitor waits: nothing to press."""
    return ScreenModel(ctx.screen, Text(title), (Text(body),))
