"""Unified social credit codes: structure, registration authority and check character."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.organisation import (
    ALPHABET,
    CreditCodeProblem,
    InvalidCreditCode,
    check_credit_code,
    credit_code_problem,
    is_valid_credit_code,
)

WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def with_check(first17: str) -> str:
    """Completed with the GB 32100 check character computed here (weights 3^i mod 31, MOD 31)."""
    total = sum(ALPHABET.index(char) * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return first17 + ALPHABET[(31 - total % 31) % 31]


class TestValidCodes:
    @pytest.mark.parametrize(
        "code",
        ["91110000600037341L", "91350100M000100Y43", "9 1 110000 600037341l", "91110000-600037341L"],
    )
    def test_published_examples_and_typed_variants(self, code: str) -> None:
        assert is_valid_credit_code(code)
        assert credit_code_problem(code) is None

    def test_compact_form_is_returned(self) -> None:
        assert check_credit_code(" 91110000-600037341l ") == "91110000600037341L"

    @pytest.mark.parametrize(
        "first17", ["N2330106MF1234567", "A1110000MB0012345", "Y1440300MA5D12345", "51110000500000000"]
    )
    def test_authorities_with_letters_are_accepted(self, first17: str) -> None:
        assert is_valid_credit_code(with_check(first17))

    @given(
        st.sampled_from("123456789ANY"),
        st.sampled_from(ALPHABET),
        st.text(alphabet="0123456789", min_size=6, max_size=6),
        st.text(alphabet=ALPHABET, min_size=9, max_size=9),
    )
    def test_any_generated_code_passes(self, authority: str, category: str, region: str, body: str) -> None:
        assert is_valid_credit_code(with_check(authority + category + region + body))


class TestInvalidCodes:
    @pytest.mark.parametrize(
        ("code", "problem"),
        [
            ("", CreditCodeProblem.EMPTY),
            ("9111000060003734", CreditCodeProblem.LENGTH),
            ("91110000600037341LL", CreditCodeProblem.LENGTH),
            ("91110000600037341I", CreditCodeProblem.CHARACTERS),
            ("9111O000600037341L", CreditCodeProblem.CHARACTERS),
            ("91A10000600037341L", CreditCodeProblem.CHARACTERS),
            ("911100006000373S1L", CreditCodeProblem.CHARACTERS),
            ("B1110000600037341L", CreditCodeProblem.AUTHORITY),
            ("01110000600037341L", CreditCodeProblem.AUTHORITY),
            ("91110000600037341K", CreditCodeProblem.CHECK_CHARACTER),
            ("91110000600037342L", CreditCodeProblem.CHECK_CHARACTER),
        ],
    )
    def test_reason_is_given(self, code: str, problem: CreditCodeProblem) -> None:
        assert credit_code_problem(code) is problem
        assert not is_valid_credit_code(code)
        with pytest.raises(InvalidCreditCode):
            check_credit_code(code)

    @given(st.integers(min_value=0, max_value=16), st.sampled_from(ALPHABET))
    def test_any_single_character_change_is_caught(self, position: int, replacement: str) -> None:
        code = "91350100M000100Y43"
        changed = code[:position] + replacement + code[position + 1 :]
        if changed != code:
            assert not is_valid_credit_code(changed)
