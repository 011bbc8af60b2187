"""Case numbers: the 2016 format as revised in 2018, in the variants visitors type."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain import case_number
from kiosk.domain.case_number import HIGH_COURT_CODES, TYPE_CODES, CaseNumber, parse

TODAY = date(2025, 6, 1)


def parsed(text: str) -> CaseNumber:
    return parse(text, today=TODAY)


class TestValidNumbers:
    @pytest.mark.parametrize(
        ("text", "fields"),
        [
            ("（2023）京0105民初123号", (2023, "京0105", None, "民初", 123, None)),
            ("(2023)京0105民初123号", (2023, "京0105", None, "民初", 123, None)),
            ("(2019)最高法知民终1号", (2019, "最高法", "知", "民终", 1, None)),
            ("（2020）浙01知民初277号", (2020, "浙01", "知", "民初", 277, None)),
            ("(2018)沪01民初937号之三", (2018, "沪01", None, "民初", 937, "之三")),
            ("（2024）粤0703执保45号", (2024, "粤0703", None, "执保", 45, None)),
            ("（2022）川0104诉前调确8号", (2022, "川0104", None, "诉前调确", 8, None)),
            ("(2021)川0104民诉前调801号", (2021, "川0104", None, "民诉前调", 801, None)),
            ("（2024）京03破申45号", (2024, "京03", None, "破申", 45, None)),
            ("（2016）最高法民申1号", (2016, "最高法", None, "民申", 1, None)),
            ("（2020）内民终12号", (2020, "内", None, "民终", 12, None)),
            ("（2021）京73民初1号", (2021, "京73", None, "民初", 1, None)),
            ("（2022）京0491民初10001号", (2022, "京0491", None, "民初", 10001, None)),
            ("（2023）兵0201执12号", (2023, "兵0201", None, "执", 12, None)),
            ("（2019）军民终3号", (2019, "军", None, "民终", 3, None)),
            ("（2024）京0105民初123号之十二", (2024, "京0105", None, "民初", 123, "之十二")),
            ("（2025）京0105民初1号", (2025, "京0105", None, "民初", 1, None)),
        ],
    )
    def test_fields_are_read(self, text: str, fields: tuple[object, ...]) -> None:
        result = parsed(text)
        assert (
            result.year,
            result.court_code,
            result.special_code,
            result.type_code,
            result.seq,
            result.suffix,
        ) == fields

    @pytest.mark.parametrize(
        "text",
        [
            " (2023) 京0105 民初 123 号 ",
            "（２０２３）京０１０５民初１２３号",
            "(2023）京0105民初123号",
            "〔2023〕京0105民初123号",
            "（2023）\u3000京0105民初123号\n",
        ],
    )
    def test_typed_variants_read_the_same(self, text: str) -> None:
        assert parsed(text) == parsed("（2023）京0105民初123号")

    def test_format_gives_the_printed_form(self) -> None:
        assert parsed("(2019) 最高法知民终1号").format() == "（2019）最高法知民终1号"
        assert str(parsed("(2018)沪01民初937号之三")) == "（2018）沪01民初937号之三"
        assert case_number.format(parsed("(2023)京0105民初123号")) == "（2023）京0105民初123号"

    def test_format_round_trips(self) -> None:
        number = parsed("（2020）浙01知民初277号之一")
        assert parsed(number.format()) == number

    def test_death_penalty_review_numbers_keep_their_eight_random_digits(self) -> None:
        number = parsed("（2020）最高法刑核00351234号")
        assert number.seq == 351234
        assert number.format() == "（2020）最高法刑核00351234号"

    @pytest.mark.parametrize(
        ("text", "level"),
        [
            ("（2023）最高法民终1号", "supreme"),
            ("（2023）京民终1号", "high"),
            ("（2023）京01民终1号", "intermediate"),
            ("（2023）京0105民初1号", "basic"),
        ],
    )
    def test_court_level_is_read_from_the_code(self, text: str, level: str) -> None:
        assert parsed(text).court_level == level

    def test_parsed_numbers_are_frozen(self) -> None:
        with pytest.raises(AttributeError):
            parsed("（2023）京0105民初1号").seq = 2  # type: ignore[misc]

    def test_a_court_can_widen_the_type_codes(self) -> None:
        assert parse("（2023）京0105民新1号", today=TODAY, type_codes=TYPE_CODES | {"民新"}).type_code == "民新"


class TestInvalidNumbers:
    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("", "empty"),
            ("   ", "empty"),
            ("(2015)海民初字第123号", "pre-2016"),
            ("2023京0105民初123号", "year in brackets"),
            ("(23)京0105民初123号", "year in brackets"),
            ("(20233)京0105民初123号", "year in brackets"),
            ("(2015)京0105民初123号", "before 2016"),
            ("(2026)京0105民初123号", "future"),
            ("(2023)港0105民初123号", "province abbreviation"),
            ("(2023)蒙0105民初123号", "province abbreviation"),
            ("(2023)0105民初123号", "province abbreviation"),
            ("(2023)京010民初123号", "2 digits"),
            ("(2023)京01050民初123号", "2 digits"),
            ("(2023)京1民初123号", "2 digits"),
            ("(2023)最高法01民终1号", "no digits"),
            ("(2023)京0105123号", "2 digits"),
            ("(2023)京0105-123号", "case type"),
            ("(2023)京0105民民123号", "unknown case type"),
            ("(2023)京0105知123号", "unknown case type"),
            ("(2023)京0105初民123号", "unknown case type"),
            ("(2023)京0105民初号", "sequence number is missing"),
            ("(2023)京0105民初0号", "leading zeros"),
            ("(2023)京0105民初0123号", "leading zeros"),
            ("(2023)京0105民初123", "ends with 号"),
            ("(2023)京0105民初123号号", "after 号"),
            ("(2023)京0105民初123号之", "after 号"),
            ("(2023)京0105民初123号之0", "after 号"),
            ("(2023)京0105民初123号附件", "after 号"),
            ("(2020)最高法刑核351234号", "8-digit"),
        ],
    )
    def test_reason_is_given(self, text: str, reason: str) -> None:
        with pytest.raises(ValueError, match=reason):
            parsed(text)


def test_the_court_table_has_every_province_level_division_and_the_two_special_high_courts() -> None:
    assert len(HIGH_COURT_CODES) == 33
    assert {"内", "军", "兵"} <= HIGH_COURT_CODES.keys()
    assert "蒙" not in HIGH_COURT_CODES
