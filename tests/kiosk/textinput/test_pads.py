"""Pads for amounts, phone numbers, ID numbers and case numbers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kiosk.domain.identity import check_character
from kiosk.textinput.layouts import LayoutName, layout
from kiosk.textinput.pads import (
    BACKSPACE,
    CLEAR,
    AmountPad,
    CaseNumberPad,
    IdNumberPad,
    PhonePad,
    Status,
)

VALID_ID = "11010519491231002X"


def id_number(first17: str) -> str:
    return first17 + check_character(first17)


class TestAmountPad:
    def test_two_decimals_at_most(self) -> None:
        pad = AmountPad()
        assert pad.type("1234.56") == "1234.56"
        assert not pad.press("7")
        assert pad.value() == Decimal("1234.56")
        assert pad.status is Status.VALID

    def test_one_decimal_point_and_a_leading_zero_before_it(self) -> None:
        pad = AmountPad()
        assert pad.press(".") and pad.text == "0."
        assert not pad.press(".")
        assert pad.status is Status.TYPING
        pad.type("5")
        assert pad.value() == Decimal("0.5")

    def test_no_leading_zeros(self) -> None:
        pad = AmountPad()
        pad.press("0")
        assert not pad.press("0") and not pad.press("7")
        assert pad.status is Status.INVALID and pad.problem == "pad.amount.zero"

    def test_integer_digits_are_bounded(self) -> None:
        pad = AmountPad(max_integer_digits=3)
        assert pad.type("12345") == "123"

    def test_only_digits_and_the_point(self) -> None:
        pad = AmountPad()
        assert not pad.press("-") and not pad.press("a") and not pad.press("５")
        assert pad.status is Status.EMPTY

    def test_backspace_and_clear(self) -> None:
        pad = AmountPad()
        pad.type("12.5")
        assert pad.press(BACKSPACE) and pad.text == "12."
        assert pad.press(CLEAR) and pad.text == ""
        assert not pad.press(BACKSPACE)


class TestPhonePad:
    def test_mobile_number(self) -> None:
        pad = PhonePad()
        assert pad.type("138001380001") == "13800138000"
        assert pad.status is Status.VALID

    def test_mobile_numbers_do_not_start_with_10_11_12(self) -> None:
        pad = PhonePad()
        pad.type("12")
        assert pad.status is Status.INVALID and pad.problem == "pad.phone.mobile_prefix"

    def test_landline_with_area_code(self) -> None:
        pad = PhonePad()
        pad.type("01012345")
        assert pad.status is Status.TYPING
        pad.type("678")
        assert pad.status is Status.VALID
        assert pad.type("99") == "010123456789"

    def test_only_digits(self) -> None:
        assert not PhonePad().press("-")


class TestIdNumberPad:
    def test_a_valid_number_is_reported_valid_when_complete(self) -> None:
        pad = IdNumberPad()
        for key in VALID_ID[:-1]:
            assert pad.press(key)
            assert pad.status is Status.TYPING
        assert pad.press("x")
        assert pad.text == VALID_ID and pad.status is Status.VALID and pad.problem is None

    def test_x_only_in_the_last_place(self) -> None:
        pad = IdNumberPad()
        assert not pad.press("X")
        pad.type("11010519491231002")
        assert pad.press("X")

    def test_no_more_than_eighteen_characters(self) -> None:
        pad = IdNumberPad()
        pad.type(VALID_ID)
        assert not pad.press("1")

    def test_a_wrong_check_character_is_invalid_with_its_reason(self) -> None:
        pad = IdNumberPad()
        pad.type(VALID_ID[:-1] + "1")
        assert pad.status is Status.INVALID
        assert pad.problem == "pad.id.check_character"

    @pytest.mark.parametrize("prefix", ["1101053", "11010521", "110105194913", "1101051949014", "11010519490132"])
    def test_an_impossible_birth_date_is_flagged_as_it_is_typed(self, prefix: str) -> None:
        pad = IdNumberPad()
        pad.type(prefix)
        assert pad.status is Status.INVALID
        assert pad.problem == "pad.id.birth_date"

    def test_backspace_recovers_from_a_wrong_digit(self) -> None:
        pad = IdNumberPad()
        pad.type("110105194913")
        pad.press(BACKSPACE)
        assert pad.status is Status.TYPING
        pad.type("231002X")
        assert pad.status is Status.VALID

    def test_numbers_made_with_the_domain_check_character_are_valid(self) -> None:
        for first17 in ("44030419851111123", "31011520001229456", "51010719700101001"):
            pad = IdNumberPad()
            pad.type(id_number(first17))
            assert pad.status is Status.VALID


class TestCaseNumberPad:
    def test_a_number_built_from_keys_is_valid(self) -> None:
        pad = CaseNumberPad()
        for key in ["（2024）", "京", "0105", "民初", "1", "2", "3", "号"]:
            assert pad.press(key)
        assert pad.text == "（2024）京0105民初123号"
        assert pad.status is Status.VALID

    def test_typing_until_number_sign(self) -> None:
        pad = CaseNumberPad()
        for key in ["（2024）", "粤", "0", "3", "执"]:
            pad.press(key)
        assert pad.status is Status.TYPING

    def test_backspace_removes_a_whole_part(self) -> None:
        pad = CaseNumberPad()
        for key in ["（2024）", "京", "民初"]:
            pad.press(key)
        pad.press(BACKSPACE)
        assert pad.text == "（2024）京"

    def test_suffix_only_right_after_the_number_sign(self) -> None:
        pad = CaseNumberPad()
        assert not pad.press("之一")
        for key in ["（2018）", "沪", "01", "民初", "9", "3", "7", "号"]:
            pad.press(key)
        assert not pad.press("1")
        assert pad.press("之一")
        assert not pad.press("之二")
        assert pad.status is Status.VALID

    def test_a_malformed_number_is_invalid(self) -> None:
        pad = CaseNumberPad()
        for key in ["（2024）", "京", "1", "号"]:
            pad.press(key)
        assert pad.status is Status.INVALID
        assert pad.problem == "pad.case_number.shape"

    def test_every_key_of_the_case_number_layout_is_accepted_by_the_pad(self) -> None:
        keys = layout(LayoutName.CASE_NUMBER, today=date(2026, 5, 1)).keys()
        for key in keys:
            if key.action is None:
                pad = CaseNumberPad()
                if key.value.startswith("之"):
                    pad.press("（2024）京01民终5号")
                assert pad.press(key.value), key.label
