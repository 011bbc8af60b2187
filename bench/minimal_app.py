"""The baseline of the startup bench: a Kivy app with one label, timed like the kiosk.

Run as ``python -m bench.minimal_app RESULT.json [SAMPLES]``; writes the time from process start to
the first frame on screen (after its buffer swap, as the kiosk's script takes it, on the same clock)
and the resident memory half a second later. SAMPLES sets Kivy's multisampling (its default is 2,
which llvmpipe serves with 4); the kiosk draws with none, so the bench runs this app both ways.
"""

import json
import os
import sys

import psutil

from bench.process_age import process_age_s
from bench.swaps import after_each_swap

os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_LOG_MODE", "PYTHON")

from kivy.config import Config  # noqa: E402 - after the environment above

Config.set("graphics", "width", "1080")
Config.set("graphics", "height", "1920")
if len(sys.argv) > 2:
    Config.set("graphics", "multisamples", sys.argv[2])

from kivy.app import App  # noqa: E402
from kivy.clock import Clock  # noqa: E402
from kivy.core.window import Window  # noqa: E402
from kivy.uix.label import Label  # noqa: E402


class Minimal(App):
    """One label, nothing else."""

    first_frame_s: float | None = None

    def build(self) -> Label:
        after_each_swap(Window, self.frame_shown)
        return Label(text="hello")

    def frame_shown(self) -> None:
        """A frame is on screen: note the time of the first."""
        if self.first_frame_s is None:
            self.first_frame_s = process_age_s()
            Clock.schedule_once(lambda _dt: self.finish(self.first_frame_s, psutil.Process()), 0.5)

    def finish(self, first: float, process: psutil.Process) -> None:
        with open(sys.argv[1], "w", encoding="utf-8") as out:
            json.dump({"first_frame_s": first, "rss_mib": process.memory_info().rss / 2**20}, out)
        self.stop()


if __name__ == "__main__":
    Minimal().run()
