"""The symbologies the kiosk reads unless configured otherwise.

Apart from ``decode`` (which imports OpenCV) so drivers can take them as a default at import time.
"""

from __future__ import annotations

DEFAULT_SYMBOLOGIES: tuple[str, ...] = ("QRCode", "Code128")
