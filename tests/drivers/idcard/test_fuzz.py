"""Property tests: whatever bytes arrive, the decoder answers or raises FrameError, nothing else.

The four decoder properties below run 10,000 examples between them (2,000 random, 2,000 well
framed, 3,000 mutated frames, 3,000 mutated card texts); the splitter gets 500 noisy streams more.
"""

from __future__ import annotations

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from drivers.base import ResidentCard
from drivers.idcard import ga467
from drivers.idcard.emulator import EMULATED_SAM_ID
from drivers.idcard.errors import FrameError, ReaderStatusError
from drivers.idcard.fixtures import ELDERLY_CARD, EXPIRED_CARD, FIXTURE_CARD
from drivers.idcard.ga467 import (
    PREAMBLE,
    FrameSplitter,
    Response,
    Sw3,
    decode_response,
    encode_card_response,
    encode_response,
)
from drivers.idcard.text_block import encode_text_block
from kiosk.domain.identity import is_valid_id_number

FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SEED_FRAMES = [
    encode_card_response(FIXTURE_CARD),
    encode_card_response(ELDERLY_CARD),
    encode_card_response(EXPIRED_CARD),
    encode_response(Sw3.FIND_CARD_SUCCESS, bytes(4)),
    encode_response(Sw3.FIND_CARD_FAILED),
    encode_response(Sw3.SUCCESS, bytes(8)),
    encode_response(Sw3.SUCCESS, EMULATED_SAM_ID),
    encode_response(Sw3.CARD_READ_FAILED),
]


TEXT_BLOCKS = {card.id_number: encode_text_block(card) for card in (FIXTURE_CARD, ELDERLY_CARD, EXPIRED_CARD)}


def reframe(frame: bytes) -> bytes:
    """Make length and check byte agree with whatever body the frame now carries."""
    body = frame[len(PREAMBLE) + 2 : -1] if len(frame) > len(PREAMBLE) + 2 else b"\x00\x00"
    return ga467.encode_frame(body)


def decodes_or_raises_frame_error(data: bytes) -> None:
    """The property itself: a typed result or a FrameError; any other exception fails the test."""
    try:
        result = decode_response(data)
    except ReaderStatusError as error:
        event(type(error).__name__)
        assert error.sw3 not in (Sw3.SUCCESS, Sw3.FIND_CARD_SUCCESS) or error.sw1 or error.sw2
    except FrameError as error:
        event(type(error).__name__)
    else:
        event(type(result).__name__)
        assert isinstance(result, (ResidentCard, Response))
        if isinstance(result, ResidentCard):
            assert is_valid_id_number(result.id_number)


Mutation = tuple[str, int, int | bytes]

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 2400), st.integers(1, 255)),
    st.tuples(st.just("delete"), st.integers(0, 2400), st.integers(1, 40)),
    st.tuples(st.just("insert"), st.integers(0, 2400), st.binary(min_size=1, max_size=40)),
    st.tuples(st.just("truncate"), st.integers(0, 2400), st.just(0)),
)


def mutate(frame: bytes, steps: list[Mutation]) -> bytes:
    data = bytearray(frame)
    for kind, position, arg in steps:
        at = position % (len(data) + 1)
        if isinstance(arg, bytes):
            data[at:at] = arg
        elif kind == "flip" and data:
            data[at % len(data)] ^= arg
        elif kind == "delete":
            del data[at : at + arg]
        elif kind == "truncate":
            del data[at:]
    return bytes(data)


@settings(FUZZ, max_examples=2_000)
@given(st.binary(max_size=64) | st.binary(max_size=1400).map(lambda tail: PREAMBLE + tail))
def test_random_bytes_decode_or_raise_frame_error(data: bytes) -> None:
    decodes_or_raises_frame_error(data)


@settings(FUZZ, max_examples=2_000)
@given(
    st.sampled_from([b"\x00\x00", b"\x00\x00", b"\x00\x01", b"\x61\x00"]),
    st.sampled_from(list(Sw3)) | st.integers(0, 255),
    st.binary(max_size=1300) | st.binary(max_size=1300).map(lambda tail: b"\x01\x00\x04\x00" + tail),
)
def test_well_framed_random_bodies_decode_or_raise_frame_error(sw12: bytes, sw3: int, payload: bytes) -> None:
    """Correct preamble, length and check: the body reaches status and payload decoding."""
    decodes_or_raises_frame_error(ga467.encode_frame(sw12 + bytes([sw3]) + payload))


@settings(FUZZ, max_examples=3_000)
@given(st.sampled_from(SEED_FRAMES), st.lists(mutation, min_size=1, max_size=5), st.booleans())
def test_mutated_frames_decode_or_raise_frame_error(
    frame: bytes, steps: list[Mutation], fix_framing: bool
) -> None:
    mutated = mutate(frame, steps)
    decodes_or_raises_frame_error(reframe(mutated) if fix_framing else mutated)


#: (UCS-2 slot in the text block, new code unit): characters the validators care about, or any.
text_edit = st.tuples(
    st.integers(0, 127),
    st.sampled_from([ord(c) for c in "0123456789Xx 长期\x00\u3000\ud800\uff11郝示范"]) | st.integers(0, 0xFFFF),
)


@settings(FUZZ, max_examples=3_000)
@given(st.sampled_from([FIXTURE_CARD, ELDERLY_CARD, EXPIRED_CARD]), st.lists(text_edit, min_size=1, max_size=8))
def test_card_reads_with_mutated_text_decode_or_raise_frame_error(
    card: ResidentCard, edits: list[tuple[int, int]]
) -> None:
    """Well-framed card reads whose text characters were rewritten: the validators must hold."""
    text = bytearray(TEXT_BLOCKS[card.id_number])
    for slot, unit in edits:
        text[slot * 2 : slot * 2 + 2] = unit.to_bytes(2, "little")
    payload = (256).to_bytes(2, "big") + len(card.photo).to_bytes(2, "big") + bytes(text) + card.photo
    decodes_or_raises_frame_error(encode_response(Sw3.SUCCESS, payload))


@settings(FUZZ, max_examples=500)
@given(
    st.lists(st.sampled_from(SEED_FRAMES), min_size=1, max_size=5),
    st.lists(st.binary(max_size=30).map(lambda b: b.replace(b"\xaa", b"\x55")), min_size=6, max_size=6),
    st.integers(1, 700),
)
def test_the_splitter_recovers_every_frame_from_noise_in_any_chunking(
    frames: list[bytes], noise: list[bytes], chunk: int
) -> None:
    """GIVEN frames with garbage between them, fed in arbitrary chunks THEN exactly those frames come out."""
    stream = noise[0] + b"".join(frame + gap for frame, gap in zip(frames, noise[1:] * 2, strict=False))
    splitter = FrameSplitter()
    found = [f for i in range(0, len(stream), chunk) for f in splitter.feed(stream[i : i + chunk])]
    assert found == frames
