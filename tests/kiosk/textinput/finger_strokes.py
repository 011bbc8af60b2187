"""Real stroke data written the way a finger would, for the handwriting test and bench.

Stroke medians come from the ``hanzi-writer-data`` npm package (Make Me a Hanzi), fetched into
the user cache by ``scripts/fetch-hanzi-writer-data.sh``. Its coordinates are in a 1024 box with
y upwards and the baseline at 900; a finger's are screen pixels with y downwards, drawn at some
size and place in the writing pad, slanted, shaky and sampled at an uneven rate, and without the
brush-entry ticks of the font the medians were traced from.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
from pathlib import Path

import jieba  # type: ignore[import-untyped]

REPOSITORY = Path(__file__).resolve().parents[3]
FETCH_SCRIPT = REPOSITORY / "scripts" / "fetch-hanzi-writer-data.sh"
PAD = 300
SEED = 20240611
CHARACTER_COUNT = 600
# A first segment shorter than this (in the 1024 box) is the calligraphic font's brush entry.
BRUSH_ENTRY = 40.0

Point = tuple[float, float]


class DataUnavailable(RuntimeError):
    """npm could not fetch the stroke data."""


def fetch() -> Path:
    """The extracted package directory, fetched first if absent."""
    done = subprocess.run(
        ["sh", str(FETCH_SCRIPT)], capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode != 0:
        raise DataUnavailable(f"npm could not fetch hanzi-writer-data: {done.stderr.strip()}")
    return Path(done.stdout.strip().splitlines()[-1])


def common_characters(data: Path, count: int = CHARACTER_COUNT) -> list[str]:
    """The ``count`` most frequent characters in jieba's dictionary that have stroke data."""
    frequency: list[tuple[int, str]] = []
    with Path(jieba.__file__).with_name("dict.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word, uses, *_ = line.split()
            if len(word) == 1 and "\u4e00" <= word <= "\u9fff":
                frequency.append((int(uses), word))
    frequency.sort(reverse=True)
    return [c for _, c in frequency if (data / f"{c}.json").is_file()][:count]


def medians(data: Path, char: str) -> list[list[Point]]:
    """The character's stroke medians in its 1024 box, y downwards."""
    strokes = json.loads((data / f"{char}.json").read_text(encoding="utf-8"))["medians"]
    return [[(float(x), 900.0 - y) for x, y in stroke] for stroke in strokes]


def finger_written(strokes: list[list[Point]], rng: random.Random, pad: int = PAD) -> list[list[Point]]:
    """The strokes as a finger might draw them in a ``pad`` × ``pad`` box."""
    size = rng.uniform(0.45, 0.95) * pad
    scale = size / 1024
    slant = rng.uniform(-0.15, 0.15)
    angle = rng.uniform(-0.05, 0.05)
    cos_a, sin_a = math.cos(angle), math.sin(angle)
    left = rng.uniform(0, pad - size)
    top = rng.uniform(0, pad - size)
    shake = pad * 0.008
    written = []
    for stroke in strokes:
        points = []
        for x, y in _uneven(_without_brush_entry(stroke), rng, step=rng.uniform(25, 70)):
            x, y = x - 512 + slant * (y - 512), y - 512
            x, y = x * cos_a - y * sin_a, x * sin_a + y * cos_a
            points.append(
                (
                    min(pad, max(0.0, left + size / 2 + x * scale + rng.gauss(0, shake))),
                    min(pad, max(0.0, top + size / 2 + y * scale + rng.gauss(0, shake))),
                )
            )
            if rng.random() < 0.1:
                points.append(points[-1])
        written.append(points)
    return written


def _without_brush_entry(stroke: list[Point]) -> list[Point]:
    """The median without the font's short entry tick, which no finger draws."""
    if len(stroke) > 2 and math.dist(stroke[0], stroke[1]) < BRUSH_ENTRY:
        return stroke[1:]
    return stroke


def _uneven(stroke: list[Point], rng: random.Random, step: float) -> list[Point]:
    """Points along the stroke at a varying spacing, as touch events arrive."""
    out = [stroke[0]]
    for (x0, y0), (x1, y1) in zip(stroke, stroke[1:]):
        length = math.hypot(x1 - x0, y1 - y0)
        pieces = max(1, round(length / (step * rng.uniform(0.5, 1.5))))
        out.extend((x0 + (x1 - x0) * k / pieces, y0 + (y1 - y0) * k / pieces) for k in range(1, pieces + 1))
    return out


def samples(data: Path, count: int = CHARACTER_COUNT) -> list[tuple[str, list[list[Point]]]]:
    """(character, finger-written strokes) for the common characters, reproducibly."""
    rng = random.Random(SEED)
    return [(c, finger_written(medians(data, c), rng)) for c in common_characters(data, count)]
