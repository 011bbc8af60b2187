"""The document camera's simulated twin: rendered photographs of pages on a desk.

Scenarios: ``document`` (one page, a fresh photograph each capture), ``multi_page`` (a different
page each capture, as a visitor turns pages), ``blank`` (an empty sheet), ``blurred`` (out of
focus), ``no_page`` (nothing under the camera) and ``unplugged``. Frames are deterministic for a
given ``seed``.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from drivers.base import DeviceError, DeviceStatus, DocumentCamera, Emit, Health, SelfTestResult, StatusChanged
from drivers.camera.opencv_camera import ABSENT, READY, SELF_TEST_PASSED

if TYPE_CHECKING:
    import numpy as np

#: Scenario → the function of ``synthetic`` that draws it (named: OpenCV loads at the first capture).
_SCENES = {
    "document": "document_scene",
    "multi_page": "document_scene",
    "blank": "blank_scene",
    "blurred": "blurred_scene",
    "no_page": "empty_desk_scene",
}
UNPLUGGED = "unplugged"


class SimulatedDocumentCamera(DocumentCamera):
    """Shows rendered scenes instead of a live camera."""

    name = "simulated"
    scenarios = (*_SCENES, UNPLUGGED)

    def __init__(self, *, scenario: str = "document", seed: int = 0, width: int = 1280, height: int = 960) -> None:
        self._check(scenario)
        self._scenario = scenario
        self.seed = seed
        self.size = (width, height)
        self._captures = 0
        self._emit: Emit | None = None
        self._lock = threading.Lock()
        self.last_corners: np.ndarray | None = None

    @classmethod
    def is_usable(cls) -> bool:
        return True

    @property
    def scenario(self) -> str:
        return self._scenario

    def set_scenario(self, scenario: str) -> None:
        """Switch what lies under the camera; plugging or unplugging is reported as a status change."""
        self._check(scenario)
        before = self.status()
        with self._lock:
            self._scenario = scenario
        after = self.status()
        if self._emit is not None and after != before:
            self._emit(StatusChanged(after))

    def open(self, emit: Emit) -> None:
        self._emit = emit
        emit(StatusChanged(self.status()))

    def close(self) -> None:
        self._emit = None

    def status(self) -> DeviceStatus:
        if self._scenario == UNPLUGGED:
            return DeviceStatus(Health.ABSENT, ABSENT, "simulated: unplugged")
        return DeviceStatus(Health.OK, READY, f"simulated: {self._scenario}")

    def self_test(self) -> SelfTestResult:
        try:
            frame = self.capture()
        except DeviceError as exc:
            return SelfTestResult(False, exc.message_key, exc.detail)
        return SelfTestResult(True, SELF_TEST_PASSED, f"frame {frame.shape[1]}x{frame.shape[0]}")

    def capture(self) -> np.ndarray:
        with self._lock:
            scenario = self._scenario
            if scenario == UNPLUGGED:
                raise DeviceError(ABSENT, "simulated: unplugged")
            self._captures += 1
            # ``document`` shows the same page each time; ``multi_page`` turns to the next one.
            seed = self.seed + (self._captures if scenario == "multi_page" else 0)
        from drivers.camera import synthetic  # noqa: PLC0415 - OpenCV and PIL only when a page is captured

        scene = getattr(synthetic, _SCENES[scenario])(seed, self.size)
        self.last_corners = scene.corners
        return scene.image

    def _check(self, scenario: str) -> None:
        if scenario not in self.scenarios:
            raise ValueError(f"unknown camera scenario {scenario!r}; known: {', '.join(self.scenarios)}")
