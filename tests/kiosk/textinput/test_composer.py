"""The composer the keyboard drives: letters, candidates, choices, and nothing kept past a visit."""

from __future__ import annotations

import pytest

from kiosk.textinput.composer import MAX_LETTERS, Choice, Composer


def typed(composer: Composer, letters: str) -> Composer:
    for letter in letters:
        assert composer.type(letter)
    return composer


def texts(composer: Composer) -> list[str]:
    return [c.text for c in composer.candidates()]


def test_choosing_the_whole_phrase_commits_it_and_empties_the_letters() -> None:
    composer = typed(Composer(), "minjianjiedai")
    assert texts(composer)[0] == "民间借贷"
    assert composer.choose(0) == Choice("民间借贷", "")
    assert not composer.active and composer.candidates() == []


def test_choosing_a_first_word_keeps_the_rest_of_the_letters() -> None:
    composer = typed(Composer(), "minjianjiedai")
    choice = composer.choose(texts(composer).index("民间"))
    assert choice == Choice("民间", "jiedai")
    assert composer.letters == "jiedai"
    assert "借贷" in texts(composer)


def test_a_separator_splits_syllables_and_is_used_up_with_them() -> None:
    composer = typed(Composer(), "xi'an")
    assert texts(composer)[0] == "西安"
    composer.clear()
    typed(composer, "xi'an")
    choice = composer.choose(texts(composer).index("西"))
    assert choice.remaining == "an"


def test_refused_keys() -> None:
    composer = Composer()
    assert not composer.type("'")
    assert not composer.type("1")
    assert not composer.type("ab")
    typed(composer, "xi")
    assert composer.type("'")
    assert not composer.type("'")
    composer.clear()
    typed(composer, "a" * MAX_LETTERS)
    assert not composer.type("a")


def test_upper_case_letters_are_taken_as_lower_case() -> None:
    assert typed(Composer(), "YG").letters == "yg"


def test_backspace_removes_letters_then_reports_nothing_left() -> None:
    composer = typed(Composer(), "yg")
    assert composer.backspace() and composer.letters == "y"
    assert composer.backspace() and composer.letters == ""
    assert not composer.backspace()


def test_enter_commits_the_letters_themselves() -> None:
    composer = typed(Composer(), "abc")
    assert composer.commit_letters() == "abc"
    assert not composer.active


def test_choosing_outside_the_page_is_an_error() -> None:
    composer = Composer()
    with pytest.raises(IndexError):
        composer.choose(0)
    typed(composer, "shi")
    with pytest.raises(IndexError):
        composer.choose(composer.page_size)


def test_pages() -> None:
    composer = typed(Composer(page_size=4), "shi")
    first = texts(composer)
    assert len(first) == 4 and composer.has_next_page and not composer.has_previous_page
    second = [c.text for c in composer.next_page()]
    assert second != first and composer.has_previous_page
    assert [c.text for c in composer.previous_page()] == first


def test_a_word_chosen_in_a_visit_ranks_first_until_the_visit_is_reset() -> None:
    """GIVEN a visitor who chose a lower-ranked name WHEN they type it again THEN it comes first;
    AFTER reset (end of visit) the ranking is the shared one again."""
    composer = typed(Composer(), "wanglei")
    usual = texts(composer)
    wanted = "王蕾"
    assert usual[0] != wanted
    composer.choose(usual.index(wanted))
    assert texts(typed(composer, "wanglei"))[0] == wanted
    composer.reset()
    assert not composer.active
    assert texts(typed(composer, "wanglei")) == usual


def test_clear_keeps_the_visit_preferences() -> None:
    composer = typed(Composer(), "wanglei")
    composer.choose(texts(composer).index("王蕾"))
    typed(composer, "wang")
    composer.clear()
    assert texts(typed(composer, "wanglei"))[0] == "王蕾"
