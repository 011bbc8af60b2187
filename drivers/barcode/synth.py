"""Codes rendered in software and placed in camera-like frames.

The simulated scanner, the tests and the benchmark use these so that what they feed the decoding
pipeline looks like what a camera delivers: a code somewhere in a 1280×720 grey frame with sensor
noise. QR codes are drawn with segno because it controls what the kiosk must read: the character
set of byte segments, ECI headers and the Hanzi (GB 2312) mode.
"""

from __future__ import annotations

import importlib

import cv2
import numpy as np

#: The frame size of the kiosk's scanner camera, width × height.
CAMERA_FRAME_SIZE: tuple[int, int] = (1280, 720)


def render_qr(
    content: str | bytes,
    *,
    encoding: str | None = None,
    mode: str | None = None,
    eci: bool = False,
    module_px: int = 6,
) -> np.ndarray:
    """A black-on-white QR code (quiet zone included) as a grey image.

    ``mode`` forces a segment mode (``"byte"``, ``"hanzi"``, ``"kanji"``); ``encoding`` names the
    character set of a byte segment and ``eci`` writes it into the code.
    """
    segno = importlib.import_module("segno")
    qr = segno.make_qr(content, encoding=encoding, mode=mode, eci=eci)
    modules = np.pad(np.array(qr.matrix, dtype=np.uint8), 4)
    image = np.where(modules == 1, 0, 255).astype(np.uint8)
    return np.kron(image, np.ones((module_px, module_px), dtype=np.uint8))


def render_linear(text: str, symbology: str = "Code128", *, module_px: int = 3) -> np.ndarray:
    """A linear barcode (Code 128, EAN-13 …) as a grey image, drawn by zxing-cpp."""
    zx = importlib.import_module("zxingcpp")
    barcode = zx.create_barcode(text, zx.barcode_format_from_str(symbology))
    return np.ascontiguousarray(np.asarray(zx.write_barcode_to_image(barcode, scale=module_px)))


def garble(code: np.ndarray) -> np.ndarray:
    """The code with its upper-left third painted over, as a torn or smudged print leaves it."""
    damaged = code.copy()
    height, width = damaged.shape[:2]
    damaged[: height // 3 + 1, : width // 3 + 1] = 160
    return damaged


def camera_frame(
    code: np.ndarray,
    rng: np.random.Generator,
    *,
    size: tuple[int, int] = CAMERA_FRAME_SIZE,
    noise_sigma: float = 8.0,
    max_code_px: int = 600,
) -> np.ndarray:
    """``code`` at a random place on a grey background, shrunk to fit, with Gaussian sensor noise."""
    width, height = size
    if code.ndim == 3:
        code = cv2.cvtColor(code, cv2.COLOR_BGR2GRAY)
    scale = min(1.0, max_code_px / max(code.shape), (height - 2) / code.shape[0], (width - 2) / code.shape[1])
    if scale < 1.0:
        new_size = (max(1, round(code.shape[1] * scale)), max(1, round(code.shape[0] * scale)))
        code = cv2.resize(code, new_size, interpolation=cv2.INTER_AREA)
    frame = np.full((height, width), 128.0, dtype=np.float32)
    top = int(rng.integers(0, height - code.shape[0] + 1))
    left = int(rng.integers(0, width - code.shape[1] + 1))
    frame[top : top + code.shape[0], left : left + code.shape[1]] = code
    frame += rng.normal(0.0, noise_sigma, frame.shape).astype(np.float32)
    return np.clip(frame, 0, 255).astype(np.uint8)
