"""Headphone presence from the sound card's ALSA jack control, read with ``amixer``.

Why the jack control: it is how ALSA reports jacks for every codec driver with jack detection (HD
Audio, USB audio, SoC codecs), and reading it needs only the ``audio`` group the kiosk already has
for playback. evdev's ``SW_HEADPHONE_INSERT`` switch exists only where a codec driver also creates
an input device (HD Audio does, many others do not) and needs the ``input`` group. We poll rather
than follow ``amixer events`` because a poll also notices a USB sound card appearing or vanishing,
and half a second is quicker than a person settles headphones on their ears.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import threading

from drivers.base import DeviceStatus, Emit, HeadphoneSense, HeadphonesChanged, Health, SelfTestResult, StatusChanged

log = logging.getLogger("kiosk.drivers.headphones")

_VALUES = re.compile(r"^\s*:\s*values=(on|off)\s*$", re.MULTILINE)
#: amixer's words for "this card has no such control".
_NO_CONTROL = ("Cannot find the given element", "Invalid element")


class AlsaJackSense(HeadphoneSense):
    """Polls ``amixer -c <card> cget iface=CARD,name='<control>'`` on its own thread."""

    name = "alsa_jack"

    def __init__(
        self,
        *,
        card: str = "0",
        control: str = "Headphone Jack",
        poll_interval_s: float = 0.5,
        timeout_s: float = 2.0,
        amixer: str = "amixer",
    ) -> None:
        """``card`` is an ALSA card index or id (``0``, ``PCH``); ``control`` the codec's jack name
        as ``amixer -c <card> controls`` lists it (``Headphone Jack``, ``Front Headphone Jack``)."""
        self._command = [amixer, "-c", str(card), "cget", f"iface=CARD,name={control}"]
        self._poll_interval_s = poll_interval_s
        self._timeout_s = timeout_s
        self._emit: Emit = lambda event: None
        self._lock = threading.Lock()
        self._present = False
        self._status = DeviceStatus(Health.ABSENT, "status.headphones.closed")
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def is_usable(cls) -> bool:
        """``amixer`` (alsa-utils) is installed."""
        return shutil.which("amixer") is not None

    def open(self, emit: Emit) -> None:
        """Read the jack once now, then keep polling on the driver's thread."""
        if self._thread is not None:
            return
        self._emit = emit
        self._update(*self._read(), notify=False)
        self._stop.clear()
        self._thread = threading.Thread(target=self._poll, name="headphones", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop polling."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stop.set()
        thread.join(self._timeout_s + self._poll_interval_s)
        self._emit = lambda event: None
        with self._lock:
            self._status = DeviceStatus(Health.ABSENT, "status.headphones.closed")
            self._present = False

    def status(self) -> DeviceStatus:
        """Whether the jack could be read at the last poll."""
        with self._lock:
            return self._status

    def self_test(self) -> SelfTestResult:
        """One read of the jack; the detail says whether headphones are in."""
        present, status = self._read()
        if not status.working:
            return SelfTestResult(False, status.message_key, status.detail)
        return SelfTestResult(True, status.message_key, "plugged in" if present else "not plugged in")

    def present(self) -> bool:
        """True while headphones are plugged in, as of the last poll."""
        with self._lock:
            return self._present

    # --- the polling thread ------------------------------------------------------------------------

    def _poll(self) -> None:
        while not self._stop.wait(self._poll_interval_s):
            self._update(*self._read())

    def _read(self) -> tuple[bool, DeviceStatus]:
        try:
            done = subprocess.run(self._command, capture_output=True, text=True, timeout=self._timeout_s, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return False, DeviceStatus(Health.ERROR, "status.headphones.unreadable", type(exc).__name__)
        match = _VALUES.search(done.stdout)
        if done.returncode == 0 and match:
            return match.group(1) == "on", DeviceStatus(Health.OK, "status.headphones.ok")
        problem = (done.stderr.strip().splitlines() or [f"amixer exited with {done.returncode}"])[-1]
        if any(words in done.stderr for words in _NO_CONTROL):
            return False, DeviceStatus(Health.ABSENT, "status.headphones.no_jack_detection", problem)
        return False, DeviceStatus(Health.ABSENT, "status.headphones.no_sound_card", problem)

    def _update(self, present: bool, status: DeviceStatus, *, notify: bool = True) -> None:
        with self._lock:
            plugged_changed = present != self._present
            status_changed = status != self._status
            self._present, self._status = present, status
        if status_changed:
            log.info("headphones: %s (%s) %s", status.health.value, status.message_key, status.detail)
            if notify:
                self._emit(StatusChanged(status))
        if plugged_changed and notify:
            log.info("headphones %s", "plugged in" if present else "pulled out")
            self._emit(HeadphonesChanged(present))
