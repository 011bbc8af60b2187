"""The pinyin IME: accuracy on what visitors type at a court kiosk, segmentation, composition, paging."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.textinput import lexicon, pinyin
from kiosk.textinput.lexicon_build import data_lines
from kiosk.textinput.pinyin import CandidatePager, candidates

PHRASES = Path(__file__).with_name("data") / "court_phrases.txt"


def phrase_list() -> list[tuple[str, list[str]]]:
    """(hanzi, syllables) for every phrase of the test list."""
    rows = []
    for line in PHRASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, *syllables = line.split()
            rows.append((word, syllables))
    return rows


def test_the_phrase_list_is_large_and_its_pinyin_spells_each_character() -> None:
    rows = phrase_list()
    assert len(rows) >= 200
    assert len({word for word, _ in rows}) == len(rows)
    assert all(len(word) == len(syllables) for word, syllables in rows)


def test_court_phrases_typed_in_full_and_by_initials() -> None:
    """GIVEN the court phrase list WHEN each phrase is typed in full pinyin and by initials
    THEN the intended text ranks first / in the top five often enough."""
    court_words = {fields[0] for fields in data_lines("court_words.txt")}
    tally: dict[str, list[int]] = {"all": [0] * 4, "court vocabulary": [0] * 4, "other": [0] * 4}
    misses = []
    for word, syllables in phrase_list():
        full = candidates("".join(syllables), 10)
        initials = candidates("".join(s[0] for s in syllables), 10)
        hits = (1, full[:1] == [word], word in full[:5], word in initials[:5])
        for group in ("all", "court vocabulary" if word in court_words else "other"):
            tally[group] = [a + b for a, b in zip(tally[group], hits, strict=True)]
        if word not in full[:5]:
            misses.append((word, full[:5]))
    for group, (count, first, top5, initials5) in tally.items():
        print(
            f"{group}: {count} phrases; full pinyin first {first / count:.1%}, "
            f"top five {top5 / count:.1%}; initials top five {initials5 / count:.1%}"
        )
    print("not in the top five when typed in full:", misses)
    count, first, top5, initials5 = tally["all"]
    assert first / count >= 0.90
    assert top5 / count >= 0.98
    assert initials5 / count >= 0.80


@pytest.mark.parametrize(
    ("letters", "expected"),
    [
        ("yuangao", "原告"),
        ("yg", "原告"),
        ("bg", "被告"),
        ("minjianjiedai", "民间借贷"),
        ("mjjd", "民间借贷"),
        ("ssqq", "诉讼请求"),
        ("sqzxr", "申请执行人"),
        ("jidongchejiaotongshiguzerenjiufen", "机动车交通事故责任纠纷"),
        ("fangan", "方案"),
        ("xi'an", "西安"),
        ("lvshi", "律师"),
        ("lueduo", "掠夺"),
        ("lveduo", "掠夺"),
    ],
)
def test_first_candidate(letters: str, expected: str) -> None:
    assert candidates(letters)[0] == expected


@pytest.mark.parametrize(
    ("letters", "expected"),
    [
        ("xian", {"西安", "先", "现"}),
        ("shs", {"上诉", "申诉"}),
        ("zhx", {"执行"}),
        ("zx", {"执行"}),
        ("cs", {"撤诉"}),
        ("wanglei", {"王磊"}),
    ],
)
def test_ambiguous_letters_offer_every_reading_near_the_top(letters: str, expected: set[str]) -> None:
    assert expected <= set(candidates(letters, 5))


@pytest.mark.parametrize(
    ("phrase", "letters"),
    [
        ("返还彩礼", "fan huan cai li"),
        ("支付货款", "zhi fu huo kuan"),
        ("侵权责任", "qin quan ze ren"),
        ("案件查询", "an jian cha xun"),
        ("多次催要", "duo ci cui yao"),
    ],
)
def test_phrases_missing_from_the_lexicon_are_composed_from_words(phrase: str, letters: str) -> None:
    syllables = tuple(letters.split())
    assert phrase not in [word for word, _ in lexicon.shared().words(syllables)]
    assert candidates("".join(syllables))[0] == phrase


def test_partial_candidates_say_how_many_letters_they_use() -> None:
    found = pinyin.lookup("minjianjiedai")
    assert (found[0].text, found[0].consumed) == ("民间借贷", 13)
    partial = next(c for c in found if c.text == "民间")
    assert partial.consumed == len("minjian")


def test_single_characters_are_the_fallback_and_include_rare_ones() -> None:
    everything = [c.text for c in pinyin.lookup("zhuang")]
    assert {"装", "庄", "状", "壮", "撞", "妆", "桩"} <= set(everything)
    assert all(len(text) == 1 for text in everything[:5])


def test_a_syllable_still_being_typed_matches_words_it_starts() -> None:
    assert candidates("minjianjieda")[0] == "民间借贷"
    assert "中国" in candidates("zhongg", 5)


def test_letters_no_syllable_can_spell_give_nothing() -> None:
    assert candidates("") == []
    assert candidates("iii") == []
    assert candidates("'''") == []


def test_limit_and_case_are_respected() -> None:
    assert len(candidates("shi", 3)) == 3
    assert candidates("YuanGao", 3) == candidates("yuangao", 3)


def test_pager_walks_through_distinct_pages_and_stops_at_the_ends() -> None:
    pager = CandidatePager("shi", page_size=5)
    first = [c.text for c in pager.page()]
    assert not pager.has_previous() and pager.has_next()
    second = [c.text for c in pager.next()]
    assert len(second) == 5 and not set(first) & set(second)
    assert [c.text for c in pager.previous()] == first
    assert [c.text for c in pager.previous()] == first
    while pager.has_next():
        pager.next()
    assert pager.page_number == pager.page_count - 1
    assert pager.next() == pager.page()


def test_pager_refuses_an_empty_page_size() -> None:
    with pytest.raises(ValueError):
        CandidatePager("shi", page_size=0)


def test_lexicon_is_cached_under_a_name_that_changes_with_its_sources() -> None:
    lexicon.shared()
    path = lexicon.cache_file()
    assert path.is_file()
    assert lexicon.source_digest() in path.name
