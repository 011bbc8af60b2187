"""OpenCvDocumentCamera on OpenCV's own image sources (no camera hardware here)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from drivers.base import DeviceError, DeviceEvent, Health, StatusChanged
from drivers.camera import synthetic
from drivers.camera.opencv_camera import ABSENT, READY, TIMED_OUT, OpenCvDocumentCamera
from drivers.camera.pages import process_capture


@pytest.fixture
def still(tmp_path: Path) -> Path:
    path = tmp_path / "capture.png"
    cv2.imwrite(str(path), synthetic.document_scene(21).image)
    return path


def test_captures_repeatedly_from_a_still_image(still: Path) -> None:
    camera = OpenCvDocumentCamera(device=str(still))
    camera.open(lambda event: None)
    try:
        assert camera.status().message_key == READY
        frames = [camera.capture() for _ in range(3)]
        assert all(f.shape == (960, 1280, 3) for f in frames)
        assert process_capture(frames[-1]).image.ndim == 2
        assert camera.self_test().passed
    finally:
        camera.close()


def test_absent_camera_recovers_when_plugged_in(tmp_path: Path) -> None:
    """GIVEN no camera at the configured source WHEN it appears THEN the driver reports it back OK."""
    source = tmp_path / "later.png"
    camera = OpenCvDocumentCamera(device=str(source), reconnect_interval_s=0.05)
    events: list[DeviceEvent] = []
    back = threading.Event()

    def emit(event: DeviceEvent) -> None:
        events.append(event)
        if isinstance(event, StatusChanged) and event.status.health == Health.OK:
            back.set()

    camera.open(emit)
    try:
        assert camera.status().health == Health.ABSENT
        with pytest.raises(DeviceError) as error:
            camera.capture()
        assert error.value.message_key == ABSENT
        cv2.imwrite(str(source), synthetic.document_scene(22).image)
        assert back.wait(30)
        assert camera.capture().shape == (960, 1280, 3)
    finally:
        camera.close()


def test_capture_that_hangs_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    class HangingCapture:
        def __init__(self, *args: Any) -> None:
            pass

        def isOpened(self) -> bool:  # noqa: N802
            return True

        def set(self, *args: Any) -> bool:
            return True

        def read(self) -> tuple[bool, np.ndarray]:
            release.wait()
            return False, np.zeros((1, 1, 3), np.uint8)

        def release(self) -> None:
            pass

    monkeypatch.setattr(cv2, "VideoCapture", HangingCapture)
    camera = OpenCvDocumentCamera(device=0, capture_timeout_s=0.2, reconnect_interval_s=60)
    camera.open(lambda event: None)
    try:
        with pytest.raises(DeviceError) as error:
            camera.capture()
        assert error.value.message_key == TIMED_OUT
        assert camera.status().health == Health.ERROR
    finally:
        release.set()
        camera.close()
