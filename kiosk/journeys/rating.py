"""The satisfaction rating at the end of every visit: a score of 1–5 and, if the visitor likes, reasons.

One touch on a score sends it, so a visitor in a hurry is done at once; reasons can be marked first
(they come first on screen, so the reading and keypad order is the order of use).
What goes to the court is the score, the reasons, the journey used, the display language and whether
assisted mode was on: nothing that identifies the visitor. It is queued in the outbox off the UI
thread as the visit ends.
"""

from __future__ import annotations

import logging
from typing import Any, get_args

from kiosk.court.contract import RatingSubmission
from kiosk.court.contract.services import Journey, RatingReason
from kiosk.court.outbox import Queued
from kiosk.i18n import Text
from kiosk.journeys.base import JourneyEffects
from kiosk.presenters.common import idle_overlay, nav
from kiosk.presenters.model import Action, ScreenContext, ScreenModel

log = logging.getLogger("kiosk.journeys.rating")

SCORES = (1, 2, 3, 4, 5)
#: The reasons offered (few, so the screen fits the largest text); "clear voice" only to a visitor who used voice.
REASONS: tuple[RatingReason, ...] = ("fast", "easy", "clear_voice", "slow", "device_problem", "could_not_finish")
JOURNEYS: tuple[str, ...] = tuple(name for name in get_args(Journey) if name != "other")


def offered_reasons(voice: bool) -> tuple[RatingReason, ...]:
    """The reasons shown to this visitor."""
    return tuple(r for r in REASONS if voice or r != "clear_voice")


class RatingEffects(JourneyEffects):
    """The rating step's machine listener (the step itself belongs to the visit)."""

    journey = "rating"

    def after_transition(self, target: Any) -> None:
        """Remember the journey the visitor used last, for the rating's statistics."""
        name = target.id if target is not None else ""
        journey = next((j for j in JOURNEYS if name == j or name.startswith(f"{j}_")), None)
        if journey is not None:
            self.data["journey"] = journey

    def rating_reason_ok(self, reason: str = "") -> bool:
        """A reason was toggled."""
        if reason not in REASONS:
            return False
        reasons: list[str] = self.data.setdefault("reasons", [])
        if reason in reasons:
            reasons.remove(reason)
        else:
            reasons.append(reason)
        return True

    def on_rated(self, score: int = 0) -> None:
        """Queue the rating (a score of 0 is the visitor skipping: nothing is sent)."""
        if score not in SCORES:
            return
        prefs = self.host.visit.preferences
        rating = RatingSubmission.new(
            self.host.settings.kiosk_id, score=score, reasons=list(self.data.get("reasons", [])),
            journey=self.data.get("journey", "other"), locale=prefs.language, assisted_mode=prefs.assisted,
        )
        outbox = self.host.services.outbox
        self.host.services.tasks.run("rating.submit", lambda: outbox.submit(rating), _queued, _lost)


def _queued(queued: Queued) -> None:
    log.info("rating %s queued", queued.reference)


def _lost(error: BaseException) -> None:
    log.warning("rating not queued: %s", type(error).__name__)


def rating(ctx: ScreenContext) -> ScreenModel:
    """The optional reasons, five scores each sending at once, and Skip: two to a row, to fit the largest text."""
    chosen = ctx.journeys.get("rating", {}).get("reasons", [])
    reasons = tuple(Action("choose_reason", Text(f"rating.reason.{r}"), "toggle", {"reason": r}, checked=r in chosen)
                    for r in offered_reasons(ctx.preferences.voice))
    scores = tuple(Action("rate", Text(f"rating.score_{s}"), "secondary", {"score": s}) for s in SCORES)
    return ScreenModel(
        "rating", Text("title.rating"), (Text("rating.body.reasons"),),
        (*reasons, *scores, Action("rate", Text("button.skip_rating"), "secondary", {"score": 0})),
        nav(ctx, back=False), idle_overlay(ctx),
    )
