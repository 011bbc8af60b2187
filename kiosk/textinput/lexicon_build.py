"""Builds the pinyin lexicon from maintained data packages rather than a hand-typed dictionary.

Sources: jieba's ``dict.txt`` (about 350,000 words with corpus frequencies), pypinyin's word-aware
readings and its idiom list, ngender's character counts over real given names, and the court
vocabulary and the surname list shipped in ``data/``.
Building takes seconds (pypinyin reads every word), so :mod:`kiosk.textinput.lexicon` caches the
result.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TypedDict

import jieba  # type: ignore[import-untyped]
from pypinyin import Style, lazy_pinyin
from pypinyin.contrib.tone_convert import to_normal
from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

from kiosk.textinput.syllables import toneless_syllables

# Court words outrank everyday homophones (原告 over 远高, 被告 over 报告) when typed by initials.
COURT_FLOOR = 3000
COURT_BOOST = 30
# Visitors type addresses in many fields: place names (jieba's tag ns) get a smaller boost.
PLACE_TAG = "ns"
PLACE_BOOST = 4
# jieba's tags of function words (pronouns, conjunctions, adverbs, prepositions, particles,
# numerals, direction words…): what a visitor types by initials into a form field is rarely one.
FUNCTION_TAGS = frozenset("rcdpuyeofm")
# Words pypinyin knows but jieba does not (mostly idioms) get the rarest jieba frequency.
UNCOUNTED_FREQUENCY = 2
# A character's secondary readings are rarer than its first; how much rarer is not recorded.
SECONDARY_READING_SHARE = 0.2
# jieba's tags for person names: their share of running text is the prior of a name.
NAME_TAGS = frozenset({"nr", "nrfg"})
SURNAME_RANK_OFFSET = 3

_HANZI = re.compile(r"[\u3400-\u9fff]+")

Reading = tuple[str, ...]
Scored = list[tuple[str, float]]
Entry = tuple[str, Reading, float]


def jieba_dict_path() -> Path:
    """jieba's main dictionary, shipped inside the jieba package."""
    return Path(jieba.__file__).with_name("dict.txt")


def data_text(name: str) -> str:
    """A data file shipped in this package."""
    return resources.files("kiosk.textinput").joinpath("data", name).read_text("utf-8")


def data_lines(name: str) -> Iterator[list[str]]:
    """Non-comment lines of a data file, split on whitespace."""
    for line in data_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split()


def _jieba_words() -> Iterator[tuple[str, int, str]]:
    with jieba_dict_path().open(encoding="utf-8") as lines:
        for line in lines:
            word, frequency, *tag = line.split()
            if _HANZI.fullmatch(word):
                yield word, int(frequency), tag[0] if tag else ""


def _reading(word: str) -> Reading:
    return tuple(lazy_pinyin(word, style=Style.NORMAL, errors="ignore", v_to_u=False))


def _char_readings(char: str) -> list[str]:
    readings = pinyin_dict.get(ord(char), "")
    return list(dict.fromkeys(to_normal(r, v_to_u=False) for r in readings.split(",") if r))


class LexiconData(TypedDict):
    """The built lexicon as plain data (marshal-able), as cached."""

    syllables: list[str]
    index: dict[str, list[tuple[Reading, Scored]]]
    surnames: dict[str, list[Entry]]
    given: dict[str, list[Entry]]
    name_share: float
    function_words: list[str]


def build() -> LexiconData:
    """The lexicon: syllables, word index, name model, function words.

    The index maps a key (first letters of the syllables) to the readings with that key, each
    with its words, most frequent first.
    """
    syllables = toneless_syllables(
        to_normal(r, v_to_u=False) for v in pinyin_dict.values() for r in v.split(",")
    )
    counted = list(_jieba_words())
    frequency = _frequencies(counted, syllables)
    total = sum(frequency.values())
    surnames, given, name_share = _name_model(counted, total)
    return {
        "syllables": sorted(syllables),
        "index": _index(frequency, total, syllables),
        "surnames": surnames,
        "given": given,
        "name_share": name_share,
        "function_words": sorted({w for w, _, tag in counted if tag[:1] in FUNCTION_TAGS}),
    }


def _frequencies(
    counted: list[tuple[str, int, str]], syllables: frozenset[str]
) -> dict[tuple[str, Reading], float]:
    """Boosted frequency of every (word, reading) from all the sources."""
    frequency: dict[tuple[str, Reading], float] = {}

    def add(word: str, reading: Reading, count: float) -> None:
        if len(reading) == len(word) and all(s in syllables for s in reading):
            key = (word, reading)
            frequency[key] = max(frequency.get(key, 0.0), count)

    char_count = Counter[str]()
    for word, count, tag in counted:
        if len(word) == 1:
            char_count[word] += count
        else:
            add(word, _reading(word), count * (PLACE_BOOST if tag == PLACE_TAG else 1))
    for code in pinyin_dict:
        char = chr(code)
        if _HANZI.fullmatch(char) and _encodable_gbk(char):
            base = max(char_count[char], 1)
            for rank, syllable in enumerate(_char_readings(char)):
                add(char, (syllable,), base * (SECONDARY_READING_SHARE if rank else 1.0))
    known = {word for word, _ in frequency}
    for word, readings in phrases_dict.items():
        if word not in known and _HANZI.fullmatch(word):
            add(word, tuple(to_normal(r[0], v_to_u=False) for r in readings), UNCOUNTED_FREQUENCY)
    jieba_count = {word: count for word, count, _ in counted}
    for fields in data_lines("court_words.txt"):
        word, reading = fields[0], tuple(fields[1:]) or _reading(fields[0])
        add(word, reading, max(jieba_count.get(word, 0), COURT_FLOOR) * COURT_BOOST)
    return frequency


def _index(
    frequency: dict[tuple[str, Reading], float], total: float, syllables: frozenset[str]
) -> dict[str, list[tuple[Reading, Scored]]]:
    """Readings by key, each with its words and their log-probabilities, most likely first."""
    interned = {s: s for s in syllables}
    by_reading: dict[Reading, Scored] = defaultdict(list)
    for (word, reading), count in frequency.items():
        by_reading[tuple(interned[s] for s in reading)].append((word, math.log(count / total)))
    index: dict[str, list[tuple[Reading, Scored]]] = defaultdict(list)
    for reading, words in by_reading.items():
        words.sort(key=lambda e: -e[1])
        index[initials_key(reading)].append((reading, words))
    for readings in index.values():
        readings.sort(key=lambda e: -e[1][0][1])
    return dict(index)


def initials_key(reading: tuple[str, ...]) -> str:
    """The index key of a reading: first letters of its syllables (``原告`` → ``yg``)."""
    return "".join(s[0] for s in reading)


def _encodable_gbk(char: str) -> bool:
    try:
        char.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


def _name_model(
    counted: list[tuple[str, int, str]], total: float
) -> tuple[dict[str, list[Entry]], dict[str, list[Entry]], float]:
    """Surnames and given-name characters by key, with log-probabilities, and names' share of text.

    Surname shares follow the listed rank (roughly 1/(rank+3), close to published population
    shares); given-name characters are counted over real names by ngender; how often a name
    occurs in running text comes from jieba's person-name tag.
    """
    surnames: dict[str, list[Entry]] = defaultdict(list)
    listed = [(fields[0], tuple(fields[1:])) for fields in data_lines("surnames.txt")]
    shares = [1 / (rank + SURNAME_RANK_OFFSET) for rank in range(len(listed))]
    for (surname, reading), share in zip(listed, shares, strict=True):
        surnames[initials_key(reading)].append((surname, reading, math.log(share / sum(shares))))
    given: dict[str, list[Entry]] = defaultdict(list)
    uses = _given_name_counts()
    all_uses = sum(uses.values())
    for char, count in uses.items():
        for rank, syllable in enumerate(_char_readings(char)):
            share = count / all_uses * (SECONDARY_READING_SHARE if rank else 1.0)
            given[syllable[0]].append((char, (syllable,), math.log(share)))
    for table in (surnames, given):
        for entries in table.values():
            entries.sort(key=lambda e: -e[2])
    name_count = sum(count for _word, count, tag in counted if tag in NAME_TAGS)
    return dict(surnames), dict(given), math.log(name_count / total)


def _given_name_counts() -> dict[str, int]:
    """How often each character occurs in given names, from ngender's table of real names."""
    table = resources.files("ngender").joinpath("charfreq.csv").read_text("utf-8")
    counts: dict[str, int] = {}
    for row in csv.DictReader(io.StringIO(table)):
        if _HANZI.fullmatch(row["char"]):
            counts[row["char"]] = int(row["male"]) + int(row["female"])
    return counts
