"""Slow work (court calls, printing, rendering) off the UI thread, with results back on it.

Results are handed to ``deliver`` — Kivy's clock in the app, a direct call in tests — so journey
code only ever runs on one thread. Every task is named for logs, never with visitor data.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from kiosk.devices import Deliver, deliver_now

log = logging.getLogger("kiosk.tasks")
T = TypeVar("T")


class TaskRunner:
    """A small pool of worker threads whose completions are delivered to the UI thread."""

    def __init__(self, deliver: Deliver = deliver_now, workers: int = 2) -> None:
        self._deliver = deliver
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kiosk-task")
        self._running = 0
        self._idle = threading.Condition()

    def run(self, name: str, work: Callable[[], T], on_done: Callable[[T], None],
            on_error: Callable[[BaseException], None]) -> None:
        """Run ``work`` on a worker; then ``on_done(result)`` or ``on_error(exc)`` on the UI thread."""
        with self._idle:
            self._running += 1
        future: Future[T] = self._pool.submit(work)

        def finished(done: Future[T]) -> None:
            error = done.exception()
            if error is not None:
                log.warning("task %s failed: %s", name, type(error).__name__)
                self._deliver(lambda: self._complete(lambda: on_error(error)))
            else:
                result: Any = done.result()
                self._deliver(lambda: self._complete(lambda: on_done(result)))

        future.add_done_callback(finished)

    def _complete(self, callback: Callable[[], None]) -> None:
        try:
            callback()
        finally:
            with self._idle:
                self._running -= 1
                self._idle.notify_all()

    def wait_idle(self, timeout_s: float = 30.0) -> bool:
        """Block until no task is running or delivering (tests and shutdown)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._running == 0, timeout=timeout_s)

    @property
    def busy(self) -> bool:
        """True while any task has not been delivered yet."""
        return self._running > 0

    def shutdown(self) -> None:
        """Stop accepting work; running tasks finish."""
        self._pool.shutdown(wait=False, cancel_futures=True)
