"""Barcode decoding: pyzbar alone, zxing-cpp alone and the kiosk's pipeline, side by side.

For every image set of the public corpus in ``<repo>/../shared/testdata/barcodes`` it prints the
decode rate and the median time per image of each, on the sample images as they are and placed in
a noisy 1280×720 frame as the camera delivers them, and the codes found in the false-positive
sets. Each set is read with the kiosk's default symbologies plus the set's own. Exits non-zero
when the pipeline reads fewer codes than the best single decoder on a set, or finds a code in a
false-positive set. Run: ``.venv/bin/python -m bench.barcodes``.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from drivers.barcode.decode import DEFAULT_SYMBOLOGIES, DecodePipeline, to_gray
from drivers.barcode.decoders import Decoded, ZbarDecoder, ZxingDecoder
from drivers.barcode.images import IMAGE_SUFFIXES, load_image
from drivers.barcode.synth import camera_frame

#: The corpus, beside the repository (never copied into it).
CORPUS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata" / "barcodes"

#: A set's name prefix → the symbology its images hold (false-positive sets hold none).
SET_SYMBOLOGY = {"qrcode": "QRCode", "code128": "Code128", "code39": "Code39", "ean13": "EAN13", "ean8": "EAN8"}


@dataclass(frozen=True)
class Sample:
    """One corpus image and the text it must decode to (None: it must decode to nothing)."""

    path: Path
    expected: str | None


def corpus_sets(corpus: Path = CORPUS_DIR) -> list[Path]:
    """The corpus's image sets, in name order."""
    return sorted(p for p in corpus.iterdir() if p.is_dir())


def load_samples(set_dir: Path) -> list[Sample]:
    """The images of a set with their expected texts (``NAME.txt`` is UTF-8, ``NAME.bin`` raw bytes)."""
    samples = []
    for image in sorted(p for p in set_dir.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES):
        text_file, bin_file = image.with_suffix(".txt"), image.with_suffix(".bin")
        if text_file.exists():
            # Bytes, not text mode: payloads keep their CR LF line ends.
            expected: str | None = text_file.read_bytes().decode("utf-8")
        elif bin_file.exists():
            expected = bin_file.read_bytes().decode("latin-1")
        else:
            expected = None
        samples.append(Sample(image, expected))
    return samples


def symbologies_for(set_dir: Path) -> tuple[str, ...]:
    """What the kiosk would be configured to read for a set: the defaults plus the set's own."""
    kind = set_dir.name.split("-")[0]
    extra = [SET_SYMBOLOGY[kind]] if kind in SET_SYMBOLOGY else list(SET_SYMBOLOGY.values())
    return tuple(dict.fromkeys([*DEFAULT_SYMBOLOGIES, *extra]))


def is_false_positive_set(set_dir: Path) -> bool:
    """True for the sets whose images hold no code."""
    return set_dir.name.startswith("falsepositives")


def read_ok(sample: Sample, codes: Sequence[Decoded]) -> bool:
    """The outcome the set asks for: the expected text found, or (false-positive sets) nothing found."""
    if sample.expected is None:
        return not codes
    return any(code.text == sample.expected for code in codes)


def frames_for(samples: Sequence[Sample]) -> list[np.ndarray]:
    """Each sample in a noisy 1280×720 frame, at a place fixed by its index (repeatable runs)."""
    return [camera_frame(to_gray(load_image(s.path)), np.random.default_rng(i)) for i, s in enumerate(samples)]


@dataclass
class Score:
    """How one decoder did on one set."""

    hits: int = 0
    found_any: int = 0
    total: int = 0
    median_ms: float = 0.0


def score(
    decode: Callable[[np.ndarray], list[Decoded]], samples: Sequence[Sample], images: Sequence[np.ndarray]
) -> Score:
    """Decode each image once, timing the CPU it takes."""
    result, times = Score(total=len(samples)), []
    for sample, image in zip(samples, images, strict=True):
        start = time.thread_time()
        codes = decode(image)
        times.append(time.thread_time() - start)
        result.hits += read_ok(sample, codes)
        result.found_any += bool(codes)
    result.median_ms = statistics.median(times) * 1000 if times else 0.0
    return result


def safely(decode: Callable[[np.ndarray], list[Decoded]]) -> Callable[[np.ndarray], list[Decoded]]:
    """A single decoder as the bench runs it: a raise counts as nothing found."""

    def run(image: np.ndarray) -> list[Decoded]:
        try:
            return decode(image)
        except Exception:
            return []

    return run


def main() -> int:
    """Print the table; exit status 1 when the pipeline falls short, 2 when the corpus is missing."""
    if not CORPUS_DIR.is_dir():
        print(f"barcode corpus not found at {CORPUS_DIR}; nothing to measure", file=sys.stderr)
        return 2
    names = ("pyzbar", "zxing-cpp", "pipeline")
    print(f"corpus: {CORPUS_DIR}")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load}; times are CPU ms of the decoding thread, so other")
    print("processes on the machine do not inflate them")
    print("rate = images read right (false-positive sets: images with no code found); time = median ms per image")
    header = " | ".join(f"{n} {where}" for where in ("img", "frame") for n in names)
    print(f"{'set':<17} {'n':>3} | {header}")
    shortfalls, pipeline_frame_ms = [], []
    for set_dir in corpus_sets():
        samples = load_samples(set_dir)
        symbologies = symbologies_for(set_dir)
        pipeline = DecodePipeline(symbologies)
        decoders = {
            "pyzbar": safely(ZbarDecoder(symbologies).decode),
            "zxing-cpp": safely(ZxingDecoder(symbologies, read_inverted=True).decode),
            "pipeline": pipeline.decode,
        }
        gray = [to_gray(load_image(s.path)) for s in samples]
        frames = frames_for(samples)
        cells = []
        for where, images in (("img", gray), ("frame", frames)):
            scores = {name: score(decoders[name], samples, images) for name in names}
            for name in names:
                cells.append(f"{scores[name].hits:>2}/{scores[name].total:<2} {scores[name].median_ms:6.1f}")
            best_single = max(scores["pyzbar"].hits, scores["zxing-cpp"].hits)
            if scores["pipeline"].hits < best_single:
                shortfalls.append(f"{set_dir.name} ({where}): pipeline {scores['pipeline'].hits} < {best_single}")
            if is_false_positive_set(set_dir) and scores["pipeline"].found_any:
                shortfalls.append(f"{set_dir.name} ({where}): {scores['pipeline'].found_any} false positives")
        if set(symbologies) == set(DEFAULT_SYMBOLOGIES):
            pipeline_frame_ms.extend(_times(pipeline.decode, frames))
        fp_note = ""
        if is_false_positive_set(set_dir):
            fp_note = "  false positives: " + ", ".join(
                f"{n} {sum(bool(safely(decoders[n])(f)) for f in gray + frames)}" for n in names
            )
        print(f"{set_dir.name:<17} {len(samples):>3} | " + " | ".join(cells) + fp_note)
    _print_frame_costs(pipeline_frame_ms)
    for line in shortfalls:
        print(f"SHORTFALL {line}")
    return 1 if shortfalls else 0


def _times(decode: Callable[[np.ndarray], list[Decoded]], images: Sequence[np.ndarray]) -> list[float]:
    times = []
    for image in images:
        start = time.thread_time()
        decode(image)
        times.append((time.thread_time() - start) * 1000)
    return times


def _print_frame_costs(code_frame_ms: list[float]) -> None:
    """The pipeline's cost per 1280×720 frame for the default symbologies, with and without a code."""
    pipeline = DecodePipeline()
    rng = np.random.default_rng(0)
    empty = [np.clip(rng.normal(128, 8, (720, 1280)), 0, 255).astype(np.uint8) for _ in range(10)]
    fast_ms = _times(lambda f: pipeline.decode(f, fallback=False), empty)
    full_ms = _times(pipeline.decode, empty)
    names = "+".join(DEFAULT_SYMBOLOGIES)
    print(f"pipeline ({names}), 1280x720 frames with a QR or Code 128 code: {statistics.median(code_frame_ms):.1f} ms")
    print(
        f"pipeline ({names}), empty 1280x720 frames: zxing-cpp pass only {statistics.median(fast_ms):.1f} ms,"
        f" with the zbar fallback {statistics.median(full_ms):.1f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
