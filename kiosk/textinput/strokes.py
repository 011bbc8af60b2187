"""Clean-up of finger-drawn strokes before recognition.

zinnia divides coordinates by the box size and compares the result with model strokes written to
fill their box. A finger writes small or large, off-centre, and reports points at an uneven rate
with repeats, so the strokes are centred and scaled to fill a square box, and resampled at an even
spacing, then smoothed. The settings were chosen by measuring on finger-like strokes of 600
common characters (``tests/kiosk/textinput/test_handwriting.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]
Stroke = list[Point]

# The square box the recognizer sees, and the empty border kept inside it.
BOX = 1000
MARGIN = 0.08
# Point spacing after resampling, as a fraction of the box.
SPACING = 0.06
# Points on each side averaged to take out a finger's tremor (measured best of 0, 1, 2).
SMOOTHING_REACH = 2


def dedupe(stroke: Sequence[Point]) -> Stroke:
    """The stroke without points repeating the one before."""
    kept: Stroke = []
    for point in stroke:
        if not kept or point != kept[-1]:
            kept.append((float(point[0]), float(point[1])))
    return kept


def resample(stroke: Stroke, spacing: float) -> Stroke:
    """Points every ``spacing`` along the stroke, keeping its ends."""
    if len(stroke) < 2:
        return list(stroke)
    out = [stroke[0]]
    carried = 0.0
    for (x0, y0), (x1, y1) in zip(stroke, stroke[1:]):
        length = math.hypot(x1 - x0, y1 - y0)
        travelled = spacing - carried
        while travelled <= length:
            t = travelled / length
            out.append((x0 + t * (x1 - x0), y0 + t * (y1 - y0)))
            travelled += spacing
        carried = length - (travelled - spacing)
    if out[-1] != stroke[-1]:
        out.append(stroke[-1])
    return out


def smooth(stroke: Stroke, reach: int) -> Stroke:
    """Each inner point averaged with ``reach`` neighbours on each side; the ends stay put."""
    if reach < 1 or len(stroke) < 3:
        return list(stroke)
    out = [stroke[0]]
    for i in range(1, len(stroke) - 1):
        window = stroke[max(0, i - reach) : i + reach + 1]
        out.append(
            (sum(x for x, _ in window) / len(window), sum(y for _, y in window) / len(window))
        )
    out.append(stroke[-1])
    return out


def normalise(strokes: Sequence[Sequence[Point]]) -> list[Stroke]:
    """Strokes centred in a ``BOX`` square, scaled evenly to fill it, resampled and smoothed.

    One scale for both axes keeps a flat character (一) flat rather than stretching it square.
    """
    cleaned = [s for s in (dedupe(stroke) for stroke in strokes) if s]
    if not cleaned:
        return []
    xs = [x for stroke in cleaned for x, _ in stroke]
    ys = [y for stroke in cleaned for _, y in stroke]
    left, top = min(xs), min(ys)
    extent_x, extent_y = max(xs) - left, max(ys) - top
    larger = max(extent_x, extent_y)
    if larger == 0:
        return [[(BOX / 2, BOX / 2)] for _ in cleaned]
    scale = BOX * (1 - 2 * MARGIN) / larger
    offset_x = (BOX - extent_x * scale) / 2
    offset_y = (BOX - extent_y * scale) / 2
    placed = [
        [((x - left) * scale + offset_x, (y - top) * scale + offset_y) for x, y in stroke]
        for stroke in cleaned
    ]
    return [smooth(resample(stroke, SPACING * BOX), SMOOTHING_REACH) for stroke in placed]
