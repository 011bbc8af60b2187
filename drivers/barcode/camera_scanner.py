"""The camera scanner: frames from OpenCV, decoded on the driver's own thread.

Frames are read and decoded on one worker thread, never the UI thread. The worker always takes
the camera's next frame, so a slow decode lowers the decode rate instead of building a backlog.
zbar's fallback passes run on every ``fallback_every``-th frame only, which keeps an empty view
(the usual case) near zxing-cpp's cost. A code is reported once per presentation.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Sequence

import numpy as np

from drivers.barcode.decode import DEFAULT_SYMBOLOGIES, DecodePipeline
from drivers.barcode.presentation import PresentationTracker
from drivers.barcode.sources import FrameSource, SourceLost, open_source
from drivers.barcode.synth import camera_frame, render_linear, render_qr
from drivers.barcode.text import DEFAULT_LEGACY_ENCODING
from drivers.base import (
    CodeScanned,
    CodeScanner,
    DeviceStatus,
    Emit,
    Health,
    SelfTestResult,
    StatusChanged,
)

log = logging.getLogger("kiosk.drivers.barcode")

#: Texts the self-test renders and reads back, per symbology.
SELF_TEST_SAMPLES: dict[str, str] = {
    "QRCode": "courtkiosk self-test 自检",
    "Code128": "KIOSK-SELFTEST-01",
    "Code39": "KIOSK SELFTEST",
    "EAN13": "6901234567892",
    "EAN8": "96385074",
}


class CameraScanner(CodeScanner):
    """Reads codes shown to a camera, a video file or a folder of images (``source``).

    ``source`` is a device index (``0``), a video file or a folder; ``frames_per_image`` repeats
    each image of a folder, and ``frame_interval_s`` paces files and folders like a camera.
    """

    name = "camera"

    def __init__(
        self,
        source: int | str = 0,
        symbologies: Sequence[str] = DEFAULT_SYMBOLOGIES,
        *,
        leave_after_frames: int = 8,
        fallback_every: int = 4,
        frames_per_image: int = 1,
        frame_interval_s: float = 0.0,
        reopen_interval_s: float = 2.0,
        legacy_encoding: str = DEFAULT_LEGACY_ENCODING,
        read_inverted: bool = False,
    ) -> None:
        if fallback_every < 1 or leave_after_frames <= fallback_every:
            # Otherwise a code only zbar reads would look gone between two fallback frames.
            raise ValueError("need 1 <= fallback_every < leave_after_frames")
        self._source_spec = source
        self._frames_per_image = frames_per_image
        self._frame_interval_s = frame_interval_s
        self._reopen_interval_s = reopen_interval_s
        self._fallback_every = fallback_every
        self._pipeline = DecodePipeline(symbologies, legacy_encoding=legacy_encoding, read_inverted=read_inverted)
        self._tracker = PresentationTracker(leave_after_frames)
        self._emit: Emit | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._enabled = threading.Event()
        self._reset_presentations = threading.Event()
        self._lock = threading.Lock()
        self._status = DeviceStatus(Health.ABSENT, "scanner.status.closed")

    @classmethod
    def is_usable(cls) -> bool:
        """OpenCV and at least one decoding library import."""
        found = importlib.util.find_spec
        return found("cv2") is not None and (found("zxingcpp") is not None or found("pyzbar") is not None)

    def open(self, emit: Emit) -> None:
        """Start the worker thread, which opens the source and keeps retrying while it is absent."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._emit = emit
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="barcode-camera", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop the worker and release the camera."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5.0)
            self._thread = None
        self._set_status(DeviceStatus(Health.ABSENT, "scanner.status.closed"))

    def status(self) -> DeviceStatus:
        """The last health the worker saw."""
        with self._lock:
            return self._status

    def set_enabled(self, enabled: bool) -> None:
        """Decode only while enabled; on enabling, a code already in view counts as newly presented."""
        if enabled and not self._enabled.is_set():
            self._reset_presentations.set()
        (self._enabled.set if enabled else self._enabled.clear)()

    def self_test(self) -> SelfTestResult:
        """The camera delivers frames and the pipeline reads a rendered code in a noisy frame."""
        current = self.status()
        if not current.working:
            return SelfTestResult(False, "scanner.selftest.camera_absent", current.detail)
        symbology = next((s for s in self._pipeline.symbologies if s in SELF_TEST_SAMPLES), None)
        if symbology is None:
            return SelfTestResult(True, "scanner.selftest.ok", "no test code for the configured symbologies")
        sample = SELF_TEST_SAMPLES[symbology]
        try:
            code = render_qr(sample) if symbology == "QRCode" else render_linear(sample, symbology)
            found = DecodePipeline(self._pipeline.symbologies).decode(camera_frame(code, np.random.default_rng()))
        except Exception as exc:
            return SelfTestResult(False, "scanner.selftest.decoder_failed", f"{type(exc).__name__}: {exc}")
        if not any(c.text == sample for c in found):
            return SelfTestResult(False, "scanner.selftest.decoder_failed", f"test {symbology} not read")
        decoders = ", ".join(d.name for d in self._pipeline.passes)
        return SelfTestResult(True, "scanner.selftest.ok", f"read a test {symbology} with {decoders}")

    # --- worker thread -------------------------------------------------------------------------

    def _run(self) -> None:
        source: FrameSource | None = None
        frame_index = 0
        while not self._stop.is_set():
            if source is None:
                source = self._open_source()
                if source is None:
                    self._stop.wait(self._reopen_interval_s)
                    continue
            try:
                frame = source.read()
            except SourceLost as exc:
                source.close()
                source = None
                self._set_status(DeviceStatus(Health.ABSENT, "scanner.status.camera_absent", str(exc)))
                continue
            if frame is None:
                self._stop.wait(0.05)
                continue
            if self._enabled.is_set():
                frame_index += 1
                self._decode(frame, fallback=frame_index % self._fallback_every == 0)
            if self._frame_interval_s:
                self._stop.wait(self._frame_interval_s)
        if source is not None:
            source.close()

    def _open_source(self) -> FrameSource | None:
        try:
            source = open_source(self._source_spec, self._frames_per_image)
        except SourceLost as exc:
            self._set_status(DeviceStatus(Health.ABSENT, "scanner.status.camera_absent", str(exc)))
            return None
        missing = {name: why for name, why in self._pipeline.unavailable.items() if "reads none" not in why}
        if missing:
            detail = "; ".join(f"{name}: {why}" for name, why in missing.items())
            self._set_status(DeviceStatus(Health.DEGRADED, "scanner.status.decoder_missing", detail))
        else:
            self._set_status(DeviceStatus(Health.OK, "scanner.status.ok"))
        return source

    def _decode(self, frame: np.ndarray, *, fallback: bool) -> None:
        if self._reset_presentations.is_set():
            self._reset_presentations.clear()
            self._tracker.reset()
        codes = self._pipeline.decode(frame, fallback=fallback)
        for symbology, text in self._tracker.update((c.format, c.text) for c in codes):
            self._send(CodeScanned(symbology=symbology, text=text))

    def _set_status(self, status: DeviceStatus) -> None:
        with self._lock:
            # A new detail alone (another error text) is not news to the flow.
            changed = (status.health, status.message_key) != (self._status.health, self._status.message_key)
            self._status = status
        if changed:
            log.info("scanner %s: %s %s", status.health, status.message_key, status.detail)
            self._send(StatusChanged(status))

    def _send(self, event: CodeScanned | StatusChanged) -> None:
        if self._emit is None:
            return
        try:
            self._emit(event)
        except Exception:
            log.exception("the scanner's event handler failed")

