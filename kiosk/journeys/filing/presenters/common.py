"""What the filing's screens share: the draft, the screen frame, names spoken only in private."""

from __future__ import annotations

from kiosk.complaints import Party
from kiosk.court.contract import PersonParty
from kiosk.i18n import Text
from kiosk.journeys.filing.draft import Draft
from kiosk.presenters.common import idle_overlay, nav
from kiosk.presenters.model import Action, Field, ScreenContext, ScreenModel
from kiosk.voice.privacy import Private


def draft_of(ctx: ScreenContext) -> Draft:
    """The filing so far (an empty one before the first step touched it)."""
    draft = ctx.journeys.get("filing", {}).get("draft")
    return draft if isinstance(draft, Draft) else Draft()


def problem_of(ctx: ScreenContext) -> str:
    """The message key of the last failed task."""
    return str(ctx.journeys.get("filing", {}).get("problem", "court.error.unknown"))


def screen(ctx: ScreenContext, title: Text, body: tuple[Text, ...] = (), actions: tuple[Action, ...] = (),
           fields: tuple[Field, ...] = (), *, back: bool = True) -> ScreenModel:
    """A visitor screen with the navigation bar and the inactivity warning."""
    return ScreenModel(ctx.screen, title, body, actions=actions, nav=nav(ctx, back=back), overlay=idle_overlay(ctx),
                       fields=fields)


def waiting(ctx: ScreenContext, title: str, body: str) -> ScreenModel:
    """The kiosk is working (court, camera, printer): nothing to press, the time limit is held."""
    return ScreenModel(ctx.screen, Text(title), (Text(body),))


def party_name(party: Party) -> Private:
    """A party's name, shown but spoken only in private (an organisation's too: it names the dispute)."""
    return Private(party.name)


def party_line(party: Party) -> Text:
    """原告：张明华 (person) / 被告：某公司（单位）."""
    key = "filing.party_line.person" if isinstance(party, PersonParty) else "filing.party_line.organisation"
    return Text(key, {"role": Text(f"role.{party.role}"), "name": party_name(party)})


NEXT = Text("filing.button.next")
