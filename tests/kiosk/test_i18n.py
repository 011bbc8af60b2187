"""The catalogues: complete, consistent placeholders, and safe against bad translations."""

from __future__ import annotations

import logging
import re

import pytest

from kiosk.i18n import LANGUAGES, SOURCE_LANGUAGE, Text, Translator, placeholders


@pytest.fixture(scope="module")
def translator() -> Translator:
    return Translator()


def test_every_catalogue_has_exactly_the_source_keys(translator: Translator) -> None:
    source = translator.keys(SOURCE_LANGUAGE)
    assert len(source) > 50
    for language in LANGUAGES:
        assert translator.keys(language) == source, language


def test_placeholders_match_the_source_in_every_language(translator: Translator) -> None:
    for key in translator.keys(SOURCE_LANGUAGE):
        expected = placeholders(translator.raw(key, SOURCE_LANGUAGE))
        for language in LANGUAGES:
            assert placeholders(translator.raw(key, language)) == expected, (key, language)


def test_every_key_is_category_prefixed_and_lowercase(translator: Translator) -> None:
    pattern = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
    assert [key for key in translator.keys() if not pattern.match(key)] == []


def test_parameters_and_nested_texts_are_filled_in(translator: Translator) -> None:
    assert translator.text(Text("idle.body", {"seconds": 9}), "en").startswith("In 9 seconds")
    assert translator.text(Text("button.text_size", {"size": Text("size.large")}), "zh_CN") == "字号：大"


def test_a_translation_with_wrong_placeholders_falls_back_to_the_source(translator, caplog) -> None:
    translator._catalogues["en"]._catalog["idle.body"] = "In {secs} seconds"  # noqa: SLF001 - simulate a bad .po
    try:
        with caplog.at_level(logging.WARNING, logger="kiosk.i18n"):
            text = translator.text(Text("idle.body", {"seconds": 5}), "en")
        assert text.startswith("5 秒后")
        assert "wrong placeholders" in caplog.text
    finally:
        del translator._catalogues["en"]._catalog["idle.body"]  # noqa: SLF001


def test_an_unknown_key_shows_the_key_rather_than_crashing(translator: Translator) -> None:
    assert translator.text("title.no_such_screen", "ko") == "title.no_such_screen"
