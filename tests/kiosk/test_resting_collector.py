"""The resting collector: full collections wait for the screen to rest, with the real garbage collector."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from kiosk.resting_collector import RestingCollector
from tests.kiosk.conftest import ManualClock


@pytest.fixture
def full_collections() -> Iterator[list[int]]:
    """The generations of the collections the real collector runs while the test does."""
    generations: list[int] = []

    def heard(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            generations.append(info["generation"])

    gc.callbacks.append(heard)
    yield generations
    gc.callbacks.remove(heard)


def test_install_makes_automatic_full_collections_rare_and_uninstall_puts_the_settings_back(clock: ManualClock) -> None:
    before = gc.get_threshold()
    collector = RestingCollector(backstop=100, clock=clock)
    collector.install()
    try:
        assert gc.get_threshold() == (before[0], before[1], 100)
    finally:
        collector.uninstall()
    assert gc.get_threshold() == before


def test_a_full_collection_runs_once_when_the_screen_has_rested(clock: ManualClock, full_collections: list[int]) -> None:
    collector = RestingCollector(rest_after_s=3.0, backstop=1_000_000, clock=clock)
    collector.install()  # so that no automatic full collection runs meanwhile
    try:
        collector.activity()
        clock.advance(2.9)
        assert collector.tick() is False
        assert 2 not in full_collections
        clock.advance(0.1)
        assert collector.tick() is True
        assert full_collections.count(2) == 1
        clock.advance(10)
        assert collector.tick() is False, "once per rest"
    finally:
        collector.uninstall()
    assert collector.rest_collections == 1


def test_activity_during_the_wait_starts_the_rest_again(clock: ManualClock) -> None:
    collector = RestingCollector(rest_after_s=3.0, clock=clock)
    collector.activity()
    clock.advance(2.0)
    collector.activity()
    clock.advance(2.0)
    assert collector.tick() is False
    clock.advance(1.0)
    assert collector.tick() is True


def test_nothing_is_collected_before_anything_happened(clock: ManualClock) -> None:
    collector = RestingCollector(rest_after_s=3.0, clock=clock)
    clock.advance(60)
    assert collector.tick() is False


def test_garbage_cycles_old_enough_for_the_full_collection_are_freed_at_rest(clock: ManualClock) -> None:
    class Node:
        def __init__(self) -> None:
            self.other: Node | None = None

    freed: list[str] = []
    collector = RestingCollector(rest_after_s=3.0, backstop=1_000_000, clock=clock)
    collector.install()
    try:
        first, second = Node(), Node()
        first.other, second.other = second, first
        gc.collect()  # both now live in the oldest generation, which only a full collection looks at
        weakref.finalize(first, freed.append, "cycle")
        del first, second
        gc.collect(1)
        assert freed == [], "the younger generations do not reach it"
        collector.activity()
        clock.advance(3.0)
        collector.tick()
    finally:
        collector.uninstall()
    assert freed == ["cycle"]
