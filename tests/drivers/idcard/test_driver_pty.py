"""The real GA 467 driver against the emulated reader over a real pseudo-terminal."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import astuple
from datetime import date

import pytest

from drivers.base import CardRead, CardReadFailed, CardRemoved, DeviceKind, Health, StatusChanged
from drivers.idcard.fixtures import ELDERLY_CARD, EXPIRED_CARD, FIXTURE_CARD, FIXTURE_ID_NUMBER, FIXTURE_NAME
from drivers.idcard.ga467 import Command
from drivers.idcard.serial_reader import Ga467Reader
from drivers.idcard.simulated import SCENARIOS, SimulatedIdReader
from drivers.registry import driver_class
from tests.drivers.idcard.conftest import Recorder

MakeSim = Callable[..., SimulatedIdReader]
#: Long enough for several polls of the simulated reader (every 0.1 s).
SETTLE_S = 0.6


def test_a_presented_card_is_read_exactly_once(make_sim: MakeSim, recorder: Recorder) -> None:
    """GIVEN a valid card on the reader WHEN polling goes on THEN one CardRead with the card's fields."""
    make_sim("valid_card")
    reads = recorder.wait_count(CardRead, 1)
    time.sleep(SETTLE_S)
    assert recorder.of(CardRead) == reads
    assert reads[0].card == FIXTURE_CARD  # type: ignore[attr-defined]


def test_removing_the_card_emits_card_removed_and_a_new_presentation_reads_again(
    make_sim: MakeSim, recorder: Recorder
) -> None:
    sim = make_sim("no_card")
    recorder.wait_health(Health.OK)
    sim.present_card()
    recorder.wait_count(CardRead, 1)
    sim.remove_card()
    recorder.wait_count(CardRemoved, 1)
    sim.present_card(ELDERLY_CARD)
    reads = recorder.wait_count(CardRead, 2)
    time.sleep(SETTLE_S)
    assert [type(e).__name__ for e in recorder.events if not isinstance(e, StatusChanged)] == [
        "CardRead",
        "CardRemoved",
        "CardRead",
    ]
    assert reads[1].card == ELDERLY_CARD  # type: ignore[attr-defined]


def test_an_unreadable_card_emits_one_read_failure(make_sim: MakeSim, recorder: Recorder) -> None:
    sim = make_sim("unreadable_card")
    failures = recorder.wait_count(CardReadFailed, 1)
    time.sleep(SETTLE_S)
    assert recorder.of(CardReadFailed) == failures and not recorder.of(CardRead)
    assert failures[0].message_key == "idcard.read_failed"  # type: ignore[attr-defined]
    assert "CARD_READ_FAILED" in failures[0].detail  # type: ignore[attr-defined]
    assert sim.status().health == Health.OK


def test_garbled_card_frames_end_in_a_read_failure_not_a_wrong_card(make_sim: MakeSim, recorder: Recorder) -> None:
    sim = make_sim("garbled_frames")
    failures = recorder.wait_count(CardReadFailed, 1)
    assert failures[0].message_key == "idcard.read_failed"  # type: ignore[attr-defined]
    assert "BadCheck" in failures[0].detail  # type: ignore[attr-defined]
    assert not recorder.of(CardRead)
    assert sim.emulator.requests[Command.READ_TEXT_PHOTO] == 2  # retried once
    assert sim.status().health == Health.OK


def test_line_noise_between_frames_does_not_stop_a_good_read(make_sim: MakeSim, recorder: Recorder) -> None:
    """GIVEN garbage before and after every answer WHEN a valid card is read THEN it decodes exactly."""
    sim = make_sim("no_card")
    recorder.wait_health(Health.OK)
    sim.emulator.noisy = True
    sim.present_card()
    reads = recorder.wait_count(CardRead, 1)
    assert reads[0].card == FIXTURE_CARD  # type: ignore[attr-defined]


def test_a_reader_that_stops_answering_is_an_error_until_it_answers_again(
    make_sim: MakeSim, recorder: Recorder
) -> None:
    sim = make_sim("no_card")
    recorder.wait_health(Health.OK)
    sim.set_scenario("not_answering")
    error = recorder.wait_health(Health.ERROR, "idcard.status.not_responding")
    assert "FIND_CARD" in error.status.detail
    recorder.clear()
    sim.set_scenario("valid_card")
    recorder.wait_health(Health.OK, "idcard.status.ok")
    recorder.wait_count(CardRead, 1)


def test_a_port_with_nothing_answering_from_the_start_reports_no_reader(make_sim: MakeSim, recorder: Recorder) -> None:
    make_sim("not_answering")
    status = recorder.wait_health(Health.ABSENT, "idcard.status.no_reader").status
    assert "nothing answers" in status.detail


def test_an_unplugged_reader_is_absent_and_recovers_when_plugged_back(make_sim: MakeSim, recorder: Recorder) -> None:
    """GIVEN a working reader WHEN its serial device vanishes THEN ABSENT; WHEN it returns THEN OK and reading."""
    sim = make_sim("no_card")
    recorder.wait_health(Health.OK)
    sim.set_scenario("no_reader")
    recorder.wait_health(Health.ABSENT, "idcard.status.absent")
    assert sim.self_test().passed is False
    recorder.clear()
    sim.set_scenario("valid_card")
    recorder.wait_health(Health.OK)
    assert recorder.wait_count(CardRead, 1)[0].card == FIXTURE_CARD  # type: ignore[attr-defined]


def test_starting_without_a_reader_reports_absent_then_finds_it(make_sim: MakeSim, recorder: Recorder) -> None:
    sim = make_sim("no_reader")
    status = recorder.wait_health(Health.ABSENT, "idcard.status.absent").status
    assert "cannot open" in status.detail and "ENOENT" in status.detail
    sim.set_scenario("no_card")
    recorder.wait_health(Health.OK)


def test_a_card_is_not_read_while_reading_is_disabled(make_sim: MakeSim, recorder: Recorder) -> None:
    """GIVEN reading disabled and a card on the reader THEN nothing is read until a screen enables it."""
    sim = make_sim("valid_card", enabled=False)
    recorder.wait_health(Health.OK)
    time.sleep(SETTLE_S)
    assert not recorder.of(CardRead)
    assert sim.emulator.requests[Command.READ_TEXT_PHOTO] == 0
    sim.set_enabled(True)
    recorder.wait_count(CardRead, 1)


def test_a_card_left_on_the_reader_is_not_read_again_when_reading_is_re_enabled(
    make_sim: MakeSim, recorder: Recorder
) -> None:
    sim = make_sim("valid_card")
    recorder.wait_count(CardRead, 1)
    sim.set_enabled(False)
    sim.set_enabled(True)
    time.sleep(SETTLE_S)
    assert len(recorder.of(CardRead)) == 1


def test_an_elderly_long_term_card_reads_with_no_end_date(make_sim: MakeSim, recorder: Recorder) -> None:
    make_sim("elderly_card")
    card = recorder.wait_count(CardRead, 1)[0].card  # type: ignore[attr-defined]
    assert card.valid_until is None
    assert date.today().year - card.birth_date.year >= 60


def test_an_expired_card_is_read_and_left_to_the_flow_to_refuse(make_sim: MakeSim, recorder: Recorder) -> None:
    make_sim("expired_card")
    card = recorder.wait_count(CardRead, 1)[0].card  # type: ignore[attr-defined]
    assert card == EXPIRED_CARD and card.valid_until < date.today()


def test_self_test_reports_the_sam_identity(make_sim: MakeSim, recorder: Recorder) -> None:
    sim = make_sim("no_card")
    recorder.wait_health(Health.OK)
    result = sim.self_test()
    assert result.passed and result.message_key == "idcard.self_test.ok"
    assert "05.01-20101028-0012345678-1234567890" in result.detail


def test_self_test_of_a_silent_reader_fails_with_a_reason(make_sim: MakeSim, recorder: Recorder) -> None:
    sim = make_sim("not_answering")
    result = sim.self_test()
    assert not result.passed and result.message_key == "idcard.self_test.no_answer"


def test_a_consumer_that_raises_does_not_stop_the_reader() -> None:
    sim = SimulatedIdReader(scenario="no_card")
    seen: list[object] = []

    def broken(event: object) -> None:
        seen.append(event)
        raise RuntimeError("consumer bug")

    sim.set_enabled(True)
    sim.open(broken)
    try:
        sim.present_card()
        deadline = time.monotonic() + 8
        while not any(isinstance(e, CardRead) for e in seen) and time.monotonic() < deadline:
            time.sleep(0.05)
        sim.remove_card()
        while not any(isinstance(e, CardRemoved) for e in seen) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert any(isinstance(e, CardRemoved) for e in seen)
    finally:
        sim.close()


def test_logs_and_events_never_carry_the_cardholder_s_data(
    make_sim: MakeSim, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    """GIVEN reads, failures, garbling and an unplug WHEN everything is logged THEN no personal field appears."""
    caplog.set_level(logging.DEBUG)
    sim = make_sim("valid_card")
    recorder.wait_count(CardRead, 1)
    for scenario in ("garbled_frames", "unreadable_card", "no_reader", "not_answering", "valid_card"):
        sim.remove_card()
        sim.set_scenario(scenario)
        time.sleep(SETTLE_S)
    personal = [FIXTURE_NAME, FIXTURE_ID_NUMBER, FIXTURE_CARD.address, FIXTURE_CARD.issuing_authority, "19880315"]
    texts = [caplog.text] + [
        repr(astuple(e)) if not isinstance(e, CardRead) else repr(e) for e in recorder.events
    ]
    for text in texts:
        for value in personal:
            assert value not in text


def test_close_is_prompt_and_idempotent(make_sim: MakeSim, recorder: Recorder) -> None:
    sim = make_sim("not_answering")
    started = time.monotonic()
    sim.close()
    sim.close()
    assert time.monotonic() - started < 2.0
    assert sim.status().health == Health.ABSENT


# --- the driver on its own -------------------------------------------------------------------


def test_a_missing_port_is_absent_with_a_staff_detail(recorder: Recorder) -> None:
    reader = Ga467Reader(port="/nonexistent/ttyUSB9", reconnect_interval_s=0.1)
    reader.open(recorder)
    try:
        status = recorder.wait_health(Health.ABSENT, "idcard.status.absent").status
        assert "/nonexistent/ttyUSB9" in status.detail
        assert not status.working
    finally:
        reader.close()


def test_an_unopened_driver_is_closed_and_cannot_self_test() -> None:
    reader = Ga467Reader(port="/dev/null")
    assert reader.status().message_key == "idcard.status.closed"
    assert reader.self_test().message_key == "idcard.self_test.not_open"
    reader.close()


def test_both_drivers_are_usable_here_and_resolve_through_the_registry() -> None:
    assert driver_class(DeviceKind.ID_READER, "ga467") is Ga467Reader
    assert driver_class(DeviceKind.ID_READER, "simulated") is SimulatedIdReader
    assert Ga467Reader.is_usable() and SimulatedIdReader.is_usable()
    assert not Ga467Reader(port="/dev/null").simulated
    assert SimulatedIdReader().simulated


def test_the_simulated_reader_offers_the_named_scenarios() -> None:
    required = {"valid_card", "expired_card", "unreadable_card", "garbled_frames", "no_reader", "elderly_card", "no_card"}
    assert required <= set(SimulatedIdReader.scenarios) == set(SCENARIOS)
    with pytest.raises(ValueError, match="unknown scenario"):
        SimulatedIdReader(scenario="jammed")
    with pytest.raises(ValueError, match="unknown scenario"):
        SimulatedIdReader().set_scenario("jammed")


def test_an_unexpected_failure_is_reported_as_an_error_and_the_thread_lives_on(recorder: Recorder) -> None:
    """GIVEN a configuration pyserial refuses WHEN the driver opens THEN ERROR naming the failure, no crash."""
    reader = Ga467Reader(port="/dev/null", baudrate=-1, reconnect_interval_s=0.05)
    reader.open(recorder)
    try:
        status = recorder.wait_health(Health.ERROR, "idcard.status.driver_failed").status
        assert status.detail.startswith("ValueError at ")
        time.sleep(0.3)
        assert reader.self_test().message_key == "idcard.self_test.absent"  # the I/O thread still answers
    finally:
        reader.close()
