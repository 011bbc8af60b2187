"""Plausibility of a payment code (付款码) a payer shows to the kiosk's scanner.

The prefix picks the channel to call; the acquirer's answer is the only authority on the code itself,
which is an opaque single-use token. Published shapes: WeChat Pay ``auth_code`` is 18 digits starting
10–15; Alipay 16–24 digits starting 25–30; UnionPay QR payment codes 19 digits starting 62 (length not
confirmed against the UnionPay specification). Providers change these, so the rules are data that a
court's configuration can replace.

The result never holds the code, so it can be logged; the code itself must not be.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Provider(StrEnum):
    WECHAT = "wechat"
    ALIPAY = "alipay"
    UNIONPAY = "unionpay"


class PaymentCodeProblem(StrEnum):
    """Why a scan is not a payment code (values are translation-key suffixes)."""

    EMPTY = "empty"
    NOT_DIGITS = "not_digits"
    UNKNOWN_PROVIDER = "unknown_provider"
    LENGTH = "length"


@dataclass(frozen=True)
class PaymentCodeRule:
    """Codes of ``provider`` start with one of ``prefixes`` and have ``min_length``–``max_length`` digits."""

    provider: Provider
    prefixes: tuple[str, ...]
    min_length: int
    max_length: int


@dataclass(frozen=True)
class PaymentCodeCheck:
    """The provider the prefix points to (even when the length is wrong) and the problem, if any."""

    provider: Provider | None
    problem: PaymentCodeProblem | None

    @property
    def valid(self) -> bool:
        return self.problem is None


DEFAULT_RULES: tuple[PaymentCodeRule, ...] = (
    PaymentCodeRule(Provider.WECHAT, ("10", "11", "12", "13", "14", "15"), 18, 18),
    PaymentCodeRule(Provider.ALIPAY, ("25", "26", "27", "28", "29", "30"), 16, 24),
    PaymentCodeRule(Provider.UNIONPAY, ("62",), 19, 19),
)

_DIGITS = re.compile(r"[0-9]+")


def check_payment_code(code: str, rules: Sequence[PaymentCodeRule] = DEFAULT_RULES) -> PaymentCodeCheck:
    """Which provider a scanned code belongs to and whether its shape is plausible.

    Surrounding whitespace is dropped because scanners in keyboard mode end a scan with CR/LF.
    """
    text = code.strip()
    if not text:
        return PaymentCodeCheck(None, PaymentCodeProblem.EMPTY)
    if not _DIGITS.fullmatch(text):
        return PaymentCodeCheck(None, PaymentCodeProblem.NOT_DIGITS)
    for rule in rules:
        if text.startswith(rule.prefixes):
            if rule.min_length <= len(text) <= rule.max_length:
                return PaymentCodeCheck(rule.provider, None)
            return PaymentCodeCheck(rule.provider, PaymentCodeProblem.LENGTH)
    return PaymentCodeCheck(None, PaymentCodeProblem.UNKNOWN_PROVIDER)
