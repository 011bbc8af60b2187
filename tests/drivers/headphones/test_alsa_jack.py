"""The ALSA jack driver against a stand-in ``amixer`` (a script reading a state file) and the real one."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from drivers.base import DeviceEvent, HeadphonesChanged, Health, StatusChanged
from drivers.headphones.alsa_jack import AlsaJackSense

FAKE_AMIXER = """#!/bin/sh
state=$(cat "{state}")
case "$state" in
  nocard) echo "amixer: Control hw:0 open error: No such file or directory" >&2; exit 1;;
  nojack) echo "amixer: Cannot find the given element from control hw:0" >&2; exit 1;;
esac
echo "numid=18,iface=CARD,name='Headphone Jack'"
echo "  ; type=BOOLEAN,access=r-------,values=1"
echo "  : values=$state"
"""


class Events:
    def __init__(self) -> None:
        self.seen: list[DeviceEvent] = []
        self._cond = threading.Condition()

    def __call__(self, event: DeviceEvent) -> None:
        with self._cond:
            self.seen.append(event)
            self._cond.notify_all()

    def wait_for(self, event: DeviceEvent) -> None:
        self.wait_until(lambda seen: event in seen)

    def wait_until(self, condition: Callable[[list[DeviceEvent]], bool]) -> None:
        with self._cond:
            assert self._cond.wait_for(lambda: condition(self.seen), 10), self.seen


@pytest.fixture
def jack(tmp_path: Path) -> Iterator[tuple[Path, Events, AlsaJackSense]]:
    state = tmp_path / "state"
    state.write_text("off")
    amixer = tmp_path / "amixer"
    amixer.write_text(FAKE_AMIXER.format(state=state))
    amixer.chmod(0o755)
    events = Events()
    sense = AlsaJackSense(amixer=str(amixer), poll_interval_s=0.02)
    yield state, events, sense
    sense.close()


def test_plugging_and_unplugging_are_reported(jack) -> None:
    state, events, sense = jack
    sense.open(events)
    assert not sense.present() and sense.status().health is Health.OK

    state.write_text("on")
    events.wait_for(HeadphonesChanged(True))
    assert sense.present()
    state.write_text("off")
    events.wait_for(HeadphonesChanged(False))


def test_headphones_already_in_at_start_are_known_at_once(jack) -> None:
    state, events, sense = jack
    state.write_text("on")
    sense.open(events)
    assert sense.present()
    assert sense.self_test().passed


def test_a_sound_card_that_vanishes_is_a_status(jack) -> None:
    state, events, sense = jack
    sense.open(events)
    state.write_text("on")
    events.wait_for(HeadphonesChanged(True))
    state.write_text("nocard")
    events.wait_for(HeadphonesChanged(False))
    events.wait_until(lambda seen: any(isinstance(e, StatusChanged) and e.status.health is Health.ABSENT for e in seen))
    assert sense.status().message_key == "status.headphones.no_sound_card"


def test_a_card_without_jack_detection_is_named_as_such(jack) -> None:
    state, events, sense = jack
    state.write_text("nojack")
    sense.open(events)
    assert sense.status().message_key == "status.headphones.no_jack_detection"
    assert not sense.self_test().passed


@pytest.mark.skipif(shutil.which("amixer") is None, reason="alsa-utils not installed")
def test_the_real_amixer_on_a_missing_card_gives_absent() -> None:
    sense = AlsaJackSense(card="99", poll_interval_s=10)
    sense.open(lambda event: None)
    try:
        assert sense.status().health is Health.ABSENT and not sense.present()
    finally:
        sense.close()
