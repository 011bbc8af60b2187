"""Payment codes scanned at the kiosk: provider by prefix, plausibility by length."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.payment_code import (
    DEFAULT_RULES,
    PaymentCodeProblem,
    PaymentCodeRule,
    Provider,
    check_payment_code,
)


@pytest.mark.parametrize(
    ("code", "provider"),
    [
        ("134567890123456789", Provider.WECHAT),
        ("104567890123456789", Provider.WECHAT),
        ("154567890123456789\r\n", Provider.WECHAT),
        ("2812345678901234", Provider.ALIPAY),
        ("251234567890123456789012", Provider.ALIPAY),
        ("301234567890123456", Provider.ALIPAY),
        ("6212345678901234567", Provider.UNIONPAY),
    ],
)
def test_plausible_codes_name_their_provider(code: str, provider: Provider) -> None:
    result = check_payment_code(code)
    assert result.valid
    assert result.provider is provider
    assert result.problem is None


@pytest.mark.parametrize(
    ("code", "provider", "problem"),
    [
        ("", None, PaymentCodeProblem.EMPTY),
        ("  \n", None, PaymentCodeProblem.EMPTY),
        ("13456789012345678A", None, PaymentCodeProblem.NOT_DIGITS),
        ("1345 6789 0123 4567 89", None, PaymentCodeProblem.NOT_DIGITS),
        ("https://qr.95516.com/00010000/62", None, PaymentCodeProblem.NOT_DIGITS),
        ("164567890123456789", None, PaymentCodeProblem.UNKNOWN_PROVIDER),
        ("244567890123456789", None, PaymentCodeProblem.UNKNOWN_PROVIDER),
        ("314567890123456789", None, PaymentCodeProblem.UNKNOWN_PROVIDER),
        ("13456789012345678", Provider.WECHAT, PaymentCodeProblem.LENGTH),
        ("1345678901234567890", Provider.WECHAT, PaymentCodeProblem.LENGTH),
        ("281234567890123", Provider.ALIPAY, PaymentCodeProblem.LENGTH),
        ("2812345678901234567890123", Provider.ALIPAY, PaymentCodeProblem.LENGTH),
        ("621234567890123456", Provider.UNIONPAY, PaymentCodeProblem.LENGTH),
    ],
)
def test_implausible_codes_say_why(code: str, provider: Provider | None, problem: PaymentCodeProblem) -> None:
    result = check_payment_code(code)
    assert not result.valid
    assert result.provider is provider
    assert result.problem is problem


def test_the_result_never_holds_the_code() -> None:
    code = "134567890123456789"
    assert code not in repr(check_payment_code(code))


def test_a_court_can_replace_the_rules() -> None:
    wider_unionpay = (*DEFAULT_RULES[:2], PaymentCodeRule(Provider.UNIONPAY, ("62",), 16, 19))
    assert check_payment_code("6212345678901234").problem is PaymentCodeProblem.LENGTH
    assert check_payment_code("6212345678901234", wider_unionpay).valid


@given(
    st.sampled_from(["10", "11", "12", "13", "14", "15"]),
    st.text(alphabet="0123456789", min_size=16, max_size=16),
)
def test_every_wechat_shaped_code_is_wechat(prefix: str, rest: str) -> None:
    assert check_payment_code(prefix + rest).provider is Provider.WECHAT
