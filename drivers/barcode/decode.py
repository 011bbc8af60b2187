"""The kiosk's decoding pipeline: zxing-cpp first, zbar only when zxing-cpp found nothing.

zxing-cpp restricted to the kiosk's symbologies decodes a noisy 1280×720 frame in a few
milliseconds; zbar takes ten times that but reads some codes zxing-cpp misses (see
``docs/benchmarks.md``). So zbar runs as a fallback, on the raw image and then on a denoised copy,
and a caller with a tight frame budget (the camera scanner) can skip the fallback on most frames.
A pass that raises is logged and counted, and the next pass still runs.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence

import cv2
import numpy as np

from drivers.barcode.decoders import Decoded, Decoder, ZbarDecoder, ZxingDecoder
from drivers.barcode.symbologies import DEFAULT_SYMBOLOGIES
from drivers.barcode.text import DEFAULT_LEGACY_ENCODING

log = logging.getLogger("kiosk.drivers.barcode")

#: What the kiosk reads unless configured otherwise: receipt and badge QR codes, Code 128 slips.


def to_gray(image: np.ndarray) -> np.ndarray:
    """A contiguous 2-D ``uint8`` view of a grey, BGR or BGRA image (what both libraries read fastest)."""
    if image.dtype != np.uint8:
        raise ValueError(f"expected an 8-bit image, got {image.dtype}")
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    elif image.ndim == 3 and image.shape[2] in (3, 4):
        code = cv2.COLOR_BGR2GRAY if image.shape[2] == 3 else cv2.COLOR_BGRA2GRAY
        image = cv2.cvtColor(image, code)
    elif image.ndim != 2:
        raise ValueError(f"expected a grey or BGR image, got shape {image.shape}")
    return np.ascontiguousarray(image)


class DecodePipeline:
    """Decodes images for the configured symbologies with every decoding library available.

    ``read_inverted`` makes zxing-cpp also look for light-on-dark codes (a phone in dark mode).
    """

    def __init__(
        self,
        symbologies: Sequence[str] = DEFAULT_SYMBOLOGIES,
        *,
        legacy_encoding: str = DEFAULT_LEGACY_ENCODING,
        read_inverted: bool = False,
    ) -> None:
        if not symbologies:
            raise ValueError("at least one symbology must be configured")
        self.symbologies = tuple(symbologies)
        self.passes: list[Decoder] = []
        #: Library name → why it is not in use (missing, or unable to read any configured symbology).
        self.unavailable: dict[str, str] = {}
        try:
            self.passes.append(ZxingDecoder(self.symbologies, legacy_encoding, read_inverted=read_inverted))
        except ImportError as exc:
            self.unavailable["zxing-cpp"] = str(exc)
        try:
            zbar_passes = [ZbarDecoder(self.symbologies), ZbarDecoder(self.symbologies, denoise=True)]
        except ImportError as exc:
            self.unavailable["pyzbar"] = str(exc)
        else:
            if zbar_passes[0].reads_anything:
                self.passes.extend(zbar_passes)
            else:
                self.unavailable["pyzbar"] = "reads none of the configured symbologies"
        #: Pass name → how many times it raised; the scanner reports a failing library to staff.
        self.failures: Counter[str] = Counter()

    def decode(self, image: np.ndarray, *, fallback: bool = True) -> list[Decoded]:
        """Codes in ``image``, from the first pass that finds any; ``fallback=False`` runs only the first."""
        gray = to_gray(image)
        if gray.size == 0:
            return []
        for index, decoder in enumerate(self.passes):
            if index and not fallback:
                break
            try:
                found = decoder.decode(gray)
            except Exception:
                self.failures[decoder.name] += 1
                log.warning("decoder %s failed; trying the next", decoder.name, exc_info=True)
                continue
            if found:
                return _unique(found)
        return []


def _unique(codes: list[Decoded]) -> list[Decoded]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for code in codes:
        if (code.format, code.text) not in seen:
            seen.add((code.format, code.text))
            unique.append(code)
    return unique
