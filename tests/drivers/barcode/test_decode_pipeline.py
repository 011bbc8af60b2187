"""The decoding pipeline: one library failing never stops the other, and every image shape is accepted."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import zxingcpp
from pyzbar import pyzbar

from drivers.barcode.decode import DecodePipeline
from drivers.barcode.synth import camera_frame, render_linear, render_qr

RECEIPT = "https://court.example.cn/r/2024-0105-000123"


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("decoder crashed")


@pytest.fixture
def frame() -> np.ndarray:
    return camera_frame(render_qr(RECEIPT), np.random.default_rng(3))


def test_zbar_still_reads_when_zxing_raises(monkeypatch: pytest.MonkeyPatch, frame: np.ndarray) -> None:
    """GIVEN zxing-cpp raising on every image
    WHEN the pipeline decodes a frame with a QR code
    THEN zbar's fallback reads it and the failure is counted."""
    monkeypatch.setattr(zxingcpp, "read_barcodes", _boom)
    pipeline = DecodePipeline()
    codes = pipeline.decode(frame)
    assert [(c.format, c.text) for c in codes] == [("QRCode", RECEIPT)]
    assert codes[0].decoder.startswith("pyzbar")
    assert pipeline.failures["zxing-cpp"] == 1


def test_zxing_still_reads_when_zbar_raises(monkeypatch: pytest.MonkeyPatch, frame: np.ndarray) -> None:
    """GIVEN zbar raising on every image THEN zxing-cpp's result comes through."""
    monkeypatch.setattr(pyzbar, "decode", _boom)
    assert [c.text for c in DecodePipeline().decode(frame)] == [RECEIPT]


def test_nothing_found_when_every_decoder_raises(monkeypatch: pytest.MonkeyPatch, frame: np.ndarray) -> None:
    """GIVEN both libraries raising THEN the pipeline returns no codes instead of raising."""
    monkeypatch.setattr(zxingcpp, "read_barcodes", _boom)
    monkeypatch.setattr(pyzbar, "decode", _boom)
    pipeline = DecodePipeline()
    assert pipeline.decode(frame) == []
    assert pipeline.failures == {"zxing-cpp": 1, "pyzbar": 1, "pyzbar+denoise": 1}


def test_fallback_can_be_skipped_for_a_tight_frame_budget(monkeypatch: pytest.MonkeyPatch, frame: np.ndarray) -> None:
    """GIVEN zxing-cpp finding nothing WHEN the fallback is skipped THEN zbar is not run."""
    monkeypatch.setattr(zxingcpp, "read_barcodes", lambda *a, **k: [])
    calls: list[int] = []
    monkeypatch.setattr(pyzbar, "decode", lambda *a, **k: calls.append(1) or [])
    assert DecodePipeline().decode(frame, fallback=False) == []
    assert calls == []


@pytest.mark.parametrize("convert", [None, cv2.COLOR_GRAY2BGR, cv2.COLOR_GRAY2BGRA], ids=["grey", "bgr", "bgra"])
def test_grey_bgr_and_bgra_frames_are_read(frame: np.ndarray, convert: int | None) -> None:
    image = frame if convert is None else cv2.cvtColor(frame, convert)
    assert [c.text for c in DecodePipeline().decode(image)] == [RECEIPT]


def test_position_outlines_the_code_in_frame_pixels() -> None:
    """The reported polygon lies where the code was placed in the frame."""
    code = render_linear("134567890123456789", "Code128")
    frame = np.full((720, 1280), 200, np.uint8)
    frame[100 : 100 + code.shape[0], 300 : 300 + code.shape[1]] = code
    (found,) = DecodePipeline().decode(frame)
    xs, ys = zip(*found.position, strict=True)
    assert (found.format, found.text) == ("Code128", "134567890123456789")
    assert 300 <= min(xs) and max(xs) <= 300 + code.shape[1]
    assert 100 <= min(ys) and max(ys) <= 100 + code.shape[0]


def test_symbologies_not_configured_are_not_reported() -> None:
    """An EAN-13 code in view is ignored by a kiosk configured for QR and Code 128 only."""
    frame = camera_frame(render_linear("6901234567892", "EAN13"), np.random.default_rng(1))
    assert DecodePipeline().decode(frame) == []
    assert [c.text for c in DecodePipeline(["EAN13"]).decode(frame)] == ["6901234567892"]


def test_bad_configuration_and_images_are_refused() -> None:
    with pytest.raises(ValueError):
        DecodePipeline(["NoSuchCode"])
    with pytest.raises(ValueError):
        DecodePipeline([])
    with pytest.raises(ValueError):
        DecodePipeline().decode(np.zeros((10, 10), np.float32))
    assert DecodePipeline().decode(np.zeros((0, 0), np.uint8)) == []
