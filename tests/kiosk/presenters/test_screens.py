"""Every screen the router can name has a presenter, text in every language, and speech."""

from __future__ import annotations

import importlib
import itertools

import pytest

from kiosk.court.demo import DemoCourt
from kiosk.display import TextSize
from kiosk.i18n import LANGUAGES, Text, Translator
from kiosk.inactivity import IdlePhase
from kiosk.journeys import registry
from kiosk.maintenance.states import STEPS as MAINTENANCE_STEPS
from kiosk.presenters import ScreenContext, ScreenModel
from kiosk.presenters.screens import present
from kiosk.router import SCREENS
from kiosk.session import Preferences


def sample_journeys() -> dict:
    """Each journey's sample data (``tests/kiosk/journeys/<name>/samples.py``), so every step has content."""
    court = DemoCourt(":memory:")
    return {journey.name: importlib.import_module(f"tests.kiosk.journeys.{journey.name}.samples").sample_data(court)
            for journey in registry.JOURNEYS} | {
        mode.name: importlib.import_module(f"tests.kiosk.{mode.name}.samples").sample_data(court)
        for mode in registry.STAFF_MODES}


JOURNEY_DATA = sample_journeys()
#: A refused value in every field the journeys have, so error texts are checked too.
FIELD_ERRORS = {"lookup.case_number": "lookup.error.case_number_invalid",
                "filing.id_number": "filing.error.id.check_character", "filing.visitor_name": "filing.error.required",
                "filing.agent.licence": "filing.error.licence", "filing.agent.law_firm": "filing.error.too_long",
                "filing.agent.phone": "filing.error.phone", "filing.party.name": "filing.error.required",
                "filing.party.id_number": "filing.error.id.length", "filing.party.nation": "filing.error.unprintable",
                "filing.party.address": "filing.error.too_long", "filing.party.phone": "filing.error.phone",
                "filing.party.credit_code": "filing.error.credit_code.check_character",
                "filing.party.representative": "filing.error.required", "filing.answer": "complaints.answer.required",
                "filing.evidence.name": "filing.error.required",
                "payment.case_number": "payment.error.case_number_invalid",
                "payment.relief_reason": "payment.error.reason_empty",
                "work_order.case_number": "work_order.error.case_number_invalid",
                "work_order.phone": "work_order.error.phone_invalid",
                "work_order.message": "work_order.error.message_empty",
                "work_order.visitee": "work_order.error.visitee_empty",
                "work_order.tracking_number": "work_order.error.number_invalid"}


def contexts() -> list[ScreenContext]:
    """Every screen in every language, with and without the inactivity warning."""
    return [
        ScreenContext(screen=screen, step=screen, preferences=Preferences(language=lang, text_size=size,
                                                                          voice=size is TextSize.LARGE),
                      languages=LANGUAGES, idle_phase=phase, idle_countdown_s=12, can_extend=extend,
                      journeys=JOURNEY_DATA, field_errors=FIELD_ERRORS)
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
WAITING_STEPS = {step for journey in registry.JOURNEYS for step in journey.effects.waiting_steps}


def test_visitor_screens_offer_back_or_home_help_and_the_mode_toggles() -> None:
    visitor_screens = set(SCREENS) - {"attract", "out_of_service", *MAINTENANCE_STEPS} - WAITING_STEPS
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
