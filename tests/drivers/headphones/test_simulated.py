"""The headphone twin: scenarios and plug()/unplug()."""

from __future__ import annotations

from drivers.base import DeviceEvent, HeadphonesChanged, Health
from drivers.headphones.simulated import SimulatedHeadphones


def test_plug_and_unplug_emit_changes_once_each() -> None:
    seen: list[DeviceEvent] = []
    jack = SimulatedHeadphones()
    jack.open(seen.append)
    jack.plug()
    jack.plug()
    jack.unplug()

    assert seen == [HeadphonesChanged(True), HeadphonesChanged(False)]
    assert not jack.present()


def test_the_plugged_scenario_starts_with_headphones_in() -> None:
    jack = SimulatedHeadphones(scenario="plugged")
    jack.open(lambda event: None)
    assert jack.present() and jack.self_test().passed


def test_without_a_sound_card_nothing_is_detected() -> None:
    seen: list[DeviceEvent] = []
    jack = SimulatedHeadphones(scenario="no_sound_card")
    jack.open(seen.append)
    jack.plug()
    assert jack.status().health is Health.ABSENT and not jack.present() and seen == []
