"""Reading image files into the arrays the decoding pipeline takes."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image

#: File suffixes treated as images when a folder stands in for a camera.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff", ".pgm", ".ppm"})


def load_image(path: Path) -> np.ndarray:
    """The image as a BGR or grey ``uint8`` array; raises ValueError when it cannot be read.

    OpenCV reads most files; Pillow covers what OpenCV refuses (a 1×1 WebP, GIF frames).
    """
    if not path.is_file():
        raise ValueError(f"no image file {path}")
    image = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    if image is not None and image.dtype == np.uint8:
        return image
    try:
        with Image.open(path) as pil:
            return np.asarray(pil.convert("L"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot read image {path}: {exc}") from exc
