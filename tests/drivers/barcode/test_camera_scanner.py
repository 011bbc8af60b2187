"""The camera scanner over an image folder and a video file: decoding off the caller's thread, once per presentation."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from drivers.barcode.camera_scanner import CameraScanner
from drivers.barcode.synth import camera_frame, render_linear, render_qr
from drivers.base import CodeScanned, DeviceEvent, Health, StatusChanged
from tests.drivers.barcode.conftest import wait_for

RECEIPT = "https://court.example.cn/r/2024-0105-000123"
SLIP = "GD2024-000815"


class Recorder:
    """Collects emitted events and the threads they came from."""

    def __init__(self) -> None:
        self.events: list[DeviceEvent] = []
        self.threads: set[str] = set()

    def __call__(self, event: DeviceEvent) -> None:
        self.threads.add(threading.current_thread().name)
        self.events.append(event)

    def codes(self) -> list[tuple[str, str]]:
        return [(e.symbology, e.text) for e in self.events if isinstance(e, CodeScanned)]

    def health(self) -> list[Health]:
        return [e.status.health for e in self.events if isinstance(e, StatusChanged)]


def _frame(code: np.ndarray | None, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    if code is None:
        return np.clip(rng.normal(128, 8, (720, 1280)), 0, 255).astype(np.uint8)
    return camera_frame(code, rng)


@pytest.fixture
def scanner_factory():
    scanners: list[CameraScanner] = []

    def make(source: int | str | Path, **options: object) -> CameraScanner:
        scanner = CameraScanner(str(source) if isinstance(source, Path) else source, **options)
        scanners.append(scanner)
        return scanner

    yield make
    for scanner in scanners:
        scanner.close()


def test_folder_images_are_decoded_on_the_scanner_thread(tmp_path: Path, scanner_factory) -> None:
    """GIVEN a folder with a receipt QR and a Code 128 slip, each shown for three frames
    WHEN the enabled scanner plays it
    THEN each code is reported once, from the scanner's own thread."""
    cv2.imwrite(str(tmp_path / "1.png"), _frame(render_qr(RECEIPT), 1))
    cv2.imwrite(str(tmp_path / "2.png"), _frame(render_linear(SLIP), 2))
    recorder = Recorder()
    scanner = scanner_factory(tmp_path, frames_per_image=3)
    scanner.set_enabled(True)
    scanner.open(recorder)
    assert wait_for(lambda: len(recorder.codes()) == 2)
    assert recorder.codes() == [("QRCode", RECEIPT), ("Code128", SLIP)]
    assert recorder.threads == {"barcode-camera"}
    assert scanner.status().health is Health.OK


def test_video_reports_a_code_once_per_presentation(tmp_path: Path, scanner_factory) -> None:
    """GIVEN a video: the receipt held for 6 frames, taken away for 12, shown again, then the slip
    THEN the receipt is reported twice (two presentations) and the slip once."""
    video = tmp_path / "desk.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 15, (1280, 720), isColor=False)
    receipt, slip = render_qr(RECEIPT), render_linear(SLIP)
    script = [receipt] * 6 + [None] * 12 + [receipt] * 6 + [slip] * 6
    for index, code in enumerate(script):
        writer.write(_frame(code, seed=0 if code is not None else index))
    writer.release()
    recorder = Recorder()
    scanner = scanner_factory(video)
    scanner.set_enabled(True)
    scanner.open(recorder)
    assert wait_for(lambda: len(recorder.codes()) >= 3)
    scanner.close()
    assert recorder.codes() == [("QRCode", RECEIPT), ("QRCode", RECEIPT), ("Code128", SLIP)]


def test_nothing_is_reported_while_disabled(tmp_path: Path, scanner_factory) -> None:
    cv2.imwrite(str(tmp_path / "1.png"), _frame(render_qr(RECEIPT), 1))
    recorder = Recorder()
    scanner = scanner_factory(tmp_path, frames_per_image=3)
    scanner.open(recorder)
    assert wait_for(lambda: Health.OK in recorder.health())
    scanner.close()
    assert recorder.codes() == []


def test_unplugged_camera_is_absent_and_recovers(tmp_path: Path, scanner_factory) -> None:
    """GIVEN a working source WHEN it disappears THEN the status is ABSENT with a message key;
    WHEN it comes back THEN the status is OK again and codes are read."""
    camera = tmp_path / "camera"
    camera.mkdir()
    recorder = Recorder()
    scanner = scanner_factory(camera, reopen_interval_s=0.05)
    scanner.set_enabled(True)
    scanner.open(recorder)
    assert wait_for(lambda: scanner.status().health is Health.OK)
    shutil.rmtree(camera)
    assert wait_for(lambda: scanner.status().health is Health.ABSENT)
    assert scanner.status().message_key == "scanner.status.camera_absent"
    assert not scanner.self_test().passed
    plugged_in = tmp_path / "plugged-in"
    plugged_in.mkdir()
    cv2.imwrite(str(plugged_in / "1.png"), _frame(render_qr(RECEIPT), 1))
    plugged_in.rename(camera)
    assert wait_for(lambda: recorder.codes() == [("QRCode", RECEIPT)])
    assert recorder.health() == [Health.OK, Health.ABSENT, Health.OK]


def test_missing_camera_device_is_absent(scanner_factory) -> None:
    scanner = scanner_factory(97, reopen_interval_s=10.0)
    scanner.open(Recorder())
    assert wait_for(lambda: scanner.status().message_key == "scanner.status.camera_absent")
    assert scanner.self_test().message_key == "scanner.selftest.camera_absent"


def test_self_test_reads_a_rendered_code_through_the_pipeline(tmp_path: Path, scanner_factory) -> None:
    scanner = scanner_factory(tmp_path)
    scanner.open(Recorder())
    assert wait_for(lambda: scanner.status().working)
    result = scanner.self_test()
    assert result.passed, result.detail
    assert result.message_key == "scanner.selftest.ok"


def test_fallback_frames_must_be_closer_than_a_code_s_absence() -> None:
    with pytest.raises(ValueError):
        CameraScanner(0, leave_after_frames=4, fallback_every=4)
