"""The kiosk's heartbeat: its health reported to the court on a schedule, so a court sees its fleet."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping

from kiosk.court.contract import CONTRACT_VERSION, Heartbeat, utc_now
from kiosk.court.contract.common import DeviceState
from kiosk.court.errors import CourtFailure
from kiosk.court.gateway import CourtGateway
from kiosk.court.outbox import Outbox

log = logging.getLogger(__name__)


class HeartbeatReporter:
    """Sends a :class:`Heartbeat` every ``interval_s``; a failed beat is logged and the next one tries again."""

    def __init__(
        self,
        gateway: CourtGateway,
        kiosk_id: str,
        software_version: str,
        devices: Callable[[], Mapping[str, DeviceState]],
        outbox: Outbox | None = None,
        interval_s: float = 60.0,
    ) -> None:
        self.gateway = gateway
        self.kiosk_id = kiosk_id
        self.software_version = software_version
        self.devices = devices
        self.outbox = outbox
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def current(self) -> Heartbeat:
        """The heartbeat as it would be sent now."""
        depth = self.outbox.depth() if self.outbox is not None else None
        return Heartbeat(
            kiosk_id=self.kiosk_id,
            sent_at=utc_now(),
            software_version=self.software_version,
            contract_version=CONTRACT_VERSION,
            devices=dict(self.devices()),
            outbox_depth=depth.pending if depth else 0,
            outbox_needs_staff=depth.needs_staff if depth else 0,
            oldest_pending_s=None if depth is None or depth.oldest_queued_at is None
            else max(0.0, time.time() - depth.oldest_queued_at),
        )

    def beat(self) -> bool:
        """Send one heartbeat now; False when the court did not take it."""
        try:
            self.gateway.heartbeat(self.current())
        except CourtFailure as failure:
            log.info("heartbeat not delivered (%s)", failure.message_key)
            return False
        return True

    def start(self) -> None:
        """Beat now and then every ``interval_s`` in a background thread."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 15.0) -> None:
        """Stop beating."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.beat()
            self._stop.wait(self.interval_s)
