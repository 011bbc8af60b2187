"""From capture to printable page: accepted documents, and refusals the visitor understands."""

from __future__ import annotations

import numpy as np
import pytest

from drivers.base import DeviceError
from drivers.camera import synthetic
from drivers.camera.enhance import enhance_for_print
from drivers.camera.page_finder import A4_ASPECT
from drivers.camera.pages import BLANK, BLURRED, NO_PAGE_FOUND, CaptureRejected, process_capture

SEEDS = range(100, 106)


@pytest.mark.parametrize("seed", SEEDS)
def test_document_is_accepted_and_enhanced(seed: int) -> None:
    page = process_capture(synthetic.document_scene(seed).image)
    assert page.image.dtype == np.uint8 and page.image.ndim == 2
    assert page.image.shape[0] / page.image.shape[1] == pytest.approx(A4_ASPECT, rel=0.01)
    assert np.median(page.image) == 255  # the paper prints white, whatever the light was
    assert 0.01 < np.mean(page.image < 128) < 0.3  # and the text prints dark


@pytest.mark.parametrize(("scene", "reason"), [
    (synthetic.blank_scene, BLANK),
    (synthetic.blurred_scene, BLURRED),
    (synthetic.empty_desk_scene, NO_PAGE_FOUND),
])
@pytest.mark.parametrize("seed", SEEDS)
def test_unusable_captures_are_refused(scene: object, reason: str, seed: int) -> None:
    with pytest.raises(CaptureRejected) as refused:
        process_capture(scene(seed).image)  # type: ignore[operator]
    assert refused.value.message_key == reason
    assert isinstance(refused.value, DeviceError)


def test_black_and_white_mode_is_binary() -> None:
    page = process_capture(synthetic.document_scene(3).image, mode="bw").image
    assert set(np.unique(page).tolist()) <= {0, 255}


def test_enhancement_evens_out_light() -> None:
    """A page lit from one side prints equally white on both sides."""
    rng = np.random.default_rng(5)
    page = synthetic.render_page(rng, width=600).astype(np.float32)
    gradient = np.linspace(0.45, 1.0, page.shape[1], dtype=np.float32)[None, :, None]
    out = enhance_for_print((page * gradient).astype(np.uint8))
    left, right = out[:, : out.shape[1] // 5], out[:, -out.shape[1] // 5:]
    assert np.median(left) == np.median(right) == 255
