"""Frames as the panel shows them: after the buffer swap, not at Kivy's ``on_flip``.

Kivy dispatches ``on_flip`` to bound listeners first and swaps the buffers in the event's own
handler after them, so a listener hears of a frame before it is shown. Under llvmpipe the swap is
where the frame is drawn: 86 ms of the kiosk's first frame happen there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def after_each_swap(window: Any, listener: Callable[[], None]) -> None:
    """Call ``listener`` each time ``window`` has swapped a frame onto the screen (listeners chain)."""
    swap = window.flip

    def swap_then_tell() -> None:
        swap()
        listener()

    window.flip = swap_then_tell
