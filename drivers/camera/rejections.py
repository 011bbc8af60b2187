"""Why a capture is not a usable page: message keys the journeys map to what the visitor is told.

Apart from ``pages`` (which imports OpenCV) so a journey can name the reasons at import time and
load OpenCV only when it captures a page.
"""

from __future__ import annotations

from drivers.base import DeviceError

NO_PAGE_FOUND = "capture.no_page_found"
BLANK = "capture.blank"
BLURRED = "capture.blurred"


class CaptureRejected(DeviceError):
    """The capture is not a usable page; ``message_key`` tells the visitor what to do."""
