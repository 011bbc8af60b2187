"""Masking of ID numbers, names and phone numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.masking import mask_id_number, mask_name, mask_phone


class TestIdNumber:
    @pytest.mark.parametrize(
        ("number", "masked"),
        [
            ("110101199003071233", "110101********1233"),
            ("11010519491231002X", "110105********002X"),
            (" 110101 19900307 1233 ", "110101********1233"),
            ("110101900307123", "110101*****7123"),
            ("1234567890", "**********"),
            ("", ""),
        ],
    )
    def test_first_six_and_last_four_are_shown(self, number: str, masked: str) -> None:
        assert mask_id_number(number) == masked

    @given(st.text(alphabet="0123456789X", min_size=11, max_size=30))
    def test_the_birth_date_never_shows(self, number: str) -> None:
        masked = mask_id_number(number)
        assert len(masked) == len(number)
        assert masked[6:-4] == "*" * (len(number) - 10)


class TestName:
    @pytest.mark.parametrize(
        ("name", "masked"),
        [
            ("张三丰", "张**"),
            ("张三", "张*"),
            ("欧阳娜娜", "欧***"),
            ("王", "*"),
            (" 李四 ", "李*"),
            ("John Smith", "J*** S****"),
            ("J. Smith", "J. S****"),
            ("阿依古丽·买买提", "阿***·买**"),
            ("", ""),
        ],
    )
    def test_first_character_of_each_part_is_shown(self, name: str, masked: str) -> None:
        assert mask_name(name) == masked


class TestPhone:
    @pytest.mark.parametrize(
        ("phone", "masked"),
        [
            ("13812345678", "138****5678"),
            ("138 1234 5678", "138****5678"),
            ("138-1234-5678", "138****5678"),
            ("+8613812345678", "+86*******5678"),
            ("010-62345678", "010****5678"),
            ("62345678", "****5678"),
            ("1234", "****"),
        ],
    )
    def test_middle_digits_are_hidden(self, phone: str, masked: str) -> None:
        assert mask_phone(phone) == masked
