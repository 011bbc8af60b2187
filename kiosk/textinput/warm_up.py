"""Loading the pinyin lexicon and the handwriting model in the background, soon after the kiosk starts.

Both load on first use. Left to that, the first pinyin key a visitor pressed after a start held the
screen still while the 16 MB lexicon was read: 0.6 s on a quiet development machine, 1.5–2.5 s on a
busy one, half a minute on a new machine, where it is first built from its sources. The first
written character waited for the model. Loaded on a worker thread a few seconds after the first
frame, they are ready before anyone reaches a text field, and the start does not wait for them.
"""

from __future__ import annotations

import logging
import threading

from kiosk.textinput import handwriting, lexicon
from kiosk.textinput.zinnia import HandwritingUnavailable

log = logging.getLogger("kiosk.textinput")

#: Seconds after the first frame: the start and a visitor's first touch come first. The lexicon's load
#: holds the interpreter for most of its duration, so it would slow a start it ran beside.
WARM_UP_AFTER_S = 3.0
THREAD_NAME = "kiosk-warm-up"


def warm_up() -> None:
    """Load the lexicon and the recognizer now; a recognizer that cannot load is logged, not raised."""
    lexicon.shared()
    try:
        handwriting.recognizer()
    except HandwritingUnavailable as exc:  # the handwriting pad says so itself when opened
        log.warning("handwriting recognizer unavailable: %s", exc)


def warm_up_in_background() -> threading.Thread:
    """Start :func:`warm_up` on a daemon thread (it must not keep a closing kiosk alive)."""
    thread = threading.Thread(target=warm_up, name=THREAD_NAME, daemon=True)
    thread.start()
    return thread
