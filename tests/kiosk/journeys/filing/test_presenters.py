"""Every filing screen, in each of its variants, is translated in every language and speaks without leaking.

The shared presenters test renders each step once with the sample draft; here the other variants are rendered
too (organisation form, relative as agent, yes/no and choice questions, a fee range), and what voice mode says
is checked: something on every step, and names and ID numbers only as private values.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from kiosk.complaints import Interview, template_for
from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import LI, ZHANG
from kiosk.i18n import LANGUAGES, Text, Translator
from kiosk.journeys.filing.draft import Draft, Editing
from kiosk.journeys.filing.presenters import PRESENTERS
from kiosk.presenters.model import ScreenContext, ScreenModel
from kiosk.session import Preferences
from kiosk.voice.privacy import Spoken
from tests.kiosk.journeys.filing.samples import answered, sample_draft

#: Fields that always hold a person's data; a party's name, address and phone are private for persons only.
PRIVATE_FIELDS = {"filing.id_number", "filing.visitor_name", "filing.agent.phone", "filing.party.id_number",
                  "filing.party.representative", "filing.answer"}
PERSON_FIELDS = {"filing.party.name", "filing.party.address", "filing.party.phone"}


def variants(base: Draft) -> list[Draft]:
    """The sample draft and the ways a screen can differ from it."""
    choice = Interview(template_for("private_lending"), answers=answered("private_lending").answers)
    choice.go_to("delivery_method")
    yes_no = Interview(template_for("labour_dispute"))
    divorce = answered("divorce")
    return [
        base,
        replace(base, role="relative", editing=Editing("defendant", "organisation", 1), answer_error=None),
        replace(base, interview=choice, relief="none", capture_error=None, review_error=None),
        replace(base, interview=yes_no),
        replace(base, interview=divorce, parties_error=None),
        Draft(),
    ]


def models(draft: Draft, language: str) -> list[ScreenModel]:
    fields = {"filing.party.id_number": ZHANG.id_number}
    return [present(ScreenContext(screen=step, step=step, preferences=Preferences(language=language),
                                  languages=LANGUAGES, journeys={"filing": {"draft": draft, "problem": "court.error.timeout"}},
                                  fields=fields))
            for step, present in PRESENTERS.items()]


def texts(items: Any) -> list[Text]:
    found: list[Text] = []
    for item in items:
        if isinstance(item, Text):
            found.append(item)
            found += texts(v for v in item.params.values() if isinstance(v, Text))
    return found


@pytest.fixture(scope="module")
def drafts() -> list[Draft]:
    return variants(sample_draft(DemoCourt(":memory:")))


def test_every_variant_of_every_step_is_translated(drafts: list[Draft]) -> None:
    translator = Translator()
    for language in LANGUAGES:
        known = translator.keys(language)
        used = {t.key for draft in drafts for model in models(draft, language)
                for t in texts([model.title, *model.body, *(a.label for a in model.all_actions()),
                                *(f.label for f in model.fields), *(f.error for f in model.fields if f.error)])}
        assert sorted(used - known) == [], language


def test_every_step_speaks_and_names_and_id_numbers_are_private(drafts: list[Draft]) -> None:
    secrets = {ZHANG.name, ZHANG.id_number, LI.name, LI.id_number, "张**", "110105********2317"}
    for draft in drafts:
        for model in models(draft, "zh_CN"):
            assert model.speech(), model.name
            for text in texts(model.speech()):
                plain = [v for v in text.params.values() if isinstance(v, str) and any(s in v for s in secrets)]
                assert not plain or Spoken(text).personal, (model.name, text.key)
            person_form = any(field.field_id == "filing.party.id_number" for field in model.fields)
            for field in model.fields:
                if field.field_id in PRIVATE_FIELDS or (person_form and field.field_id in PERSON_FIELDS):
                    assert field.private, (model.name, field.field_id)
