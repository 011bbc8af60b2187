"""The pipeline on the public corpus: at least the best single decoder's rate on every set, no false positives."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.barcodes import (
    CORPUS_DIR,
    corpus_sets,
    frames_for,
    is_false_positive_set,
    load_samples,
    read_ok,
    symbologies_for,
)
from drivers.barcode.decode import DecodePipeline, to_gray
from drivers.barcode.decoders import ZbarDecoder, ZxingDecoder
from drivers.barcode.images import load_image

SET_NAMES = [p.name for p in corpus_sets()] if CORPUS_DIR.is_dir() else ["corpus-missing"]


def _hits(decode, samples, images) -> int:
    return sum(read_ok(s, decode(img)) for s, img in zip(samples, images, strict=True))


@pytest.mark.parametrize("set_name", SET_NAMES)
def test_pipeline_reads_at_least_what_the_best_single_decoder_reads(corpus_dir: Path, set_name: str) -> None:
    """GIVEN a corpus set, as sample images and placed in noisy 1280×720 frames
    WHEN pyzbar alone, zxing-cpp alone and the pipeline decode them
    THEN the pipeline reads as many right as the better of the two, and nothing in false-positive sets."""
    set_dir = corpus_dir / set_name
    samples = load_samples(set_dir)
    symbologies = symbologies_for(set_dir)
    pipeline = DecodePipeline(symbologies)
    singles = [ZbarDecoder(symbologies).decode, ZxingDecoder(symbologies, read_inverted=True).decode]
    for images in ([to_gray(load_image(s.path)) for s in samples], frames_for(samples)):
        best_single = max(_hits(decode, samples, images) for decode in singles)
        assert _hits(pipeline.decode, samples, images) >= best_single
        if is_false_positive_set(set_dir):
            assert not any(pipeline.decode(img) for img in images)
