"""The GA 467 framing: known transcripts, round trips, every status code, broken frames."""

from __future__ import annotations

import pytest

from drivers.base import ResidentCard
from drivers.idcard import ga467
from drivers.idcard.errors import (
    BadCheck,
    BadLength,
    BadPayload,
    BadPreamble,
    CardUnreadable,
    FrameError,
    NoCard,
    ReaderFault,
    ReaderStatusError,
    RequestRejected,
    Truncated,
    UnknownStatus,
)
from drivers.idcard.fixtures import FIXTURE_CARD
from drivers.idcard.ga467 import (
    STATUS_TABLE,
    Command,
    Response,
    Sw3,
    decode_request,
    decode_response,
    encode_card_response,
    encode_request,
    encode_response,
    format_sam_id,
)

# Request and response transcripts as published for real readers (domain-rules §4).
KNOWN_REQUESTS = {
    Command.SAM_STATUS: "AAAAAA9669000311FFED",
    Command.SAM_ID: "AAAAAA9669000312FFEE",
    Command.FIND_CARD: "AAAAAA96690003200122",
    Command.SELECT_CARD: "AAAAAA96690003200221",
    Command.READ_TEXT_PHOTO: "AAAAAA96690003300132",
    Command.READ_APPENDED_ADDRESS: "AAAAAA96690003300330",
}
FIND_OK = bytes.fromhex("AAAAAA9669000800009F0000000097")
NO_CARD = bytes.fromhex("AAAAAA9669000400008084")
SELECT_OK = bytes.fromhex("AAAAAA9669000C00009000000000000000009C")


@pytest.mark.parametrize(("command", "expected"), KNOWN_REQUESTS.items(), ids=lambda v: getattr(v, "name", ""))
def test_requests_match_the_bytes_real_readers_expect(command: Command, expected: str) -> None:
    assert encode_request(command) == bytes.fromhex(expected)


@pytest.mark.parametrize("command", list(Command), ids=lambda c: c.name)
def test_a_request_decodes_back_to_its_command(command: Command) -> None:
    request = decode_request(encode_request(command))
    assert (request.command, request.cmd, request.para, request.data) == (command, *command.value, b"")


def test_an_unknown_request_decodes_without_a_command() -> None:
    request = decode_request(ga467.encode_frame(bytes([0x77, 0x01])))
    assert request.command is None and (request.cmd, request.para) == (0x77, 0x01)


def test_known_find_card_and_select_answers_decode_to_their_status() -> None:
    assert decode_response(FIND_OK) == Response(Sw3.FIND_CARD_SUCCESS, bytes(4))
    assert decode_response(SELECT_OK) == Response(Sw3.SUCCESS, bytes(8))


def test_known_no_card_answer_raises_no_card() -> None:
    with pytest.raises(NoCard) as caught:
        decode_response(NO_CARD)
    assert caught.value.sw3 == 0x80 and caught.value.code_name == "FIND_CARD_FAILED"


def test_a_card_read_has_the_published_header_and_size() -> None:
    frame = encode_card_response(FIXTURE_CARD)
    assert frame.startswith(bytes.fromhex("AAAAAA9669050800009001000400"))
    assert len(frame) == 1295


def test_a_card_read_round_trips_with_or_without_naming_the_command() -> None:
    frame = encode_card_response(FIXTURE_CARD)
    assert decode_response(frame) == FIXTURE_CARD
    assert decode_response(frame, Command.READ_TEXT_PHOTO) == FIXTURE_CARD


def test_naming_the_card_read_command_rejects_a_payload_without_card_text() -> None:
    with pytest.raises(BadPayload):
        decode_response(SELECT_OK, Command.READ_TEXT_PHOTO)


@pytest.mark.parametrize("payload", [b"", b"\x01", bytes(range(40))])
def test_any_success_payload_round_trips(payload: bytes) -> None:
    assert decode_response(encode_response(Sw3.SUCCESS, payload)) == Response(Sw3.SUCCESS, payload)


# --- every status code ---------------------------------------------------------------------

EXPECTED_ERROR = {
    Sw3.NO_SUCH_ITEM: CardUnreadable,
    Sw3.FRAME_CHECKSUM_ERROR: RequestRejected,
    Sw3.FRAME_LENGTH_ERROR: RequestRejected,
    Sw3.COMMAND_ERROR: RequestRejected,
    Sw3.UNAUTHORISED_OPERATION: ReaderFault,
    Sw3.UNRECOGNISED_ERROR: ReaderFault,
    Sw3.CARD_FAILED_TO_AUTHENTICATE_SAM: CardUnreadable,
    Sw3.SAM_FAILED_TO_AUTHENTICATE_CARD: CardUnreadable,
    Sw3.INFORMATION_VERIFICATION_ERROR: CardUnreadable,
    Sw3.FINGERPRINT_VERIFICATION_ERROR: CardUnreadable,
    Sw3.INFORMATION_LENGTH_ERROR: CardUnreadable,
    Sw3.UNRECOGNISED_CARD_TYPE: CardUnreadable,
    Sw3.CARD_READ_FAILED: CardUnreadable,
    Sw3.RANDOM_NUMBER_FAILURE: CardUnreadable,
    Sw3.SAM_SELF_TEST_FAILED: ReaderFault,
    Sw3.SAM_NOT_AUTHORISED: ReaderFault,
    Sw3.FIND_CARD_FAILED: NoCard,
    Sw3.SELECT_CARD_FAILED: CardUnreadable,
}


def test_the_status_table_covers_every_documented_code() -> None:
    assert set(STATUS_TABLE) == set(Sw3)
    assert {code for code, row in STATUS_TABLE.items() if row.error is None} == {0x90, 0x9F}


@pytest.mark.parametrize("sw3", list(EXPECTED_ERROR), ids=lambda s: s.name)
def test_each_failure_status_raises_its_named_error(sw3: Sw3) -> None:
    """GIVEN a response with a failure SW3 WHEN decoded THEN its category error names the code."""
    with pytest.raises(EXPECTED_ERROR[sw3]) as caught:
        decode_response(encode_response(sw3))
    assert (caught.value.sw3, caught.value.code_name) == (sw3, sw3.name)
    assert f"{sw3:02X}" in str(caught.value)


@pytest.mark.parametrize("sw3", [Sw3.SUCCESS, Sw3.FIND_CARD_SUCCESS], ids=lambda s: s.name)
def test_each_success_status_decodes(sw3: Sw3) -> None:
    assert decode_response(encode_response(sw3)) == Response(sw3, b"")


@pytest.mark.parametrize("sw3", [0x00, 0x01, 0x05, 0x42, 0xFF])
def test_a_status_outside_the_table_raises_unknown_status(sw3: int) -> None:
    with pytest.raises(UnknownStatus) as caught:
        decode_response(encode_response(sw3))
    assert caught.value.code_name == "UNKNOWN"


@pytest.mark.parametrize(("sw1", "sw2"), [(0x01, 0x00), (0x00, 0x01), (0x6A, 0x82)])
def test_non_zero_sw1_or_sw2_is_never_success(sw1: int, sw2: int) -> None:
    with pytest.raises(UnknownStatus):
        decode_response(encode_response(Sw3.SUCCESS, sw1=sw1, sw2=sw2))


def test_all_status_errors_share_the_frame_error_base() -> None:
    for error in {*EXPECTED_ERROR.values(), UnknownStatus}:
        assert issubclass(error, ReaderStatusError) and issubclass(error, FrameError)


# --- broken frames -------------------------------------------------------------------------


@pytest.mark.parametrize("cut", [0, 1, 4, 5, 6, 7, 8, 10])
def test_a_truncated_short_frame_raises_truncated(cut: int) -> None:
    with pytest.raises(Truncated):
        decode_response(FIND_OK[:cut])


@pytest.mark.parametrize("cut", [8, 14, 300, 1294])
def test_a_truncated_card_read_raises_truncated(cut: int) -> None:
    with pytest.raises(Truncated):
        decode_response(encode_card_response(FIXTURE_CARD)[:cut])


@pytest.mark.parametrize("index", range(5))
def test_a_damaged_preamble_raises_bad_preamble(index: int) -> None:
    frame = bytearray(FIND_OK)
    frame[index] ^= 0x01
    with pytest.raises(BadPreamble):
        decode_response(bytes(frame))


def test_bytes_in_front_of_a_frame_raise_bad_preamble() -> None:
    with pytest.raises(BadPreamble):
        decode_response(b"\x00" + FIND_OK)


def test_extra_bytes_after_the_declared_length_raise_bad_length() -> None:
    with pytest.raises(BadLength):
        decode_response(FIND_OK + b"\x00")


@pytest.mark.parametrize("length", [0, 1, 2])
def test_a_length_field_below_the_minimum_raises_bad_length(length: int) -> None:
    frame = ga467.PREAMBLE + length.to_bytes(2, "big") + bytes(length)
    with pytest.raises(BadLength):
        decode_response(frame)


def test_a_request_sized_frame_is_too_short_for_a_response() -> None:
    with pytest.raises(BadLength):
        decode_response(encode_request(Command.FIND_CARD))


def test_a_length_field_larger_than_the_frame_raises_truncated() -> None:
    frame = bytearray(FIND_OK)
    frame[6] += 1
    with pytest.raises(Truncated):
        decode_response(bytes(frame))


def test_a_wrong_check_byte_raises_bad_check() -> None:
    frame = FIND_OK[:-1] + bytes([FIND_OK[-1] ^ 0xFF])
    with pytest.raises(BadCheck, match="check byte"):
        decode_response(frame)


@pytest.mark.parametrize("index", [5, 7, 9, 100, 1000, 1293])
def test_any_corrupted_byte_of_a_card_read_raises_bad_check(index: int) -> None:
    frame = bytearray(encode_card_response(FIXTURE_CARD))
    frame[index] ^= 0x40
    with pytest.raises((BadCheck, Truncated, BadLength)):
        decode_response(bytes(frame))


def test_a_card_read_with_a_photo_length_that_disagrees_raises_bad_payload() -> None:
    payload = ga467.encode_card_payload(FIXTURE_CARD)
    with pytest.raises(BadPayload):
        decode_response(encode_response(Sw3.SUCCESS, payload[:-1]))


def test_the_sam_id_formats_as_readers_print_it() -> None:
    payload = bytes.fromhex("0500 0100 a4b73201 4e61bc00 d2029649".replace(" ", ""))
    assert format_sam_id(payload) == "05.01-20101028-0012345678-1234567890"


@pytest.mark.parametrize("size", [0, 15, 17])
def test_a_sam_id_of_the_wrong_size_raises_bad_payload(size: int) -> None:
    with pytest.raises(BadPayload):
        format_sam_id(bytes(size))


def test_a_decoded_card_keeps_the_photo_opaque_and_out_of_its_repr() -> None:
    card = decode_response(encode_card_response(FIXTURE_CARD))
    assert isinstance(card, ResidentCard)
    assert card.photo == FIXTURE_CARD.photo and len(card.photo) == 1024
    assert FIXTURE_CARD.name not in repr(card) and FIXTURE_CARD.id_number not in repr(card)
