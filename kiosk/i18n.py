"""Translations: gettext catalogues keyed by category-prefixed message keys.

Screens and voice read the same keys (``title.home``, ``button.lookup``), so what is shown and what
is spoken never drift apart. zh_CN is the source catalogue; a translation whose placeholders differ
from zh_CN's is rejected at load time and the zh_CN text is used instead, so a bad translation can
never crash a screen.
"""

from __future__ import annotations

import gettext
import logging
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from kiosk.paths import LOCALES_DIR

log = logging.getLogger("kiosk.i18n")

DOMAIN = "kiosk"
SOURCE_LANGUAGE = "zh_CN"
LANGUAGES: tuple[str, ...] = ("zh_CN", "en", "ko")
#: Each language's name in itself, for the language button.
LANGUAGE_NAMES: Mapping[str, str] = MappingProxyType({"zh_CN": "中文", "en": "English", "ko": "한국어"})


@dataclass(frozen=True)
class Text:
    """A message key with its parameters: translated at render time, so a language switch is live."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted(self.params.items()))))


def placeholders(message: str) -> set[str]:
    """The ``{name}`` fields of a message."""
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


class Translator:
    """Loads every catalogue once and formats keys in any loaded language."""

    def __init__(self, languages: Iterable[str] = LANGUAGES) -> None:
        self._catalogues: dict[str, gettext.GNUTranslations] = {}
        for language in languages:
            self._catalogues[language] = gettext.translation(DOMAIN, LOCALES_DIR, languages=[language])
        if SOURCE_LANGUAGE not in self._catalogues:
            self._catalogues[SOURCE_LANGUAGE] = gettext.translation(DOMAIN, LOCALES_DIR, languages=[SOURCE_LANGUAGE])

    @property
    def languages(self) -> tuple[str, ...]:
        """The loaded languages."""
        return tuple(self._catalogues)

    def raw(self, key: str, language: str) -> str:
        """The catalogue text of ``key``, falling back to zh_CN, then to the key itself."""
        catalogue = self._catalogues.get(language) or self._catalogues[SOURCE_LANGUAGE]
        text = catalogue.gettext(key)
        if text == key and language != SOURCE_LANGUAGE:
            text = self._catalogues[SOURCE_LANGUAGE].gettext(key)
        return text

    def text(self, item: Text | str, language: str) -> str:
        """``item`` translated into ``language`` with its parameters filled in."""
        item = Text(item) if isinstance(item, str) else item
        message = self.raw(item.key, language)
        source = self.raw(item.key, SOURCE_LANGUAGE)
        if placeholders(message) != placeholders(source):
            log.warning("translation of %s in %s has wrong placeholders; using %s", item.key, language, SOURCE_LANGUAGE)
            message = source
        params = {k: self.text(v, language) if isinstance(v, Text) else v for k, v in item.params.items()}
        try:
            return message.format(**params)
        except (KeyError, IndexError, ValueError):
            log.error("message %s is missing parameters", item.key)
            return message

    def keys(self, language: str = SOURCE_LANGUAGE) -> set[str]:
        """Every key the catalogue of ``language`` translates."""
        return {k for k in self._catalogues[language]._catalog if isinstance(k, str) and k}  # noqa: SLF001
