"""From a camera frame to a printable page, or a reason the visitor can act on.

The order matters: without a page there is nothing to judge; a blank sheet is reported as blank
rather than as blurred (it has no edges to be sharp); only then is focus judged.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from drivers.camera.enhance import Mode, enhance_for_print, flatten, sharpness
from drivers.camera.page_finder import find_page, straighten
from drivers.camera.rejections import BLANK, BLURRED, NO_PAGE_FOUND, CaptureRejected

#: Judged at about the camera's own resolution of the page, so no upscaling blur is measured.
_ANALYSIS_WIDTH = 620
#: Share of the page that must carry any marking, however faint, for it not to be blank.
#: Blank sheets measured at most 0.5 % (a pen lying over an edge), text pages over 10 %.
MIN_MARKED_SHARE = 0.01
#: Steepest-edge measure below which a page is out of focus. Sharp captures measured 0.87–2.4,
#: pages blurred by a Gaussian of 3 px or more at most 0.30.
MIN_SHARPNESS = 0.5


@dataclass(frozen=True)
class Page:
    """A straightened, enhanced page ready for the PDF, with what was measured on the way."""

    image: np.ndarray  # uint8 grayscale, upright A4 proportions
    corners: np.ndarray  # where the page lay in the capture, float32 (4, 2)
    sharpness: float
    marked_share: float


def process_capture(frame: np.ndarray, *, mode: Mode = "gray", width: int = 1240) -> Page:
    """Find, straighten, judge and enhance the page in ``frame``; raises :class:`CaptureRejected`."""
    corners = find_page(frame)
    if corners is None:
        raise CaptureRejected(NO_PAGE_FOUND, "no page outline found")
    flat = _inner(flatten(cv2.cvtColor(straighten(frame, corners, _ANALYSIS_WIDTH), cv2.COLOR_BGR2GRAY)))
    smooth = cv2.GaussianBlur(flat, (0, 0), 2.0)
    marked = float(np.count_nonzero(smooth < 0.93)) / smooth.size
    if marked < MIN_MARKED_SHARE:
        raise CaptureRejected(BLANK, f"marked share {marked:.4f} < {MIN_MARKED_SHARE}")
    sharp = sharpness(flat)
    if sharp < MIN_SHARPNESS:
        raise CaptureRejected(BLURRED, f"sharpness {sharp:.3f} < {MIN_SHARPNESS}")
    image = enhance_for_print(straighten(frame, corners, width), mode)
    _whiten_border(image)
    return Page(image, corners, sharp, marked)


def _whiten_border(image: np.ndarray, margin: float = 0.01) -> None:
    """Paint over the outermost percent, where the corners' few pixels of error show the desk."""
    h, w = image.shape[:2]
    m = max(1, int(margin * w))
    image[:m] = 255
    image[h - m:] = 255
    image[:, :m] = 255
    image[:, w - m:] = 255


def _inner(page: np.ndarray, margin: float = 0.03) -> np.ndarray:
    """The page without a thin border, where a sliver of desk may remain after straightening."""
    h, w = page.shape[:2]
    m = int(margin * w)
    return page[m:h - m, m:w - m]
