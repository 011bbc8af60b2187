"""Simplified choices for elderly mode (长辈模式): a few large choices at a time, the rest a page away.

适老化 asks for fewer, larger controls and plain words (工信部 2021: elderly-mode targets of 60 dp and
more, no clutter; A11Y-54/55 in accessibility.md). Every screen's model is transformed, not rewritten:

- The screen's choices (its actions but toggles, the way out and a rating scale) become large buttons in
  one column, the presenter's main (primary) choices first; on the home screen the journeys come in
  the order elderly visitors use them (see :data:`RANKING`).
- At most :data:`PAGE_SIZE` choices are shown at once; the next ones are behind one "more choices"
  button (which says how many more), and the last page leads back to the first. Nothing is removed.
  A page has its own screen name, so voice mode reads it and keypad focus starts at its top; leaving
  the screen forgets the page.
- The navigation keeps Back, Home, Help and Repeat; language, text size, contrast, voice and the other
  speech keys move to the Help screen (one touch away from every step, relabelled "Help and settings";
  the tactile keypad keeps all its speech keys).
- Some long instructions have a plainer variant (:data:`PLAIN_BODIES`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from kiosk.i18n import Text
from kiosk.presenters.model import Action, ScreenModel
from kiosk.session import Preferences

#: Choices shown at once; one more fits in the place the "more choices" button would take.
PAGE_SIZE = 3
#: The intent of the "more choices" / "back to the first choices" button; its parameter names the
#: first choice of the page it opens.
TURN_PAGE = "choices_page"
#: Home's journeys as elderly visitors use them: the priority ticket for the staffed (green) window
#: first, as court practice offers it (A11Y-55); then the short card-driven flows (look up, pay); the
#: long typed ones (work orders, filing), where courts help the elderly at the window, last.
RANKING = ("choose_queue_ticket", "choose_lookup", "choose_payment", "choose_work_order", "choose_filing")
#: Intents that are never paged: ending the visit is always in sight for a visitor who laid their card
#: down, and a rating scale is weighed whole (1 to 5 together, not three scores and a "more").
ALWAYS_SHOWN = frozenset({"finish", "rate"})
#: The navigation kept on every screen; the mode toggles and other speech keys live on :data:`SETTINGS_SCREEN`.
STEP_NAV = frozenset({"back", "go_home", "ask_help", "voice_repeat"})
SETTINGS_SCREEN = "help"
#: Instructions with a plainer variant for elderly visitors.
PLAIN_BODIES = {
    "body.home": "elderly.body.home",
    "queue_ticket.body.priority": "elderly.body.queue_ticket_priority",
}


def turn_page(prefs: Preferences, available: Collection[str] = (), first: str = "") -> None:
    """The "more choices" (or "back to the first choices") button: the page that starts with ``first``."""
    prefs.choice_page.first = first


def for_elderly(model: ScreenModel, prefs: Preferences) -> ScreenModel:
    """``model`` as elderly mode shows it, on the page the visitor turned to."""
    return simplify(model, prefs.choice_page.follow(model.name))


def simplify(model: ScreenModel, first: str = "") -> ScreenModel:
    """``model`` as elderly mode shows it, on the page of choices that starts with ``first``."""
    choices = _ranked(tuple(a for a in model.actions if _is_choice(a)))
    kept = tuple(a for a in model.actions if not _is_choice(a))
    pages = _pages(choices)
    index = next((i for i, page in enumerate(pages[1:], 1) if page[0].widget_id == first), 0)
    shown = tuple(replace(a, role="primary") if a.role == "secondary" else a for a in pages[index])
    return replace(
        model,
        name=model.name if index == 0 else f"{model.name}#page{index + 1}",
        body=tuple(Text(PLAIN_BODIES[t.key], t.params) if t.key in PLAIN_BODIES else t for t in model.body)
        + ((Text("elderly.body.settings"),) if model.name == SETTINGS_SCREEN else ()),
        actions=(*shown, *_turn(pages, index), *kept),
        nav=model.nav if model.name == SETTINGS_SCREEN else _step_nav(model.nav),
    )


def _is_choice(action: Action) -> bool:
    return action.role != "toggle" and action.intent not in ALWAYS_SHOWN


def _ranked(choices: tuple[Action, ...]) -> tuple[Action, ...]:
    """Main (primary) choices first, then :data:`RANKING`, else as presented.

    A disabled choice keeps its place: buttons that jump when one becomes usable would lose the visitor.
    """
    def key(action: Action) -> tuple[bool, int]:
        rank = RANKING.index(action.intent) if action.intent in RANKING else len(RANKING)
        return action.role != "primary", rank

    return tuple(sorted(choices, key=key))


def _pages(choices: tuple[Action, ...]) -> list[tuple[Action, ...]]:
    if len(choices) <= PAGE_SIZE + 1:
        return [choices]
    return [choices[i:i + PAGE_SIZE] for i in range(0, len(choices), PAGE_SIZE)]


def _turn(pages: list[tuple[Action, ...]], index: int) -> tuple[Action, ...]:
    """The button to the next page (saying how many choices are left), or from the last back to the first."""
    if len(pages) == 1:
        return ()
    if index < len(pages) - 1:
        remaining = sum(len(page) for page in pages[index + 1:])
        return (Action(TURN_PAGE, Text("elderly.button.more_choices", {"count": remaining}), "primary",
                       {"first": pages[index + 1][0].widget_id}),)
    return (Action(TURN_PAGE, Text("elderly.button.first_choices"), "primary", {"first": pages[0][0].widget_id}),)


def _step_nav(nav: tuple[Action, ...]) -> tuple[Action, ...]:
    """Back, Home, Help (saying the settings are there) and Repeat, in one row: Repeat is a step
    key here, not one of a block of speech settings."""
    return tuple(replace(a, label=Text("elderly.button.help")) if a.intent == "ask_help"
                 else replace(a, role="secondary") if a.intent == "voice_repeat" else a
                 for a in nav if a.intent in STEP_NAV)
