"""A document camera read through OpenCV (a UVC device index, a video file or an image path).

One thread owns the ``cv2.VideoCapture``: every read, open and release runs on it, because
capture backends are not thread-safe. A capture that does not arrive in time is abandoned with an
error; a camera that stops delivering is reported ABSENT and reopened in the background until it
comes back.
"""

from __future__ import annotations

import concurrent.futures
import importlib.util
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from drivers.base import DeviceError, DeviceStatus, DocumentCamera, Emit, Health, SelfTestResult, StatusChanged

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

T = TypeVar("T")

READY = "status.camera.ready"
ABSENT = "status.camera.absent"
TIMED_OUT = "status.camera.timeout"
SELF_TEST_PASSED = "selftest.camera.passed"


class OpenCvDocumentCamera(DocumentCamera):
    """``device`` is a camera index (``0``) or a path/URL OpenCV can open."""

    name = "opencv"

    def __init__(self, *, device: int | str = 0, width: int = 1920, height: int = 1080,
                 capture_timeout_s: float = 5.0, reconnect_interval_s: float = 2.0, warmup_frames: int = 2) -> None:
        self.device = device
        self.width = width
        self.height = height
        self.capture_timeout_s = capture_timeout_s
        self.reconnect_interval_s = reconnect_interval_s
        self.warmup_frames = warmup_frames
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="camera")
        self._capture: Any = None
        self._status = DeviceStatus(Health.ABSENT, ABSENT, "not opened")
        self._emit: Emit | None = None
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._lock = threading.Lock()

    @classmethod
    def is_usable(cls) -> bool:
        return importlib.util.find_spec("cv2") is not None

    def open(self, emit: Emit) -> None:
        if self._watcher is not None:
            return
        self._emit = emit
        self._stop.clear()
        self._run(self._connect)
        self._watcher = threading.Thread(target=self._reconnect_loop, name="camera-reconnect", daemon=True)
        self._watcher.start()

    def close(self) -> None:
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join(timeout=self.reconnect_interval_s + self.capture_timeout_s)
            self._watcher = None
        try:
            self._run(self._release)
        except DeviceError:
            log.warning("camera did not release within %s s", self.capture_timeout_s)
        self._emit = None

    def status(self) -> DeviceStatus:
        with self._lock:
            return self._status

    def self_test(self) -> SelfTestResult:
        try:
            frame = self.capture()
        except DeviceError as exc:
            return SelfTestResult(False, exc.message_key, exc.detail)
        return SelfTestResult(True, SELF_TEST_PASSED, f"frame {frame.shape[1]}x{frame.shape[0]}")

    def capture(self) -> np.ndarray:
        frame = self._run(self._grab)
        if frame is None:
            raise DeviceError(ABSENT, f"camera {self.device!r} delivered no frame")
        return frame

    # --- on the device thread -----------------------------------------------------------------

    def _run(self, fn: Callable[[], T]) -> T:
        future = self._executor.submit(fn)
        try:
            return future.result(timeout=self.capture_timeout_s)
        except concurrent.futures.TimeoutError:
            self._set(DeviceStatus(Health.ERROR, TIMED_OUT, f"no answer within {self.capture_timeout_s:g} s"))
            raise DeviceError(TIMED_OUT, f"camera {self.device!r} did not answer within {self.capture_timeout_s:g} s")

    def _connect(self) -> None:
        import cv2  # noqa: PLC0415 - OpenCV when the camera is opened, not when the registry loads

        capture = cv2.VideoCapture(self.device)
        if not capture.isOpened():
            capture.release()
            self._set(DeviceStatus(Health.ABSENT, ABSENT, f"cannot open {self.device!r}"))
            return
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        self._capture = capture
        self._set(DeviceStatus(Health.OK, READY, f"{self.device!r} open"))

    def _release(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def _grab(self) -> np.ndarray | None:
        """The freshest frame; one reopen is tried, since a still image or a replugged camera needs it."""
        for attempt in range(2):
            if self._capture is None:
                self._connect()
            if self._capture is not None:
                frame = self._read_fresh()
                if frame is not None:
                    return frame
                self._release()
            if attempt == 0:
                log.info("camera %r delivered no frame; reopening", self.device)
        self._set(DeviceStatus(Health.ABSENT, ABSENT, f"{self.device!r} delivered no frame"))
        return None

    def _read_fresh(self) -> np.ndarray | None:
        """The last of a few reads: cameras buffer frames, and the first may show the previous page.

        A still-image source yields one frame and then none, so the last good frame is kept.
        """
        latest = None
        for _ in range(self.warmup_frames + 1):
            ok, frame = self._capture.read()
            if not ok or frame is None:
                break
            latest = frame
        return latest

    def _probe(self) -> None:
        """Notice an unplugged live camera between captures (a grab fails once it is gone)."""
        if self._capture is not None and not self._capture.grab():
            self._release()
            self._set(DeviceStatus(Health.ABSENT, ABSENT, f"{self.device!r} stopped delivering frames"))

    def _reconnect_loop(self) -> None:
        live = isinstance(self.device, int)  # files and still images have no hot-plug to watch
        while not self._stop.wait(self.reconnect_interval_s):
            working = self.status().health == Health.OK
            if working and not live:
                continue
            try:
                self._run(self._probe if working else self._connect)
            except DeviceError:
                continue

    def _set(self, status: DeviceStatus) -> None:
        with self._lock:
            changed = (status.health, status.message_key) != (self._status.health, self._status.message_key)
            self._status = status
            emit = self._emit
        if changed and emit is not None:
            emit(StatusChanged(status))
