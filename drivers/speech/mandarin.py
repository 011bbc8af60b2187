"""Chinese text as toned pinyin for espeak-ng's ``cmn-latn-pinyin`` voice.

espeak-ng 1.51's ``cmn`` voice reads hanzi as English words, and ``cmn-latn-pinyin`` picks wrong
readings for polyphonic characters (银行 as yin xing). pypinyin knows readings by word, so we hand
espeak-ng pinyin with tone numbers (``yin2 hang2``). Digits become Chinese numerals first, so
numbers are read the way a person at the counter would read them, and symbols that espeak-ng only
knows in English ("+" makes it switch to its English voice) are replaced or turned into pauses.
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
#: Integers longer than this are codes (phone, ID, case sequence), read digit by digit.
MAX_CARDINAL_DIGITS = 8

_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
_PAUSE_LONG = re.compile(r"[。！？；!?;]+|\.(?!\d)")
_PAUSE_SHORT = re.compile(r"[，、：,:·…—~\-/|]+")
#: Brackets and quotes carry no sound of their own; a space keeps words apart.
_SILENT = re.compile(r"[()\[\]{}<>《》〈〉【】〔〕「」『』“”‘’\"'*#_`]+")
_YEAR_BRACKETS = {("(", ")"), ("[", "]"), ("〔", "〕")}
_SYMBOLS = {"+": "加", "=": "等于", "&": "和", "@": "艾特", "￥": "元", "¥": "元", "℃": "摄氏度"}


def _four_digits(value: int) -> str:
    """0 < value < 10000 as 一千零五十; zeros inside are spoken once, trailing zeros not at all."""
    text, zero = "", False
    for power in (3, 2, 1, 0):
        digit = value // 10**power % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += DIGITS[digit] + _SMALL_UNITS[power]
    return text


def cardinal(value: int) -> str:
    """A non-negative integer below 10^8 in Chinese numerals: 10500 → 一万零五百, 15 → 十五."""
    if value == 0:
        return "零"
    high, low = divmod(value, 10000)
    if high == 0:
        text = _four_digits(low)
    else:
        text = _four_digits(high) + "万"
        if low:
            text += ("零" if low < 1000 else "") + _four_digits(low)
    # 十五, not 一十五; 两万, not 二万: only at the very start of a number.
    if text.startswith("一十"):
        return text[1:]
    return "两" + text[1:] if text[:2] in ("二千", "二万") else text


def digit_by_digit(digits: str) -> str:
    """Codes, years and phone numbers: 2024 → 二零二四."""
    return "".join(DIGITS[int(d)] for d in digits)


def number_to_hanzi(number: str, before: str = "", after: str = "") -> str:
    """One number as written (``1,050.5``, ``30%``, ``0105``) in Chinese numerals.

    ``before`` and ``after`` are the characters around it: a four-digit number before 年 or in
    brackets, as in case numbers (``(2024)京0105民初123号``), is a year.
    """
    percent = number.endswith("%")
    number = number.rstrip("%").replace(",", "")
    whole, _, fraction = number.partition(".")
    is_code = (len(whole) > 1 and whole.startswith("0")) or len(whole) > MAX_CARDINAL_DIGITS
    is_year = len(whole) == 4 and (after == "年" or (before, after) in _YEAR_BRACKETS)
    if is_code or is_year:
        text = digit_by_digit(whole)
    else:
        text = cardinal(int(whole))
    if fraction:
        text += "点" + digit_by_digit(fraction)
    return "百分之" + text if percent else text


def numbers_to_hanzi(text: str) -> str:
    """Every number in ``text`` replaced by its Chinese reading."""

    def replace(match: re.Match[str]) -> str:
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        return number_to_hanzi(match.group(), before, after)

    return _NUMBER.sub(replace, text)


def to_pinyin(text: str) -> str:
    """``text`` as space-separated toned pinyin (``yin2 hang2``) with ASCII punctuation for pauses.

    Tone sandhi is applied (你好 → ni2 hao3) because espeak-ng reads tone numbers as written.
    """
    text = unicodedata.normalize("NFKC", text)
    for symbol, word in _SYMBOLS.items():
        text = text.replace(symbol, word)
    text = numbers_to_hanzi(text)
    text = _PAUSE_LONG.sub(" . ", text)
    text = _PAUSE_SHORT.sub(" , ", text)
    text = _SILENT.sub(" ", text)
    syllables = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, tone_sandhi=True)
    spoken = " ".join(part.strip() for part in syllables if part.strip())
    return re.sub(r"\s+([.,])", r"\1", spoken)
