"""Case numbers (案号) under 《关于人民法院案件案号的若干规定》 (法〔2015〕137号, revised by 法〔2018〕335号).

Shape: ``(年度)`` + court code + optional special-trial code + type code + sequence + ``号`` + optional
``之一``. Visitors copy numbers from printed documents (full-width brackets) or type them (ASCII brackets,
spaces, full-width digits from a Chinese IME), so all of these are accepted and :func:`format` gives
back the printed, canonical form with full-width brackets.

The court code is checked by pattern only (abbreviation + 0, 2 or 4 digits) because the SPC republishes
the court table from time to time (Art. 12). Type codes are checked against the 2016 standard plus codes
seen in use since (bankruptcy, pre-suit mediation); courts can pass a wider set.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

FIRST_YEAR = 2016
"""The format applies to cases received from 2016-01-01; earlier numbers use the ``字第`` style."""

SUPREME_COURT = "最高法"
SPECIAL_CODES: frozenset[str] = frozenset({"知"})

HIGH_COURT_CODES: dict[str, str] = {
    "京": "北京市",
    "津": "天津市",
    "冀": "河北省",
    "晋": "山西省",
    "内": "内蒙古自治区",
    "辽": "辽宁省",
    "吉": "吉林省",
    "黑": "黑龙江省",
    "沪": "上海市",
    "苏": "江苏省",
    "浙": "浙江省",
    "皖": "安徽省",
    "闽": "福建省",
    "赣": "江西省",
    "鲁": "山东省",
    "豫": "河南省",
    "鄂": "湖北省",
    "湘": "湖南省",
    "粤": "广东省",
    "桂": "广西壮族自治区",
    "琼": "海南省",
    "渝": "重庆市",
    "川": "四川省",
    "黔": "贵州省",
    "云": "云南省",
    "藏": "西藏自治区",
    "陕": "陕西省",
    "甘": "甘肃省",
    "青": "青海省",
    "宁": "宁夏回族自治区",
    "新": "新疆维吾尔自治区",
    "军": "中国人民解放军军事法院",
    "兵": "新疆维吾尔自治区高级人民法院生产建设兵团分院",
}
"""Court-code abbreviations of the high-court level (2015 rules Arts. 4–5): Inner Mongolia is 内, not 蒙."""

TYPE_CODES: frozenset[str] = frozenset(
    """
    刑辖 民辖 民辖终 民辖监 行辖 行辖终 赔辖 赔辖终
    刑初 刑终 刑监 刑申 刑抗 刑再 刑没 刑核 刑医 刑医解 刑医复 刑医监 刑止 刑止调 刑止核 刑更 刑更监 刑更备 刑他
    民初 民终 民监 民申 民抗 民再 民撤 民特 民特监 民催 民督 民督监 民破 民算 民他
    行初 行终 行监 行申 行抗 行再 行审 行审复 行他 行赔初 行赔终 行赔监 行赔申 行赔抗 行赔再
    法赔 委赔 委赔监 委赔提 委赔再 赔他
    司救刑 司救民 司救行 司救赔 司救执 司救访 司救他
    认台 认港 认澳 认复 认他 请台送 请港送 请澳送 台请送 港请送 澳请送 请台调 请港调 请澳调 台请调 港请调 澳请调
    请移管 助移管 请移赃 助移赃 协外认 协他 协外送 请外送 协外调 请外调 请外移 协外移 请外引 协外引
    司惩 司惩复
    财保 行保 行保复 证保
    执 执恢 执保 执异 执复 执监 执协 执他
    破申 破 破终 破监 强清申 强清 强清终
    诉前调确 诉前调书 民诉前调
    """.split()
)

RANDOM_SEQUENCE_TYPES: frozenset[str] = frozenset({"刑核"})
"""Death-penalty review numbers are fixed-length 8-digit random numbers (2015 rules Art. 10(2))."""
RANDOM_SEQUENCE_DIGITS = 8

_TRANSLATE = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, "（": "(", "）": ")", "〔": "(", "〕": ")"}
)
_WHITESPACE = re.compile(r"\s+")
_YEAR = re.compile(r"\((\d*)\)")
_COURT = re.compile(rf"({SUPREME_COURT}|[{''.join(HIGH_COURT_CODES)}])(\d*)")
_TYPE_LETTERS = re.compile(r"(?:(?!号)[\u4e00-\u9fff])+")
_SEQUENCE = re.compile(r"\d+")
_SUFFIX = re.compile(r"之(?:[一二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)")


@dataclass(frozen=True)
class CaseNumber:
    """A parsed case number; ``str()`` and :meth:`format` give the canonical printed form."""

    year: int
    court_code: str
    special_code: str | None
    type_code: str
    seq: int
    suffix: str | None

    @property
    def court_level(self) -> str:
        """``supreme``, ``high``, ``intermediate`` or ``basic``, read from the shape of the court code."""
        if self.court_code == SUPREME_COURT:
            return "supreme"
        return {0: "high", 2: "intermediate", 4: "basic"}[len(self.court_code) - 1]

    def format(self) -> str:
        """The printed form: full-width brackets, no spaces."""
        width = RANDOM_SEQUENCE_DIGITS if self.type_code in RANDOM_SEQUENCE_TYPES else 1
        return (
            f"（{self.year}）{self.court_code}{self.special_code or ''}{self.type_code}"
            f"{self.seq:0{width}d}号{self.suffix or ''}"
        )

    def __str__(self) -> str:
        return self.format()


def parse(text: str, *, today: date | None = None, type_codes: Collection[str] = TYPE_CODES) -> CaseNumber:
    """Parse a case number, raising ``ValueError`` that says what is wrong with it."""
    rest = normalise(text)
    if not rest:
        raise ValueError("the case number is empty")
    if "字第" in rest:
        raise ValueError("this is a pre-2016 case number (…字第…号); only the current format is supported")
    year_match = _YEAR.match(rest)
    if year_match is None or len(year_match[1]) != 4:
        raise ValueError("a case number starts with the four-digit filing year in brackets, e.g. (2024)")
    year = int(year_match[1])
    current_year = (today or date.today()).year
    if year < FIRST_YEAR:
        raise ValueError(f"the year {year} is before {FIRST_YEAR}, when the current format began")
    if year > current_year:
        raise ValueError(f"the year {year} is in the future")
    rest = rest[year_match.end() :]

    court_match = _COURT.match(rest)
    if court_match is None:
        raise ValueError("the court code must be 最高法 or a province abbreviation such as 京 or 粤")
    court_code = _court_code(court_match[1], court_match[2])
    rest = rest[court_match.end() :]

    letters_match = _TYPE_LETTERS.match(rest)
    if letters_match is None:
        raise ValueError("the case type (e.g. 民初) is missing after the court code")
    special_code, type_code = _split_type(letters_match[0], type_codes)
    rest = rest[letters_match.end() :]

    seq_match = _SEQUENCE.match(rest)
    if seq_match is None:
        raise ValueError("the sequence number is missing after the case type")
    seq = _sequence(seq_match[0], type_code)
    rest = rest[seq_match.end() :]

    if not rest.startswith("号"):
        raise ValueError("a case number ends with 号 after the sequence number")
    suffix = rest[1:] or None
    if suffix is not None and _SUFFIX.fullmatch(suffix) is None:
        raise ValueError(f"unexpected text after 号: {suffix!r} (only 之一, 之二 … may follow)")
    return CaseNumber(year, court_code, special_code, type_code, seq, suffix)


def format(case_number: CaseNumber) -> str:
    """The canonical printed form of ``case_number``."""
    return case_number.format()


def normalise(text: str) -> str:
    """Half-width digits and ASCII brackets, no whitespace: the form :func:`parse` works on."""
    return _WHITESPACE.sub("", text.translate(_TRANSLATE))


def _court_code(abbreviation: str, digits: str) -> str:
    if abbreviation == SUPREME_COURT and digits:
        raise ValueError("最高法 takes no digits after it")
    if len(digits) not in (0, 2, 4):
        raise ValueError(
            f"the court code {abbreviation}{digits} must have 2 digits (intermediate court) "
            "or 4 digits (basic court) after the abbreviation, or none (high court)"
        )
    return abbreviation + digits


def _split_type(letters: str, type_codes: Collection[str]) -> tuple[str | None, str]:
    if letters in type_codes:
        return None, letters
    if letters[0] in SPECIAL_CODES and letters[1:] in type_codes:
        return letters[0], letters[1:]
    raise ValueError(f"unknown case type {letters!r}")


def _sequence(digits: str, type_code: str) -> int:
    if type_code in RANDOM_SEQUENCE_TYPES:
        if len(digits) != RANDOM_SEQUENCE_DIGITS:
            raise ValueError(f"a {type_code} case number has an {RANDOM_SEQUENCE_DIGITS}-digit number")
        return int(digits)
    if digits.startswith("0"):
        raise ValueError("the sequence number starts at 1 and has no leading zeros")
    return int(digits)
