"""What the visitor's mode buttons do to the visit's preferences, and the elderly-mode offer.

Kept apart from the controller: these touch only :class:`Preferences`, never the flow.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from kiosk.display import TextSize
from kiosk.journeys.queue_ticket.effects import is_elderly
from kiosk.session import Preferences, Visit
from kiosk.simplified import TURN_PAGE, turn_page


def set_language(prefs: Preferences, available: Collection[str], language: str) -> None:
    if language in available:
        prefs.language = language


def cycle_text_size(prefs: Preferences, available: Collection[str]) -> None:
    prefs.text_size = prefs.text_size.next()


def toggle_contrast(prefs: Preferences, available: Collection[str]) -> None:
    prefs.high_contrast = not prefs.high_contrast


def toggle_voice(prefs: Preferences, available: Collection[str]) -> None:
    prefs.voice = not prefs.voice


def toggle_elderly_mode(prefs: Preferences, available: Collection[str] = ()) -> None:
    """长辈模式: large text and voice together, one touch (and one touch back)."""
    prefs.elderly_mode = not prefs.elderly_mode
    prefs.text_size = TextSize.EXTRA_LARGE if prefs.elderly_mode else TextSize.NORMAL
    prefs.voice = prefs.elderly_mode


#: Intent → change; each takes the preferences, the languages offered and the intent's parameters.
PREFERENCE_INTENTS: dict[str, Callable[..., None]] = {
    "set_language": set_language,
    "cycle_text_size": cycle_text_size,
    "toggle_contrast": toggle_contrast,
    "toggle_voice": toggle_voice,
    "elderly_mode": toggle_elderly_mode,
    TURN_PAGE: turn_page,
}

#: The two answers to the elderly-mode offer.
ELDERLY_ANSWERS = frozenset({"accept_elderly", "decline_elderly"})


@dataclass
class ElderlyOffer:
    """A card showing 60 or more brings the elderly-mode offer, once a visit, unless the mode is on.

    Whichever journey read the card, the offer joins its screens (适老化: offered, never imposed) until
    the visitor answers it or goes on in the journey; it is no pop-up, so nothing is in the way.
    """

    offered_to: str | None = None  # the visit (by id) already offered it
    open: bool = False

    def card_read(self, visit: Visit, today: date) -> None:
        if visit.preferences.elderly_mode or self.offered_to == visit.visit_id:
            return
        if is_elderly(visit.card, today):
            self.offered_to, self.open = visit.visit_id, True

    def answer(self, prefs: Preferences, *, accepted: bool) -> bool:
        """Close the offer; True when elderly mode was switched on by it."""
        was_open, self.open = self.open, False
        if was_open and accepted and not prefs.elderly_mode:
            toggle_elderly_mode(prefs)
            return True
        return False

    def shown(self, prefs: Preferences) -> bool:
        return self.open and not prefs.elderly_mode


def apply_preference(intent: str, prefs: Preferences, available: Collection[str], **params: Any) -> None:
    """Carry out one of :data:`PREFERENCE_INTENTS`."""
    PREFERENCE_INTENTS[intent](prefs, available, **params)
