"""QR payload text: UTF-8, GBK/GB 2312 byte mode and Hanzi mode decode to the text that was encoded."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.barcode.decode import DecodePipeline
from drivers.barcode.synth import camera_frame, render_qr
from drivers.barcode.text import repair_qr_text

COURT = "北京市朝阳区人民法院 诉讼费收据（2024）京0105民初12345号"


@pytest.fixture(scope="module")
def pipeline() -> DecodePipeline:
    return DecodePipeline()


def _read(pipeline: DecodePipeline, code: np.ndarray) -> list[str]:
    frame = camera_frame(code, np.random.default_rng(7))
    return [c.text for c in pipeline.decode(frame)]


@pytest.mark.parametrize(
    ("content", "kwargs", "expected"),
    [
        (COURT, {"encoding": "utf-8"}, COURT),
        (COURT, {"encoding": "utf-8", "eci": True}, COURT),
        (COURT.encode("gbk"), {"mode": "byte"}, COURT),
        ("北京市", {"encoding": "gbk", "mode": "byte"}, "北京市"),
        (COURT, {"encoding": "gbk", "eci": True}, COURT),
        ("北京市第一中级人民法院", {"mode": "hanzi"}, "北京市第一中级人民法院"),
        ("法院受理通知", {"mode": "kanji"}, "法院受理通知"),
        ("Google モバイル".encode("shift_jis"), {"mode": "byte"}, "Google モバイル"),
        ("]C1\x1d0104\x1d21ABC", {}, "]C1\x1d0104\x1d21ABC"),
    ],
    ids=[
        "utf8", "utf8-eci", "gbk-byte", "gb2312-short", "gbk-eci", "hanzi-mode", "kanji-mode", "sjis-byte",
        "control-chars",
    ],  # fmt: skip
)
def test_qr_payload_decodes_to_the_encoded_text(pipeline: DecodePipeline, content, kwargs, expected) -> None:
    """GIVEN a QR code written in one of the encodings Chinese documents use
    WHEN the pipeline reads it from a camera frame
    THEN the text is the one encoded, control characters included."""
    assert _read(pipeline, render_qr(content, **kwargs)) == [expected]


@given(st.text())
def test_utf8_payloads_are_never_reinterpreted(text: str) -> None:
    """Text zxing-cpp read from valid UTF-8 bytes is kept as it is."""
    assert repair_qr_text(text, text.encode("utf-8")) == text


@pytest.mark.parametrize("text", ["北京市", "民事诉讼 立案", "人民法院诉讼费收据"])
def test_gbk_bytes_misread_as_latin1_or_shift_jis_are_read_as_gbk(text: str) -> None:
    """zxing-cpp's Latin-1 and Shift_JIS guesses of unlabelled GBK bytes are replaced by the GBK reading."""
    raw = text.encode("gbk")
    assert repair_qr_text(raw.decode("latin-1"), raw) == text
    try:
        sjis_guess = raw.decode("shift_jis")
    except UnicodeDecodeError:
        return
    assert repair_qr_text(sjis_guess, raw) == text


def test_text_from_a_labelled_character_set_is_kept() -> None:
    """Cyrillic from an ECI-labelled ISO-8859-5 segment is not re-read, though its bytes are valid GB 18030."""
    raw = "Суд".encode("iso-8859-5")
    assert repair_qr_text("Суд", raw) == "Суд"
