"""Resident ID numbers per GB 11643: check character, birth date, province, and the helpers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.identity import (
    PROVINCE_CODES,
    IdProblem,
    InvalidIdNumber,
    Sex,
    age_on,
    birth_date,
    check_character,
    check_id_number,
    is_valid_id_number,
    province,
    region_name,
    sex,
)

TODAY = date(2025, 6, 1)


def with_check(first17: str) -> str:
    """A number completed with its check character computed here, position p weighing 2^(18-p) mod 11."""
    total = sum(int(digit) * (2 ** (18 - p) % 11) for p, digit in enumerate(first17, start=1))
    return first17 + "10X98765432"[total % 11]


def valid(text: str) -> bool:
    return is_valid_id_number(text, today=TODAY)


def problem_of(text: str) -> IdProblem:
    with pytest.raises(InvalidIdNumber) as raised:
        check_id_number(text, today=TODAY)
    return raised.value.problem


class TestValidNumbers:
    @pytest.mark.parametrize(
        "number",
        [
            "110101199003071233",
            "11010519491231002X",
            "11010519491231002x",
            " 1101 0519 4912 3100 2X ",
            "１１０１０５１９４９１２３１００２Ｘ",
        ],
    )
    def test_published_examples_and_typed_variants(self, number: str) -> None:
        assert valid(number)
        assert check_id_number(number, today=TODAY) in ("110101199003071233", "11010519491231002X")

    @pytest.mark.parametrize(
        "first17",
        [
            "33010619600101123",  # 西湖区, code dates from 1983
            "50010119700101123",  # 重庆万州区, code dates from 1997
            "65290119350815002",  # 阿克苏市, code dates from 1983
            "44030419480229007",  # 深圳福田区, born on a leap day before the city existed
            "51340119551110301",
        ],
    )
    def test_older_people_whose_county_code_postdates_their_birth_are_valid(self, first17: str) -> None:
        number = with_check(first17)
        assert valid(number)

    @pytest.mark.parametrize("prefix", ["810000", "820000", "830000"])
    def test_hong_kong_macao_taiwan_residence_permits_are_accepted(self, prefix: str) -> None:
        assert valid(with_check(prefix + "19900101001"))

    def test_born_today_and_born_on_the_first_day_of_1900_are_accepted(self) -> None:
        assert valid(with_check("110101" + TODAY.strftime("%Y%m%d") + "001"))
        assert valid(with_check("11010119000101001"))

    @given(
        st.sampled_from(sorted(PROVINCE_CODES)),
        st.integers(min_value=0, max_value=9999),
        st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
        st.integers(min_value=0, max_value=999),
    )
    def test_any_generated_number_passes(self, prefix: str, county: int, born: date, sequence: int) -> None:
        assert valid(with_check(f"{prefix}{county:04d}{born:%Y%m%d}{sequence:03d}"))


class TestInvalidNumbers:
    @pytest.mark.parametrize(
        ("number", "problem"),
        [
            ("", IdProblem.EMPTY),
            ("   ", IdProblem.EMPTY),
            ("110101900307123", IdProblem.LEGACY_15_DIGITS),
            ("11010119900307123", IdProblem.LENGTH),
            ("1101011990030712334", IdProblem.LENGTH),
            ("11010119900307123A", IdProblem.CHARACTERS),
            ("1101011990030712X3", IdProblem.CHARACTERS),
            ("110101199003071234", IdProblem.CHECK_CHARACTER),
            ("11010519491231002Y", IdProblem.CHARACTERS),
            ("110105194912310021", IdProblem.CHECK_CHARACTER),
        ],
    )
    def test_shape_and_check_character(self, number: str, problem: IdProblem) -> None:
        assert problem_of(number) is problem
        assert not valid(number)

    @pytest.mark.parametrize(
        "prefix", ["00", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66", "71", "80", "91", "99"]
    )
    def test_unknown_province_prefix(self, prefix: str) -> None:
        assert problem_of(with_check(prefix + "010119900307123")) is IdProblem.PROVINCE

    @pytest.mark.parametrize(
        "birth", ["19900230", "19900431", "19901301", "19900001", "19900100", "19000229", "20230229"]
    )
    def test_dates_that_do_not_exist(self, birth: str) -> None:
        assert problem_of(with_check(f"110101{birth}123")) is IdProblem.BIRTH_DATE

    def test_leap_day_in_a_leap_year_is_a_date(self) -> None:
        assert valid(with_check("11010120000229123"))

    def test_birth_date_in_the_future(self) -> None:
        tomorrow = TODAY + timedelta(days=1)
        assert problem_of(with_check(f"110101{tomorrow:%Y%m%d}123")) is IdProblem.BIRTH_IN_FUTURE

    @pytest.mark.parametrize("birth", ["18991231", "18500101", "00010101"])
    def test_absurdly_old_birth_date(self, birth: str) -> None:
        assert problem_of(with_check(f"110101{birth}123")) is IdProblem.BIRTH_TOO_EARLY

    def test_the_foreign_permanent_resident_card_is_not_a_resident_id(self) -> None:
        assert not valid(with_check("93311519900101001"))

    @pytest.mark.parametrize("value", [None, 110101199003071233, b"110101199003071233"])
    def test_non_text_is_not_valid(self, value: object) -> None:
        assert not is_valid_id_number(value)  # type: ignore[arg-type]

    def test_the_reason_is_a_value_error_with_a_message(self) -> None:
        with pytest.raises(ValueError, match="check character"):
            check_id_number("110101199003071234", today=TODAY)

    @given(st.integers(min_value=0, max_value=16), st.integers(min_value=1, max_value=9))
    def test_any_single_digit_change_is_caught(self, position: int, delta: int) -> None:
        number = "11010519491231002X"
        changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
        assert not valid(changed)

    @given(st.integers(min_value=0, max_value=15))
    def test_swapping_two_different_neighbouring_digits_is_caught(self, position: int) -> None:
        number = "110101199003071233"
        if number[position] == number[position + 1]:
            return
        swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]
        assert not valid(swapped)


class TestHelpers:
    def test_check_character_of_the_published_examples(self) -> None:
        assert check_character("11010519491231002") == "X"
        assert check_character("11010119900307123") == "3"

    def test_birth_date(self) -> None:
        assert birth_date("11010519491231002X") == date(1949, 12, 31)

    def test_sex_from_the_parity_of_the_sequence(self) -> None:
        assert sex("110101199003071233") is Sex.MALE
        assert sex("11010519491231002X") is Sex.FEMALE

    @pytest.mark.parametrize(
        ("day", "age"),
        [(date(2008, 3, 6), 17), (date(2008, 3, 7), 18), (date(2025, 6, 1), 35), (date(1990, 3, 7), 0)],
    )
    def test_age_in_completed_years(self, day: date, age: int) -> None:
        assert age_on("110101199003071233", day) == age

    def test_leap_day_birthday_counts_from_the_first_of_march(self) -> None:
        number = with_check("11010120000229123")
        assert age_on(number, date(2018, 2, 28)) == 17
        assert age_on(number, date(2018, 3, 1)) == 18
        assert age_on(number, date(2020, 2, 29)) == 20

    def test_age_before_birth_is_refused(self) -> None:
        with pytest.raises(ValueError, match="before the birth date"):
            age_on("110101199003071233", date(1990, 3, 6))

    def test_helpers_refuse_invalid_numbers(self) -> None:
        with pytest.raises(InvalidIdNumber):
            sex("110101199003071234")

    def test_province_and_region_names(self) -> None:
        assert province("110101199003071233") == "北京市"
        assert region_name("110101199003071233") == "北京市东城区"
        assert region_name(with_check("50010119700101123")) == "重庆市万州区"

    def test_region_name_is_none_for_a_county_code_the_table_lacks(self) -> None:
        assert region_name(with_check("11019919700101123")) is None
