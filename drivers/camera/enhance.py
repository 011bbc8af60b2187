"""Make a straightened page print well, and judge whether it is worth printing at all.

Pure functions. Lighting under a document camera is never even, so every measure works on the
page divided by its own paper brightness (``flatten``): paper becomes 1.0 wherever it lies, ink
stays dark, and thresholds hold from the lamp's hot spot to the shadow of the camera arm.
"""

from __future__ import annotations

from typing import Literal

import cv2
import numpy as np

Mode = Literal["gray", "bw"]


def flatten(gray: np.ndarray) -> np.ndarray:
    """The page as float32 reflectance: paper ≈ 1, ink < 1, independent of uneven light."""
    size = max(15, (min(gray.shape[:2]) // 25) | 1)
    # Closing removes the ink (small and dark) and leaves the paper's brightness everywhere.
    paper = cv2.morphologyEx(gray, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))
    paper = cv2.GaussianBlur(paper, (0, 0), size / 2).astype(np.float32)
    return np.clip(gray.astype(np.float32) / np.maximum(paper, 1.0), 0.0, 1.0)


def enhance_for_print(page: np.ndarray, mode: Mode = "gray") -> np.ndarray:
    """A grayscale (or black-and-white) uint8 page: white paper, dark crisp ink, no lighting gradient.

    ``gray`` keeps photographs and stamps legible; ``bw`` is sharper for pure text and prints
    fastest on receipt-class printers. Flattening already divided out the local paper brightness,
    so one Otsu threshold on the result acts as an adaptive threshold on the capture.
    """
    gray = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY) if page.ndim == 3 else page
    flat = flatten(gray)
    # Paper's faint texture and noise above 0.9 go to white; ink is stretched towards black.
    stretched = (np.clip((flat - 0.35) / (0.9 - 0.35), 0.0, 1.0) ** 1.4 * 255).astype(np.uint8)
    if mode == "bw":
        _, bw = cv2.threshold(cv2.medianBlur(stretched, 3), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        return bw
    return stretched


def ink_share(flat: np.ndarray) -> float:
    """Share of the page that is clearly darker than its paper."""
    smooth = cv2.GaussianBlur(flat, (0, 0), 1.0)
    return float(np.count_nonzero(smooth < 0.85)) / smooth.size


def sharpness(flat: np.ndarray) -> float:
    """How steep the steepest ink edges are: the 99.5th percentile of the gradient magnitude.

    In focus, text strokes go from ink to paper within a pixel or two; out of focus the same
    contrast is spread wide. Measured on reflectance, so lighting and ink darkness matter little.
    """
    gx = cv2.Sobel(flat, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(flat, cv2.CV_32F, 0, 1, ksize=3)
    return float(np.percentile(cv2.magnitude(gx, gy), 99.5))
