"""Every screen the router can name has a presenter, text in every language, and speech."""

from __future__ import annotations

import itertools
from datetime import datetime, timezone

import pytest

from kiosk.court import contract as c
from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import ZHANG
from kiosk.display import TextSize
from kiosk.i18n import LANGUAGES, Text, Translator
from kiosk.inactivity import IdlePhase
from kiosk.presenters import ScreenContext, ScreenModel
from kiosk.presenters.screens import present
from kiosk.router import SCREENS
from kiosk.session import Preferences


def sample_journeys() -> dict:
    """Journey data as the demo court gives it, so every step's screen has something to show."""
    court = DemoCourt(":memory:")
    cases = court.cases_of_party(ZHANG.id_number)
    view = court.case(cases[1].case_number, ZHANG.id_number)
    documents = court.served_documents(view.case_number, ZHANG.id_number)
    filing = c.FilingStatus(reference="K1234-5678-9ABC", receiving_court_code="京0191", status="accepted",
                            updated_at=datetime.now(timezone.utc), case_number=view.case_number, note="已立案")
    return {"lookup": {"id_number": ZHANG.id_number, "cases": cases, "case": view, "documents": documents,
                       "filing": filing, "problem": "court.error.unavailable", "code_error": "lookup.error.not_a_receipt",
                       "printed": documents[0].document_id}}


JOURNEY_DATA = sample_journeys()


def contexts() -> list[ScreenContext]:
    """Every screen in every language, with and without the inactivity warning."""
    return [
        ScreenContext(screen=screen, step=screen, preferences=Preferences(language=lang, text_size=size),
                      languages=LANGUAGES, idle_phase=phase, idle_countdown_s=12, can_extend=extend,
                      journeys=JOURNEY_DATA, field_errors={"lookup.case_number": "lookup.error.case_number_invalid"})
        for screen, lang, size, phase, extend in itertools.product(
            SCREENS, LANGUAGES, TextSize, (IdlePhase.ACTIVE, IdlePhase.WARNING), (True, False))
    ]


def texts_of(model: ScreenModel) -> list[Text]:
    found = [model.title, *model.body, *(a.label for a in model.all_actions()), *(a.label for a in model.nav)]
    if model.overlay:
        found += [model.overlay.title, model.overlay.body]
    found += [f.label for f in model.fields] + [f.error for f in model.fields if f.error]
    nested = [v for t in found for v in t.params.values() if isinstance(v, Text)]
    return found + nested


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator()


def test_every_key_a_presenter_uses_is_translated_in_every_language(translator: Translator) -> None:
    used = {t.key for ctx in contexts() for t in texts_of(present(ctx))}
    for language in LANGUAGES:
        missing = sorted(used - translator.keys(language))
        assert missing == [], f"{language} lacks {missing}"


def test_every_screen_has_something_to_say_in_voice_mode() -> None:
    for ctx in contexts():
        assert present(ctx).speech(), ctx.screen


#: Steps where the visitor waits for the kiosk: nothing to press, the time limit is held.
WAITING_STEPS = {"lookup_searching", "lookup_printing"}


def test_visitor_screens_offer_back_or_home_help_and_the_mode_toggles() -> None:
    visitor_screens = set(SCREENS) - {"attract", "out_of_service", "maintenance"} - WAITING_STEPS
    for screen in visitor_screens:
        model = present(ScreenContext(screen=screen, step=screen, preferences=Preferences(), languages=LANGUAGES,
                                      journeys=JOURNEY_DATA))
        intents = {a.intent for a in model.nav}
        assert "ask_help" in intents, screen
        assert intents & {"back", "go_home"} or screen == "home", screen
        assert {"set_language", "cycle_text_size", "toggle_contrast", "toggle_voice"} <= intents, screen


def test_the_home_screen_offers_every_journey_and_the_elderly_mode() -> None:
    model = present(ScreenContext(screen="home", step="home", preferences=Preferences(), languages=LANGUAGES,
                                  journeys=JOURNEY_DATA))
    intents = [a.intent for a in model.actions]
    assert intents[:5] == ["choose_filing", "choose_lookup", "choose_payment", "choose_work_order", "choose_queue_ticket"]
    assert "elderly_mode" in intents


def test_widget_ids_are_unique_on_every_screen() -> None:
    for ctx in contexts():
        ids = [a.widget_id for a in (*present(ctx).all_actions(),)]
        assert len(ids) == len(set(ids)), ctx.screen
