"""The two decoding libraries behind one shape: a grey image in, :class:`Decoded` codes out.

Symbologies are named as zxing-cpp names them (``QRCode``, ``Code128``, ``EAN13`` …), which is also
what :class:`drivers.base.CodeScanned` carries. The libraries are imported by module so that a test
can replace ``zxingcpp.read_barcodes`` or ``pyzbar.pyzbar.decode`` at the library boundary.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol

import cv2
import numpy as np

from drivers.barcode.text import DEFAULT_LEGACY_ENCODING, repair_qr_text

Point = tuple[int, int]

#: zbar's name for each symbology it can read; symbologies missing here are zxing-cpp's alone.
ZBAR_NAMES: dict[str, str] = {
    "QRCode": "QRCODE",
    "Code128": "CODE128",
    "Code39": "CODE39",
    "Code93": "CODE93",
    "Codabar": "CODABAR",
    "EAN13": "EAN13",
    "EAN8": "EAN8",
    "UPCA": "UPCA",
    "UPCE": "UPCE",
    "ITF": "I25",
    "PDF417": "PDF417",
    "DataBar": "DATABAR",
    "DataBarExp": "DATABAR_EXP",
}
_FROM_ZBAR = {zbar: ours for ours, zbar in ZBAR_NAMES.items()}
_QR_FAMILY = frozenset({"QRCode", "MicroQRCode", "RMQRCode"})


@dataclass(frozen=True)
class Decoded:
    """One code found in an image: its symbology, payload text and outline (image pixels, clockwise)."""

    format: str
    text: str
    position: tuple[Point, ...]
    decoder: str

    def as_json(self) -> dict[str, Any]:
        """The fields ``kiosk decode`` prints."""
        return {"format": self.format, "text": self.text, "position": [list(p) for p in self.position]}


class Decoder(Protocol):
    """A decoding pass of the pipeline."""

    name: str

    def decode(self, gray: np.ndarray) -> list[Decoded]:
        """Every code found in a 2-D ``uint8`` image; may raise whatever its library raises."""
        ...


def optional_module(name: str) -> ModuleType | None:
    """The module, or None when it (or the shared library it loads, like libzbar) is missing."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


class ZxingDecoder:
    """zxing-cpp restricted to the configured symbologies, in plain text mode.

    Plain mode keeps control characters (GS separators, tabs) as they are; the default HRI mode
    rewrites them as ``<GS>``. QR byte payloads are re-read by :func:`repair_qr_text`. Looking for
    light-on-dark codes costs a third more time per frame and printed slips never need it, so it
    is off unless ``read_inverted`` is set.
    """

    name = "zxing-cpp"

    def __init__(
        self,
        symbologies: Sequence[str],
        legacy_encoding: str = DEFAULT_LEGACY_ENCODING,
        *,
        read_inverted: bool = False,
    ) -> None:
        self._zx = importlib.import_module("zxingcpp")
        self._formats = tuple(self._zx.barcode_format_from_str(s) for s in symbologies)
        self._legacy_encoding = legacy_encoding
        self._read_inverted = read_inverted

    def decode(self, gray: np.ndarray) -> list[Decoded]:
        """Every code zxing-cpp finds in ``gray``."""
        found = self._zx.read_barcodes(
            gray, formats=self._formats, text_mode=self._zx.TextMode.Plain, try_invert=self._read_inverted
        )
        codes = []
        for barcode in found:
            symbology = barcode.format.name
            text = barcode.text
            if symbology in _QR_FAMILY:
                text = repair_qr_text(text, barcode.bytes, self._legacy_encoding)
            pos = barcode.position
            corners = (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
            codes.append(Decoded(symbology, text, tuple((p.x, p.y) for p in corners), self.name))
        return codes


class ZbarDecoder:
    """pyzbar (libzbar) for the configured symbologies it knows, optionally on a denoised copy.

    zbar is slower than zxing-cpp but reads some EAN-13 and QR images zxing-cpp misses; on camera
    noise it reads far more after a light blur, hence the ``denoise`` variant.
    """

    def __init__(self, symbologies: Sequence[str], *, denoise: bool = False) -> None:
        self._zbar = importlib.import_module("pyzbar.pyzbar")
        known = [s for s in symbologies if s in ZBAR_NAMES]
        self._symbols = [self._zbar.ZBarSymbol[ZBAR_NAMES[s]] for s in known]
        self._denoise = denoise
        self.name = "pyzbar+denoise" if denoise else "pyzbar"

    @property
    def reads_anything(self) -> bool:
        """False when none of the configured symbologies is one zbar knows."""
        return bool(self._symbols)

    def decode(self, gray: np.ndarray) -> list[Decoded]:
        """Every code zbar finds in ``gray`` (blurred first when denoising)."""
        image = cv2.GaussianBlur(gray, (3, 3), 0) if self._denoise else gray
        codes = []
        for symbol in self._zbar.decode(image, symbols=self._symbols):
            symbology = _FROM_ZBAR.get(symbol.type, symbol.type)
            # zbar hands back text already converted to UTF-8.
            text = symbol.data.decode("utf-8", errors="replace")
            polygon = tuple((int(p.x), int(p.y)) for p in symbol.polygon)
            codes.append(Decoded(symbology, text, polygon, self.name))
        return codes
