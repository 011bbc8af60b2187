"""Money as ``Decimal`` yuan: parsing, rounding to the fen and display.

Fees are computed exactly and rounded half-up to the fen (0.01 yuan) once, at the end, because that is
how judgments state them ("减半收取计6,367.45元"); rounding per step would drift by a fen.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")

Amount = Decimal | int | float | str

_CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CAPITAL_PLACES = ("", "拾", "佰", "仟")
_CAPITAL_GROUPS = ("", "万", "亿", "万亿")


def to_decimal(value: Amount) -> Decimal:
    """An amount of yuan as an exact ``Decimal``.

    Accepts ``Decimal``, ``int``, ``str`` (thousands separators and a leading ¥ are allowed, as people
    type them) and ``float``. A float goes through ``str()``, whose shortest round-tripping form is the
    literal the caller wrote (``0.1`` stays ``Decimal("0.1")``), so no binary artefacts get into a fee.
    ``bool`` is refused although it is an ``int``: ``True`` yuan is always a bug.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float | str):
        raise ValueError(f"an amount must be a number or a numeric string, not {type(value).__name__}")
    if isinstance(value, str):
        text = value.strip().lstrip("¥￥").replace(",", "").replace("，", "").strip()
    else:
        text = str(value)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None
    if not amount.is_finite():
        raise ValueError(f"an amount must be finite, not {value!r}")
    return amount


def round_fen(amount: Decimal) -> Decimal:
    """Round half-up to the fen, the precision courts state fees in."""
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def format_yuan(amount: Decimal) -> str:
    """Screen and receipt style: ``¥1,234.50`` (a minus sign goes before the ¥)."""
    rounded = round_fen(amount)
    sign = "-" if rounded < 0 else ""
    return f"{sign}¥{abs(rounded):,.2f}"


def format_yuan_zh(amount: Decimal) -> str:
    """Chinese running-text style as used in judgments: ``1,234.50元``."""
    return f"{round_fen(amount):,.2f}元"


def to_capital(amount: Decimal) -> str:
    """The amount in capital numerals (大写金额), as payment slips print it: ``壹仟贰佰叁拾肆元伍角``.

    Follows the bill-writing rules of 《支付结算办法》: a run of zeros inside the number is written as
    one 零; a zero 角 before a non-zero 分 is written (``元零伍分``); an amount ending at 元 or 角 gets
    整, one ending at 分 does not; under one yuan no 零元 is written.
    """
    rounded = round_fen(amount)
    sign = "负" if rounded < 0 else ""
    fen_total = int(abs(rounded) * 100)
    yuan, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    if fen_total == 0:
        return "零元整"
    text = _capital_integer(yuan) + "元" if yuan else ""
    if jiao:
        text += _CAPITAL_DIGITS[jiao] + "角"
    elif fen and yuan:
        text += "零"
    if fen:
        return sign + text + _CAPITAL_DIGITS[fen] + "分"
    return sign + text + "整"


def _capital_integer(number: int) -> str:
    """Capital numerals for a positive whole number, grouped by 万 and 亿."""
    groups: list[int] = []
    while number:
        groups.append(number % 10_000)
        number //= 10_000
    text = ""
    pending_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            pending_zero = bool(text)
            continue
        if text and (pending_zero or group < 1000):
            text += "零"
        text += _capital_group(group) + _CAPITAL_GROUPS[index]
        pending_zero = False
    return text


def _capital_group(group: int) -> str:
    """Capital numerals for 1–9999, with one 零 for each run of inner zeros."""
    digits = f"{group:04d}".lstrip("0")
    text = ""
    zero_run = False
    for position, char in enumerate(digits):
        place = len(digits) - 1 - position
        if char == "0":
            zero_run = True
            continue
        if zero_run:
            text += "零"
            zero_run = False
        text += _CAPITAL_DIGITS[int(char)] + _CAPITAL_PLACES[place]
    return text
