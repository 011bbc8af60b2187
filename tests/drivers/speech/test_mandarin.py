"""Chinese text to toned pinyin: word-aware readings, numbers read in Chinese, pauses kept."""

from __future__ import annotations

import pytest

from drivers.speech.mandarin import cardinal, number_to_hanzi, to_pinyin


@pytest.mark.parametrize(
    ("text", "pinyin"),
    [
        ("银行", "yin2 hang2"),
        ("重庆", "chong2 qing4"),
        ("重新", "chong2 xin1"),
        ("长辈", "zhang3 bei4"),
        ("你好", "ni2 hao3"),  # third-tone sandhi, since espeak-ng reads tones as written
        ("请到窗口。好的", "qing3 dao4 chuang1 kou3. hao3 de5"),
    ],
)
def test_words_get_their_reading(text: str, pinyin: str) -> None:
    assert to_pinyin(text) == pinyin


@pytest.mark.parametrize(
    ("value", "hanzi"),
    [(0, "零"), (7, "七"), (10, "十"), (15, "十五"), (105, "一百零五"), (110, "一百一十"), (1005, "一千零五"),
     (1050, "一千零五十"), (2000, "两千"), (10500, "一万零五百"), (100000, "十万"), (1000001, "一百万零一"),
     (12345678, "一千二百三十四万五千六百七十八")],
)
def test_cardinal_numbers(value: int, hanzi: str) -> None:
    assert cardinal(value) == hanzi


@pytest.mark.parametrize(
    ("number", "before", "after", "hanzi"),
    [
        ("30", "", "秒", "三十"),
        ("1,050.50", "", "元", "一千零五十点五零"),
        ("2024", "", "年", "二零二四"),
        ("2024", "(", ")", "二零二四"),
        ("0105", "京", "民", "零一零五"),
        ("13800138000", "", "", "一三八零零一三八零零零"),
        ("50%", "", "", "百分之五十"),
    ],
)
def test_numbers_are_read_as_amounts_years_or_codes(number: str, before: str, after: str, hanzi: str) -> None:
    assert number_to_hanzi(number, before, after) == hanzi


def test_a_case_number_is_read_the_way_the_clerk_reads_it() -> None:
    assert to_pinyin("(2024)京0105民初123号") == (
        "er4 ling2 er4 si4 jing1 ling2 yi1 ling2 wu3 min2 chu1 yi4 bai3 er4 shi2 san1 hao4"
    )


def test_symbols_espeak_only_knows_in_english_are_replaced_or_silent() -> None:
    assert to_pinyin("大字＋语音（“帮助”）") == "da4 zi4 jia1 yu3 yin1 bang1 zhu4"


def test_punctuation_becomes_pauses() -> None:
    assert to_pinyin("立案、查询：缴费！") == "li4 an4, cha2 xun2, jiao3 fei4."
