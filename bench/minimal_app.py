"""The baseline of the startup bench: a Kivy app with one label, timed like the kiosk.

Run as ``python -m bench.minimal_app RESULT.json``; writes the time from process start to the
first frame drawn (its ``on_flip``, as the kiosk's script takes it, on the same clock) and the resident memory half a
second later.
"""

import json
import os
import sys

import psutil

from bench.process_age import process_age_s

os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_LOG_MODE", "PYTHON")

from kivy.config import Config  # noqa: E402 - after the environment above

Config.set("graphics", "width", "1080")
Config.set("graphics", "height", "1920")

from kivy.app import App  # noqa: E402
from kivy.clock import Clock  # noqa: E402
from kivy.core.window import Window  # noqa: E402
from kivy.uix.label import Label  # noqa: E402


class Minimal(App):
    """One label, nothing else."""

    def build(self) -> Label:
        Window.bind(on_flip=self.first_frame)
        return Label(text="hello")

    def first_frame(self, _window: object) -> None:
        """The first frame is drawn: note the time, once."""
        Window.unbind(on_flip=self.first_frame)
        first = process_age_s()
        Clock.schedule_once(lambda _dt: self.finish(first, psutil.Process()), 0.5)

    def finish(self, first: float, process: psutil.Process) -> None:
        with open(sys.argv[1], "w", encoding="utf-8") as out:
            json.dump({"first_frame_s": first, "rss_mib": process.memory_info().rss / 2**20}, out)
        self.stop()


if __name__ == "__main__":
    Minimal().run()
