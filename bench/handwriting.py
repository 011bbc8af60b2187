"""Handwriting: recognizer load time and recognition time per character, raw and cleaned up.

Uses the finger-written stroke medians of the handwriting test (fetched with npm into the user
cache). Prints the median and 95th percentile of :func:`kiosk.textinput.handwriting.recognize`
and of the raw zinnia call, and their top-1 / top-5 rates. Run:
``.venv/bin/python -m bench.handwriting``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from kiosk.textinput import handwriting
from tests.kiosk.textinput import finger_strokes

Strokes = list[list[tuple[float, float]]]


def measure(name: str, samples: list[tuple[str, Strokes]], guess: Callable[[Strokes], list[str]]) -> None:
    """Prints time per character and accuracy of one way of recognising."""
    timings = []
    first = top5 = 0
    for char, written in samples:
        started = time.perf_counter()
        found = guess(written)
        timings.append(time.perf_counter() - started)
        first += found[:1] == [char]
        top5 += char in found[:5]
    timings.sort()
    count = len(samples)
    print(
        f"{name}: median {statistics.median(timings) * 1000:.1f} ms, "
        f"95th percentile {timings[int(count * 0.95)] * 1000:.1f} ms; "
        f"top-1 {first / count:.1%}, top-5 {top5 / count:.1%} of {count}"
    )


def main() -> None:
    samples = finger_strokes.samples(finger_strokes.fetch())
    started = time.perf_counter()
    recognizer = handwriting.recognizer()
    print(f"recognizer loaded in {time.perf_counter() - started:.2f} s")
    pad = finger_strokes.PAD
    measure("raw zinnia", samples, lambda s: [c for c, _ in recognizer.classify(s, pad, pad, 10)])
    measure("recognize()", samples, lambda s: handwriting.recognize(s, pad, pad))


if __name__ == "__main__":
    main()
