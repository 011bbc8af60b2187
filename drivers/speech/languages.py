"""Which espeak-ng voice speaks each display language, and what text that voice is given.

Text is cut into sentences before synthesis so the first sentence is heard while later ones are
still being made, and so a stop or pause never waits for a whole receipt to be synthesised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from drivers.speech.mandarin import to_pinyin

#: Display language → espeak-ng voice name. Mandarin goes through pinyin (see ``mandarin``).
VOICES: Mapping[str, str] = MappingProxyType({"zh_CN": "cmn-latn-pinyin", "en": "en-us", "ko": "ko"})
PINYIN_VOICE = "cmn-latn-pinyin"
#: A sentence longer than this is cut again at commas, to keep the first audio quick.
MAX_SENTENCE_CHARS = 60

_SENTENCE_END = re.compile(r"(?<=[。！？；])|(?<=[.!?;])\s+")
_CLAUSE_END = re.compile(r"(?<=[，、,：:])\s*")


def voice_for(language: str, voices: Mapping[str, str] = VOICES) -> str:
    """The voice of ``language`` (``zh_CN``), or of its base language (``zh``); KeyError when none."""
    if language in voices:
        return voices[language]
    base = re.split(r"[_-]", language)[0]
    for known, voice in voices.items():
        if re.split(r"[_-]", known)[0] == base:
            return voice
    raise KeyError(language)


def sentences(text: str) -> list[str]:
    """``text`` cut at sentence ends, long sentences also at commas; empty pieces dropped."""
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if len(sentence) > MAX_SENTENCE_CHARS:
            pieces.extend(_CLAUSE_END.split(sentence))
        else:
            pieces.append(sentence)
    return [piece.strip() for piece in pieces if piece.strip()]


def espeak_text(text: str, voice: str) -> str:
    """What espeak-ng is given for ``text``: toned pinyin for the pinyin voice, the text otherwise."""
    return to_pinyin(text) if voice == PINYIN_VOICE else text
