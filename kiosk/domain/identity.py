"""Resident ID numbers (公民身份号码) under GB 11643-1999.

Structure: 6-digit address code, birth date YYYYMMDD, 3-digit sequence (odd for men, even for women),
check character by ISO 7064 MOD 11-2.

A number is accepted when its structure, check character, calendar date (not in the future, not before
1900) and province are right. The county part is deliberately not checked against the birth year, as
python-stdnum's ``cn.ric.validate`` does: the code reflects where a card was issued, so genuine numbers of
people born before their county code existed (most counties before 1983, Chongqing before 1997) would be
refused. stdnum's place table is used only to display the region.

Decisions: HK/Macao/Taiwan residence permits (810000, 820000, 830000) share the format and are accepted.
First-generation 15-digit numbers are refused with their own reason (those cards stopped being valid on
2013-01-01). The 2023 foreign permanent-resident card (18 characters starting with 9) is a different
document and is not a resident ID number here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from stdnum import numdb

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"
EARLIEST_BIRTH = date(1900, 1, 1)

PROVINCE_CODES: dict[str, str] = {
    "11": "北京市",
    "12": "天津市",
    "13": "河北省",
    "14": "山西省",
    "15": "内蒙古自治区",
    "21": "辽宁省",
    "22": "吉林省",
    "23": "黑龙江省",
    "31": "上海市",
    "32": "江苏省",
    "33": "浙江省",
    "34": "安徽省",
    "35": "福建省",
    "36": "江西省",
    "37": "山东省",
    "41": "河南省",
    "42": "湖北省",
    "43": "湖南省",
    "44": "广东省",
    "45": "广西壮族自治区",
    "46": "海南省",
    "50": "重庆市",
    "51": "四川省",
    "52": "贵州省",
    "53": "云南省",
    "54": "西藏自治区",
    "61": "陕西省",
    "62": "甘肃省",
    "63": "青海省",
    "64": "宁夏回族自治区",
    "65": "新疆维吾尔自治区",
    "81": "香港特别行政区",
    "82": "澳门特别行政区",
    "83": "台湾地区",
}
"""Provincial prefixes of GB/T 2260 in use on ID numbers, plus the residence-permit prefixes 81–83."""

_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_LEGACY_SHAPE = re.compile(r"[0-9]{15}")
_FULL_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "Ｘ": "X", "ｘ": "X"})


class IdProblem(StrEnum):
    """What is wrong with a number, for the screen to explain (values are translation-key suffixes)."""

    EMPTY = "empty"
    LEGACY_15_DIGITS = "legacy_15_digits"
    LENGTH = "length"
    CHARACTERS = "characters"
    PROVINCE = "province"
    BIRTH_DATE = "birth_date"
    BIRTH_IN_FUTURE = "birth_in_future"
    BIRTH_TOO_EARLY = "birth_too_early"
    CHECK_CHARACTER = "check_character"


class InvalidIdNumber(ValueError):
    """An invalid ID number; ``problem`` says which rule it breaks."""

    def __init__(self, problem: IdProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True)
class _Parts:
    number: str
    birth: date


def normalise(text: str) -> str:
    """Drop whitespace, fold full-width digits (Chinese IMEs) and upper-case the check ``x``."""
    return "".join(text.translate(_FULL_WIDTH).split()).upper()


def check_character(first17: str) -> str:
    """The MOD 11-2 check character for the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def check_id_number(text: str, *, today: date | None = None) -> str:
    """The normalised number, or ``InvalidIdNumber`` saying what is wrong."""
    return _check(text, today or date.today()).number


def is_valid_id_number(text: str, *, today: date | None = None) -> bool:
    """Whether ``text`` is a valid 18-character resident ID number (see the module docstring)."""
    if not isinstance(text, str):
        return False
    try:
        _check(text, today or date.today())
    except InvalidIdNumber:
        return False
    return True


def birth_date(id_number: str) -> date:
    """The birth date encoded in a valid number."""
    return _check(id_number, date.today()).birth


def sex(id_number: str) -> Sex:
    """Sex from the parity of the sequence code: odd for men, even for women."""
    number = check_id_number(id_number)
    return Sex.MALE if int(number[16]) % 2 else Sex.FEMALE


def age_on(id_number: str, day: date) -> int:
    """Completed years on ``day``; someone born on 29 February turns a year older on 1 March."""
    born = birth_date(id_number)
    if day < born:
        raise ValueError(f"{day} is before the birth date")
    had_birthday = (day.month, day.day) >= (born.month, born.day)
    return day.year - born.year - (0 if had_birthday else 1)


def province(id_number: str) -> str:
    """The province-level division of the address code."""
    return PROVINCE_CODES[check_id_number(id_number)[:2]]


def region_name(id_number: str) -> str | None:
    """Province and county by their current names, for display only; ``None`` if the table lacks the code."""
    number = check_id_number(id_number)
    parts = dict(numdb.get("cn/loc").info(number[:6]))
    county = parts.get(number[2:6], {}).get("county")
    if county is None:
        return None
    latest = county.split(",")[-1].rpartition("]")[2]
    name = PROVINCE_CODES[number[:2]]
    return name if latest == name else name + latest


def _check(text: str, today: date) -> _Parts:
    number = normalise(text)
    if not number:
        raise InvalidIdNumber(IdProblem.EMPTY, "the ID number is empty")
    if _LEGACY_SHAPE.fullmatch(number):
        raise InvalidIdNumber(
            IdProblem.LEGACY_15_DIGITS,
            "15-digit first-generation numbers are no longer valid; use the 18-digit number",
        )
    if len(number) != 18:
        raise InvalidIdNumber(
            IdProblem.LENGTH, f"an ID number has 18 characters, this one has {len(number)}"
        )
    if not _SHAPE.fullmatch(number):
        raise InvalidIdNumber(IdProblem.CHARACTERS, "an ID number is 17 digits followed by a digit or X")
    if number[:2] not in PROVINCE_CODES:
        raise InvalidIdNumber(IdProblem.PROVINCE, f"{number[:2]} is not a province code")
    birth = _birth(number[6:14], today)
    if check_character(number[:17]) != number[17]:
        raise InvalidIdNumber(
            IdProblem.CHECK_CHARACTER, "the check character does not match: a digit is mistyped"
        )
    return _Parts(number, birth)


def _birth(text: str, today: date) -> date:
    try:
        birth = date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise InvalidIdNumber(IdProblem.BIRTH_DATE, f"{text} is not a calendar date") from None
    if birth > today:
        raise InvalidIdNumber(IdProblem.BIRTH_IN_FUTURE, f"the birth date {birth} is in the future")
    if birth < EARLIEST_BIRTH:
        raise InvalidIdNumber(
            IdProblem.BIRTH_TOO_EARLY, f"the birth date {birth} is before {EARLIEST_BIRTH}"
        )
    return birth
