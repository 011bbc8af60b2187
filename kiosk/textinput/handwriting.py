"""Handwriting input: a character written with a finger to ranked candidate characters.

The strokes are cleaned up (:mod:`kiosk.textinput.strokes`) and classified by zinnia with the
simplified-Chinese model Debian ships. The recognizer is loaded once per process, on first use.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from kiosk.textinput import strokes as stroke_tools
from kiosk.textinput.zinnia import HandwritingUnavailable, Recognizer

__all__ = ["HandwritingUnavailable", "is_loaded", "recognize", "recognizer"]

_recognizer: Recognizer | None = None
_recognizer_lock = threading.Lock()


def recognizer() -> Recognizer:
    """The process-wide recognizer; raises :class:`HandwritingUnavailable` if it cannot load."""
    global _recognizer
    with _recognizer_lock:
        if _recognizer is None:
            _recognizer = Recognizer()
        return _recognizer


def is_loaded() -> bool:
    """Whether this process holds the recognizer already."""
    return _recognizer is not None


def recognize(
    strokes: Sequence[Sequence[tuple[float, float]]], width: float, height: float, limit: int = 10
) -> list[str]:
    """Candidate characters, likeliest first, for strokes drawn in a ``width`` × ``height`` box.

    Each stroke is a list of (x, y) points with y growing downwards. The box size is accepted for
    the caller's clarity; the strokes are rescaled to their own extent before classification.
    """
    if width <= 0 or height <= 0:
        raise ValueError("the writing box must have a positive size")
    if limit < 1:
        return []
    cleaned = stroke_tools.normalise(strokes)
    if not cleaned:
        return []
    box = stroke_tools.BOX
    return [char for char, _score in recognizer().classify(cleaned, box, box, limit)]
