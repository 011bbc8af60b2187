"""The outbox's background sender: sends due rows, with exponential backoff, until the court acknowledges."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from kiosk.court.errors import CourtRejected, CourtUnavailable, MalformedReply
from kiosk.court.gateway import CourtGateway
from kiosk.court.outbox import Kind, Outbox, Outgoing
from kiosk.court.sealing import Unsealable

log = logging.getLogger(__name__)

UNSEALABLE = "outbox.error.unsealable"
UNEXPECTED = "outbox.error.unexpected"


@dataclass(frozen=True)
class Backoff:
    """Delay before the n-th retry: ``base_s · 2ⁿ``, capped, with jitter so kiosks do not retry in step."""

    base_s: float = 2.0
    max_s: float = 300.0

    def delay(self, attempts: int) -> float:
        """Seconds to wait after ``attempts`` failures."""
        return float(min(self.max_s, self.base_s * 2 ** min(attempts, 30)) * random.uniform(0.5, 1.0))


class OutboxSender:
    """Owns one thread; ``on_ack`` hears the court's receipt for each reference (tracking numbers …)."""

    def __init__(
        self,
        outbox: Outbox,
        gateway: CourtGateway,
        backoff: Backoff | None = None,
        on_ack: Callable[[str, BaseModel], None] | None = None,
        idle_poll_s: float = 30.0,
    ) -> None:
        self.outbox = outbox
        self.gateway = gateway
        self.backoff = backoff or Backoff()
        self.on_ack = on_ack
        self.idle_poll_s = idle_poll_s
        self._stop = threading.Event()
        self._resume_at = 0.0
        self._thread: threading.Thread | None = None
        self._send: dict[Kind, Callable[[Outgoing], BaseModel]] = {
            "filing": gateway.submit_filing,  # type: ignore[dict-item]
            "fee_relief": gateway.submit_fee_relief,  # type: ignore[dict-item]
            "work_order": gateway.submit_work_order,  # type: ignore[dict-item]
            "rating": gateway.submit_rating,  # type: ignore[dict-item]
        }

    def start(self) -> None:
        """Start sending in the background."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-sender", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 15.0) -> None:
        """Stop after the send in progress (rows not sent stay queued)."""
        self._stop.set()
        self.outbox.wake()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def send_due(self) -> int:
        """One pass over the due rows; stops at the first transient failure. Returns rows acknowledged."""
        sent = 0
        for reference, kind in self.outbox.due():
            if self._stop.is_set():
                break
            outcome = self._send_one(reference, kind)
            if outcome is None:
                break
            sent += outcome
        return sent

    def _send_one(self, reference: str, kind: Kind) -> int | None:
        """1 when acknowledged, 0 when parked, ``None`` when the court is unreachable for now."""
        try:
            ack = self._send[kind](self.outbox.load(reference))
        except (CourtUnavailable, MalformedReply) as failure:
            delay = self.backoff.delay(self.outbox.attempts(reference))
            self.outbox.postpone(reference, failure.message_key, delay)
            self._resume_at = time.time() + delay
            log.info("outbox: %s not sent (%s), retry in %.1f s", reference, failure.message_key, delay)
            return None
        except CourtRejected as refusal:
            self.outbox.park(reference, refusal.message_key)
            return 0
        except Unsealable:
            self.outbox.park(reference, UNSEALABLE)
            return 0
        except Exception as exc:  # noqa: BLE001 - the sender thread must outlive a bug in one row
            # Only the type: a validation error's message would quote the personal data it checked.
            delay = self.backoff.delay(self.outbox.attempts(reference))
            self.outbox.postpone(reference, UNEXPECTED, delay)
            self._resume_at = time.time() + delay
            log.error("outbox: %s failed unexpectedly (%s)", reference, type(exc).__name__)
            return None
        self.outbox.acknowledge(reference)
        log.info("outbox: %s acknowledged", reference)
        if self.on_ack is not None:
            self.on_ack(reference, ack)
        return 1

    def _run(self) -> None:
        # After a transient failure the whole sender pauses: the court is likely down for every row.
        while not self._stop.is_set():
            if time.time() >= self._resume_at:
                self.send_due()
            next_at = self.outbox.next_attempt_at()
            target = max(self._resume_at, time.time() + self.idle_poll_s if next_at is None else next_at)
            wait = min(self.idle_poll_s, target - time.time())
            if wait > 0:
                self.outbox.wait_for_change(wait)
