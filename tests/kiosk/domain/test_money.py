"""Money parsing, fen rounding and display."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kiosk.domain.money import format_yuan, format_yuan_zh, round_fen, to_capital, to_decimal

D = Decimal


class TestToDecimal:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (D("12.5"), "12.5"),
            (12, "12"),
            ("12.50", "12.50"),
            (" 1,234.5 ", "1234.5"),
            ("¥1,234", "1234"),
            ("￥1，234", "1234"),
            (0.1, "0.1"),
            (1234.56, "1234.56"),
        ],
    )
    def test_accepted_forms(self, value: object, expected: str) -> None:
        assert to_decimal(value) == D(expected)  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [True, None, [1], "twelve", "", "nan", float("inf")])
    def test_refused_forms(self, value: object) -> None:
        with pytest.raises(ValueError):
            to_decimal(value)  # type: ignore[arg-type]


class TestRoundFen:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [("0.005", "0.01"), ("0.004999", "0.00"), ("2.675", "2.68"), ("-0.005", "-0.01"), ("7", "7.00")],
    )
    def test_half_up_to_the_fen(self, value: str, expected: str) -> None:
        assert str(round_fen(D(value))) == expected


class TestDisplay:
    def test_screen_style(self) -> None:
        assert format_yuan(D("1234.5")) == "¥1,234.50"
        assert format_yuan(D("0.005")) == "¥0.01"
        assert format_yuan(D("-3")) == "-¥3.00"

    def test_running_text_style(self) -> None:
        assert format_yuan_zh(D("6367.45")) == "6,367.45元"

    @pytest.mark.parametrize(
        ("value", "capital"),
        [
            ("0", "零元整"),
            ("0.5", "伍角整"),
            ("0.05", "伍分"),
            ("10", "壹拾元整"),
            ("1234.5", "壹仟贰佰叁拾肆元伍角整"),
            ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
            ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
            ("10005", "壹万零伍元整"),
            ("100000", "壹拾万元整"),
            ("107000.53", "壹拾万柒仟元伍角叁分"),
            ("1001000", "壹佰万壹仟元整"),
            ("100000005", "壹亿零伍元整"),
            ("300000", "叁拾万元整"),
            ("-25", "负贰拾伍元整"),
        ],
    )
    def test_capital_numerals_follow_the_bill_writing_rules(self, value: str, capital: str) -> None:
        assert to_capital(D(value)) == capital
