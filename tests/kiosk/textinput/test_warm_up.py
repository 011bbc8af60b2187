"""The background warm-up leaves the lexicon and the recognizer loaded, in a fresh process."""

from __future__ import annotations

import json
import subprocess
import sys

from kiosk.textinput import warm_up

PROBE = """
import json
from kiosk.textinput import handwriting, lexicon, warm_up
before = [lexicon.is_loaded(), handwriting.is_loaded()]
thread = warm_up.warm_up_in_background()
thread.join(timeout=120)
print(json.dumps({"before": before, "after": [lexicon.is_loaded(), handwriting.is_loaded()],
                  "daemon": thread.daemon, "name": thread.name}))
"""


def test_the_warm_up_loads_the_lexicon_and_the_recognizer_on_a_daemon_thread() -> None:
    probe = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=180, check=True)
    outcome = json.loads(probe.stdout.strip().splitlines()[-1])
    assert outcome["before"] == [False, False]
    assert outcome["after"] == [True, True]
    assert outcome["daemon"] is True
    assert outcome["name"] == warm_up.THREAD_NAME
