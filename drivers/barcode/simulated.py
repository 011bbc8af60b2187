"""The scanner's simulated twin: codes rendered as camera frames and read by the real pipeline.

Each scenario names what a visitor holds up when a screen asks for a code. Presenting a code
renders it, places it in a noisy 1280×720 frame and decodes that frame with the same
:class:`DecodePipeline` the camera scanner uses, on the twin's own worker thread; so the twin
exercises the real decoding, including the GBK and Hanzi-mode text handling.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drivers.barcode.symbologies import DEFAULT_SYMBOLOGIES
from drivers.base import (
    CodeScanned,
    CodeScanner,
    DeviceEvent,
    DeviceStatus,
    Emit,
    Health,
    SelfTestResult,
    StatusChanged,
)

if TYPE_CHECKING:
    import numpy as np

    from drivers.barcode.decode import DecodePipeline

log = logging.getLogger("kiosk.drivers.barcode")


@dataclass(frozen=True)
class Presentation:
    """A code to show the simulated camera: the payload, how it is drawn, and whether it is damaged."""

    text: str
    symbology: str = "QRCode"
    encoding: str | None = None
    mode: str | None = None
    damaged: bool = False

    def render(self) -> np.ndarray:
        """The code as a grey image."""
        from drivers.barcode.synth import garble, render_linear, render_qr  # noqa: PLC0415 - OpenCV on the first code

        if self.symbology == "QRCode":
            content: str | bytes = self.text
            if self.mode == "byte" and self.encoding:
                content = self.text.encode(self.encoding)
            code = render_qr(content, encoding=None if self.mode == "byte" else self.encoding, mode=self.mode)
        else:
            code = render_linear(self.text, self.symbology)
        return garble(code) if self.damaged else code


#: Scenario name → what is presented when a screen enables the scanner (nothing for ``idle``).
SCENARIOS: dict[str, Presentation | None] = {
    "idle": None,
    "receipt_qr": Presentation("https://court.example.cn/r/2024-0105-000123?k=7F3A"),
    "receipt_qr_gbk": Presentation(
        "北京市朝阳区人民法院 诉讼费收据 2024-0105-000123", encoding="gbk", mode="byte"
    ),
    "receipt_qr_hanzi": Presentation("北京市朝阳区人民法院诉讼费收据", mode="hanzi"),
    "payer_code": Presentation("134567890123456789", symbology="Code128"),
    "tracking_number": Presentation("GD2024-000815", symbology="Code128"),
    "garbled": Presentation("https://court.example.cn/r/2024-0105-000124", damaged=True),
    "unplugged": None,
}


class SimulatedScanner(CodeScanner):
    """A camera scanner without a camera; see :data:`SCENARIOS`."""

    name = "simulated"
    scenarios = tuple(SCENARIOS)

    def __init__(self, scenario: str = "idle", symbologies: Sequence[str] = DEFAULT_SYMBOLOGIES, seed: int = 0) -> None:
        self._symbologies = tuple(symbologies)
        self._seed = seed
        self._decoding: tuple[DecodePipeline, np.random.Generator] | None = None
        self._scenario = "idle"
        self._emit: Emit | None = None
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._enabled = False
        self._status = DeviceStatus(Health.ABSENT, "scanner.status.closed")
        self.scenario(scenario)

    @classmethod
    def is_usable(cls) -> bool:
        """Always: it needs no hardware."""
        return True

    def open(self, emit: Emit) -> None:
        """Start the worker thread that renders and decodes presented codes."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._emit = emit
        self._thread = threading.Thread(target=self._work, name="barcode-simulated", daemon=True)
        self._thread.start()
        scenario = self._scenario
        self._jobs.put(lambda: self._apply_status(scenario))

    def close(self) -> None:
        """Stop the worker after what was already presented."""
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join(timeout=5.0)
            self._thread = None
        self._status = DeviceStatus(Health.ABSENT, "scanner.status.closed")

    def status(self) -> DeviceStatus:
        """The scenario's health."""
        return self._status

    def set_enabled(self, enabled: bool) -> None:
        """On enabling, the scenario's code (if any) is presented."""
        was_enabled, self._enabled = self._enabled, enabled
        presentation = SCENARIOS[self._scenario]
        if enabled and not was_enabled and presentation is not None:
            self._jobs.put(lambda: self._decode_and_emit(presentation))

    def self_test(self) -> SelfTestResult:
        """Passes unless the scenario is ``unplugged``."""
        if self._scenario == "unplugged":
            return SelfTestResult(False, "scanner.selftest.camera_absent", "simulated: unplugged")
        return SelfTestResult(True, "scanner.selftest.ok", "simulated")

    # --- test and dev-panel helpers ------------------------------------------------------------

    def scenario(self, name: str) -> None:
        """Switch to a named scenario; its health is reported from the worker thread next."""
        if name not in SCENARIOS:
            raise ValueError(f"unknown scanner scenario {name!r}; known: {', '.join(SCENARIOS)}")
        self._scenario = name
        if self._thread is not None:
            self._jobs.put(lambda: self._apply_status(name))

    def present(
        self, text: str, symbology: str = "QRCode", *, encoding: str | None = None, mode: str | None = None
    ) -> None:
        """Hold a code in front of the simulated camera (reported only while enabled and plugged in)."""
        if not self._enabled:
            return
        presentation = Presentation(text, symbology, encoding, mode)
        self._jobs.put(lambda: self._decode_and_emit(presentation))

    def wait_idle(self, timeout_s: float = 5.0) -> bool:
        """Wait until everything presented so far has been decoded and emitted; False on timeout."""
        done = threading.Event()
        self._jobs.put(done.set)
        return done.wait(timeout_s)

    # --- worker thread -------------------------------------------------------------------------

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except Exception:
                log.exception("simulated scanner job failed")

    def _apply_status(self, scenario: str) -> None:
        if scenario == "unplugged":
            status = DeviceStatus(Health.ABSENT, "scanner.status.camera_absent", "simulated: unplugged")
        else:
            status = DeviceStatus(Health.OK, "scanner.status.ok", "simulated")
        if status != self._status:
            self._status = status
            self._send(StatusChanged(status))

    def _decode_and_emit(self, presentation: Presentation) -> None:
        if not self._enabled or self._scenario == "unplugged":
            return
        from drivers.barcode.synth import camera_frame  # noqa: PLC0415 - OpenCV on the first code

        pipeline, rng = self._decoder()
        for code in pipeline.decode(camera_frame(presentation.render(), rng)):
            self._send(CodeScanned(symbology=code.format, text=code.text))

    def _decoder(self) -> tuple[DecodePipeline, np.random.Generator]:
        """The pipeline and the frames' noise, made on the worker when the first code is presented."""
        if self._decoding is None:
            import numpy as np  # noqa: PLC0415 - numpy and OpenCV only once a code is shown

            from drivers.barcode.decode import DecodePipeline  # noqa: PLC0415 - likewise

            self._decoding = (DecodePipeline(self._symbologies), np.random.default_rng(self._seed))
        return self._decoding

    def _send(self, event: DeviceEvent) -> None:
        if self._emit is not None:
            self._emit(event)
