"""Unified social credit codes (统一社会信用代码, GB 32100-2015) of organisations that are parties.

The check character is python-stdnum's (``stdnum.cn.uscc``). Its ``validate`` also requires the first two
characters to be digits, but GB 32100 lets registration authorities use letters: A (军队改革编制部门) and
N (农业), as in the ``N2…`` codes of village collective economic organisations, which are frequent parties
in land disputes. So the structure is checked here and only the check character is delegated.
"""

from __future__ import annotations

import re
from enum import StrEnum

from stdnum.cn import uscc

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""Digits and capitals without I, O, Z, S, V."""

REGISTRATION_AUTHORITIES: dict[str, str] = {
    "1": "机构编制",
    "2": "外交",
    "3": "司法行政",
    "4": "文化",
    "5": "民政",
    "6": "旅游",
    "7": "宗教",
    "8": "工会",
    "9": "市场监管（工商）",
    "A": "中央军委改革和编制办公室",
    "N": "农业",
    "Y": "其他",
}
"""First character: the authority that registered the organisation (GB 32100-2015)."""

_SHAPE = re.compile(rf"[{ALPHABET}]{{2}}[0-9]{{6}}[{ALPHABET}]{{10}}")


class CreditCodeProblem(StrEnum):
    """What is wrong with a code (values are translation-key suffixes)."""

    EMPTY = "empty"
    LENGTH = "length"
    CHARACTERS = "characters"
    AUTHORITY = "authority"
    CHECK_CHARACTER = "check_character"


class InvalidCreditCode(ValueError):
    """An invalid code; ``problem`` says which rule it breaks."""

    def __init__(self, problem: CreditCodeProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


def check_credit_code(text: str) -> str:
    """The code without separators and in capitals, or ``InvalidCreditCode`` saying what is wrong."""
    code = uscc.compact(text)
    if not code:
        raise InvalidCreditCode(CreditCodeProblem.EMPTY, "the unified social credit code is empty")
    if len(code) != 18:
        raise InvalidCreditCode(
            CreditCodeProblem.LENGTH, f"a unified social credit code has 18 characters, this one has {len(code)}"
        )
    if not _SHAPE.fullmatch(code):
        raise InvalidCreditCode(
            CreditCodeProblem.CHARACTERS,
            "characters 3-8 are digits; the others are digits or capitals other than I, O, Z, S, V",
        )
    if code[0] not in REGISTRATION_AUTHORITIES:
        raise InvalidCreditCode(CreditCodeProblem.AUTHORITY, f"{code[0]} is not a registration authority")
    if uscc.calc_check_digit(code[:17]) != code[17]:
        raise InvalidCreditCode(
            CreditCodeProblem.CHECK_CHARACTER, "the check character does not match: a character is mistyped"
        )
    return code


def is_valid_credit_code(text: str) -> bool:
    """Whether ``text`` is a well-formed unified social credit code."""
    try:
        check_credit_code(text)
    except InvalidCreditCode:
        return False
    return True


def credit_code_problem(text: str) -> CreditCodeProblem | None:
    """The problem with ``text``, or ``None`` when it is valid: for a form field's inline message."""
    try:
        check_credit_code(text)
    except InvalidCreditCode as invalid:
        return invalid.problem
    return None
