"""The 256-byte card text: every field decoded, validated, and the code tables."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from drivers.idcard.errors import BadPayload, MalformedTextBlock, UnsupportedCardType
from drivers.idcard.fixtures import ELDERLY_CARD, EXPIRED_CARD, FIXTURE_CARD, FIXTURE_ID_NUMBER, FIXTURE_NAME
from drivers.idcard.tables import NATIONS, SEX
from drivers.idcard.text_block import (
    CARD_TYPE_OFFSET,
    LAYOUT,
    TEXT_SIZE,
    decode_card_payload,
    decode_text_block,
    encode_card_payload,
    encode_text_block,
)
from kiosk.domain.identity import is_valid_id_number

SLOTS = {field.name: field for field in LAYOUT}


def with_slot(block: bytes, name: str, text: str) -> bytes:
    """The block with one slot rewritten, space-padded, as a reader would send it."""
    field = SLOTS[name]
    raw = text.encode("utf-16-le")
    raw += " ".encode("utf-16-le") * ((field.size - len(raw)) // 2)
    return block[: field.offset] + raw + block[field.offset + field.size :]


BLOCK = encode_text_block(FIXTURE_CARD)


def test_the_text_block_is_256_bytes_of_space_padded_ucs2() -> None:
    assert len(BLOCK) == TEXT_SIZE
    assert BLOCK[:6] == FIXTURE_NAME.encode("utf-16-le")
    assert BLOCK[-2:] == b" \x00"


def test_every_field_of_the_main_fixture_decodes() -> None:
    card = decode_text_block(BLOCK)
    assert card.name == FIXTURE_NAME
    assert card.sex == "男"
    assert card.nation == "汉"
    assert card.birth_date == date(1988, 3, 15)
    assert card.address == "北京市朝阳区示例路88号院3号楼2单元101室"
    assert card.id_number == FIXTURE_ID_NUMBER
    assert card.issuing_authority == "北京市公安局朝阳分局"
    assert card.valid_from == date(2019, 4, 2)
    assert card.valid_until == date(2039, 4, 2)


def test_fields_sit_at_the_published_offsets() -> None:
    assert BLOCK[30:32].decode("utf-16-le") == "1"
    assert BLOCK[32:36].decode("utf-16-le") == "01"
    assert BLOCK[36:52].decode("utf-16-le") == "19880315"
    assert BLOCK[122:158].decode("utf-16-le") == FIXTURE_ID_NUMBER
    assert BLOCK[188:204].decode("utf-16-le") == "20190402"


def test_a_long_term_card_decodes_with_no_end_date() -> None:
    """GIVEN a card whose validity ends in 长期 WHEN decoded THEN valid_until is None."""
    block = encode_text_block(ELDERLY_CARD)
    assert block[204:212].decode("utf-16-le") == "长期  "
    card = decode_text_block(block)
    assert card.valid_until is None
    assert card == replace(ELDERLY_CARD, photo=b"")


def test_an_expired_card_still_decodes_expiry_is_the_flow_s_decision() -> None:
    assert decode_text_block(encode_text_block(EXPIRED_CARD)).valid_until == date(2018, 7, 1)


@pytest.mark.parametrize("card", [FIXTURE_CARD, ELDERLY_CARD, EXPIRED_CARD], ids=["main", "elderly", "expired"])
def test_fixture_cards_round_trip_and_have_valid_numbers(card: object) -> None:
    assert decode_card_payload(encode_card_payload(card)) == card  # type: ignore[arg-type]
    assert is_valid_id_number(card.id_number)  # type: ignore[attr-defined]


def test_the_elderly_fixture_is_over_sixty() -> None:
    assert (date.today() - ELDERLY_CARD.birth_date).days > 60 * 366


def test_trailing_nul_padding_is_trimmed_like_spaces() -> None:
    field = SLOTS["address"]
    raw = "短地址".encode("utf-16-le")
    block = BLOCK[: field.offset] + raw + bytes(field.size - len(raw)) + BLOCK[field.offset + field.size :]
    assert decode_text_block(block).address == "短地址"


def test_a_name_with_a_middle_dot_keeps_it() -> None:
    assert decode_text_block(with_slot(BLOCK, "name", "阿依古丽·买买提")).name == "阿依古丽·买买提"


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("name", "", "is empty"),
        ("address", "", "is empty"),
        ("issuing_authority", "", "is empty"),
        ("name", "郝\x07示范", "control characters"),
        ("sex", "3", "outside its table"),
        ("sex", "", "outside its table"),
        ("nation", "57", "outside its table"),
        ("nation", "1", "outside its table"),
        ("birth_date", "19880230", "real calendar date"),
        ("birth_date", "1988031", "eight digits"),
        ("birth_date", "１９８８０３１５", "eight digits"),
        ("valid_from", "20191302", "real calendar date"),
        ("valid_until", "长久", "eight digits"),
        ("valid_until", "20190402", "not after valid_from"),
        ("valid_until", "20100101", "not after valid_from"),
        ("id_number", "110105198803151233", "GB 11643"),
        ("id_number", "11010519880315123", "GB 11643"),
        ("id_number", "", "GB 11643"),
    ],
)
def test_a_field_that_fails_validation_is_named_in_the_error(name: str, text: str, problem: str) -> None:
    """GIVEN one bad field WHEN the block is decoded THEN MalformedTextBlock names that field."""
    with pytest.raises(MalformedTextBlock, match=problem) as caught:
        decode_text_block(with_slot(BLOCK, name, text))
    assert caught.value.field == name


def test_a_lower_case_check_x_is_read_as_upper_case() -> None:
    block = with_slot(encode_text_block(ELDERLY_CARD), "id_number", "11010519491231002x")
    block = with_slot(block, "birth_date", "19491231")
    assert decode_text_block(block).id_number == "11010519491231002X"


@pytest.mark.parametrize("code", ["0", "9"])
def test_unknown_and_unspecified_sex_codes_decode(code: str) -> None:
    assert decode_text_block(with_slot(BLOCK, "sex", code)).sex == SEX[code]


def test_a_lone_surrogate_is_not_valid_ucs2() -> None:
    field = SLOTS["name"]
    block = BLOCK[: field.offset] + b"\x00\xd8" + BLOCK[field.offset + 2 :]
    with pytest.raises(MalformedTextBlock, match="UCS-2") as caught:
        decode_text_block(block)
    assert caught.value.field == "name"


@pytest.mark.parametrize("letter", ["I", "J", "Y"])
def test_other_card_types_are_refused_before_the_resident_layout_is_applied(letter: str) -> None:
    block = BLOCK[:CARD_TYPE_OFFSET] + letter.encode("utf-16-le") + BLOCK[CARD_TYPE_OFFSET + 2 :]
    with pytest.raises(UnsupportedCardType):
        decode_text_block(block)


@pytest.mark.parametrize("size", [0, 255, 257])
def test_a_text_block_of_the_wrong_size_is_a_bad_payload(size: int) -> None:
    with pytest.raises(BadPayload):
        decode_text_block(bytes(size))


@pytest.mark.parametrize("payload", [b"", b"\x01\x00\x04", b"\x00\xff\x04\x00" + bytes(1279)])
def test_a_card_payload_with_a_bad_header_is_a_bad_payload(payload: bytes) -> None:
    with pytest.raises(BadPayload):
        decode_card_payload(payload)


def test_error_messages_never_contain_the_card_s_values() -> None:
    for name, bad in (("birth_date", "19880231"), ("id_number", FIXTURE_ID_NUMBER[:-1] + "0"), ("valid_until", "20100101")):
        with pytest.raises(MalformedTextBlock) as caught:
            decode_text_block(with_slot(BLOCK, name, bad))
        message = str(caught.value)
        assert FIXTURE_NAME not in message and FIXTURE_ID_NUMBER not in message and bad not in message


def test_a_field_too_long_for_its_slot_cannot_be_encoded() -> None:
    with pytest.raises(ValueError, match="name"):
        encode_text_block(replace(FIXTURE_CARD, name="名" * 16))


# --- code tables ---------------------------------------------------------------------------


def test_the_nation_table_has_the_56_nations_and_the_two_extra_codes() -> None:
    assert [f"{n:02d}" for n in range(1, 57)] + ["97", "98"] == list(NATIONS)
    assert len(set(NATIONS.values())) == 58
    assert (NATIONS["01"], NATIONS["46"], NATIONS["56"], NATIONS["98"]) == ("汉", "德昂", "基诺", "外国血统中国籍人士")


def test_the_sex_table_follows_gb_t_2261_1() -> None:
    assert dict(SEX) == {"0": "未知", "1": "男", "2": "女", "9": "未说明"}


@pytest.mark.parametrize("code", list(NATIONS))
def test_every_nation_code_decodes_to_its_name(code: str) -> None:
    assert decode_text_block(with_slot(BLOCK, "nation", code)).nation == NATIONS[code]
