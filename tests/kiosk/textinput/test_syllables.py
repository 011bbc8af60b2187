"""The token lattice of typed letters."""

from __future__ import annotations

import pytest

from kiosk.textinput.lexicon import shared
from kiosk.textinput.syllables import SyllableTable, Token


@pytest.fixture(scope="module")
def table() -> SyllableTable:
    return shared().table


def spellings(table: SyllableTable, letters: str) -> set[tuple[str, ...]]:
    """Every way through the lattice, as token texts (abbreviations marked with a star)."""
    lattice = table.lattice(letters)
    found: set[tuple[str, ...]] = set()

    def walk(position: int, path: tuple[str, ...]) -> None:
        if position == len(letters):
            found.add(path)
        for token in lattice.get(position, ()):
            walk(token.end, (*path, token.text if token.exact else token.text + "*"))

    walk(0, ())
    return found


def test_ambiguous_segmentation_keeps_both_readings(table: SyllableTable) -> None:
    assert {("xian",), ("xi", "an")} <= spellings(table, "xian")
    assert {("fang", "an"), ("fan", "gan")} <= spellings(table, "fangan")


def test_an_initial_before_a_vowel_that_continues_it_is_no_abbreviation(table: SyllableTable) -> None:
    assert ("d*", "ai") not in spellings(table, "dai")
    assert ("x*", "a") in spellings(table, "xa")


def test_zh_ch_sh_are_initials_and_may_also_be_two(table: SyllableTable) -> None:
    assert {("sh*",), ("s*", "h*")} <= spellings(table, "sh")


def test_a_separator_forces_a_split(table: SyllableTable) -> None:
    found = spellings(table, "xi'an")
    assert ("xi", "an") in found
    assert all(path[0] == "xi" for path in found)


def test_the_last_letters_may_be_the_start_of_a_syllable(table: SyllableTable) -> None:
    assert ("min", "jian", "jie", "da*") in spellings(table, "minjianjieda")


def test_lue_is_read_as_lve(table: SyllableTable) -> None:
    assert ("lve",) in spellings(table, "lue")


def test_letters_nothing_spells_have_no_lattice(table: SyllableTable) -> None:
    assert table.lattice("iii") == {}


def test_token_matching() -> None:
    assert Token(0, 2, "zh", exact=False).matches("zhang")
    assert not Token(0, 5, "zhan", exact=True).matches("zhang")
