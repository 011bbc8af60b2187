"""Full garbage collections while nobody waits for the screen.

The running app holds about 600,000 objects the collector tracks (the widget trees of the screens
shown so far, with Kivy's property bookkeeping). Python's automatic full collection walks all of
them: 100–300 ms, every second or two while a visitor touches through a journey, so a touch that
met one drew its next screen up to 0.7 s late. Young garbage is still collected as usual; the full
collection waits until the screen has rested (no touch, key or redraw) for ``rest_after_s``, and
runs then, once per rest. A visitor who never pauses still gets one every ``backstop`` collections
of the middle generation (ten times rarer than Python's default), so memory stays bounded.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

REST_AFTER_S = 3.0
#: Collections of the middle generation between two automatic full ones (Python's default is 10).
BACKSTOP = 100


class RestingCollector:
    """Holds back automatic full collections and runs one when the screen has rested."""

    def __init__(self, rest_after_s: float = REST_AFTER_S, backstop: int = BACKSTOP,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rest_after_s = rest_after_s
        self.backstop = backstop
        self._clock = clock
        self._last_activity = clock()
        self._pending = False
        self._thresholds: tuple[int, int, int] | None = None
        self.rest_collections = 0

    def install(self) -> None:
        """Make automatic full collections rare (this process's collector settings)."""
        self._thresholds = gc.get_threshold()
        young, middle, _old = self._thresholds
        gc.set_threshold(young, middle, self.backstop)

    def uninstall(self) -> None:
        """Put back the collector settings found by :meth:`install`."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def activity(self) -> None:
        """Something happened on screen: the next rest collects."""
        self._last_activity = self._clock()
        self._pending = True

    def tick(self) -> bool:
        """Called often from the UI clock: collects once the screen has rested. Returns whether it did."""
        if not self._pending or self._clock() - self._last_activity < self.rest_after_s:
            return False
        self._pending = False
        gc.collect()
        self.rest_collections += 1
        return True
