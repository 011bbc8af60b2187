"""Lock-outs: free attempts, then doubling waits up to a cap, remembered across a restart."""

from __future__ import annotations

from pathlib import Path

from kiosk.staff.lockout import AttemptLimiter, LockoutPolicy
from tests.kiosk.staff.conftest import Clock

POLICY = LockoutPolicy(free_attempts=3, first_lockout_s=30, growth=2, max_lockout_s=300, forget_after_s=86400)


def test_lockouts_start_after_three_failures_and_double_up_to_the_cap(tmp_path: Path, clock: Clock) -> None:
    limiter = AttemptLimiter(tmp_path / "lock.json", POLICY, clock)
    waits = []
    for _ in range(8):
        state = limiter.record_failure()
        waits.append(state.retry_after_s)
        clock.advance(state.retry_after_s)
        assert not limiter.state().locked
    assert waits == [0, 0, 30, 60, 120, 240, 300, 300]


def test_a_lockout_holds_until_its_time_is_up(tmp_path: Path, clock: Clock) -> None:
    limiter = AttemptLimiter(tmp_path / "lock.json", POLICY, clock)
    for _ in range(3):
        limiter.record_failure()
    clock.advance(29)
    assert limiter.state().locked and limiter.state().retry_after_s == 1
    clock.advance(1)
    assert not limiter.state().locked


def test_the_count_and_the_lockout_survive_a_restart(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "lock.json"
    first = AttemptLimiter(path, POLICY, clock)
    for _ in range(4):
        first.record_failure()
    clock.advance(10)
    restarted = AttemptLimiter(path, POLICY, clock)
    assert restarted.state().locked and restarted.state().retry_after_s == 50
    clock.advance(50)
    assert restarted.record_failure().retry_after_s == 120


def test_success_clears_the_count(tmp_path: Path, clock: Clock) -> None:
    limiter = AttemptLimiter(tmp_path / "lock.json", POLICY, clock)
    limiter.record_failure()
    limiter.record_failure()
    limiter.record_success()
    assert limiter.record_failure().failures == 1
    assert AttemptLimiter(tmp_path / "lock.json", POLICY, clock).state().failures == 1


def test_failures_are_forgotten_after_a_quiet_day(tmp_path: Path, clock: Clock) -> None:
    limiter = AttemptLimiter(tmp_path / "lock.json", POLICY, clock)
    for _ in range(3):
        limiter.record_failure()
    clock.advance(86400)
    assert limiter.record_failure().retry_after_s == 0


def test_a_clock_set_back_cannot_lock_longer_than_the_cap(tmp_path: Path, clock: Clock) -> None:
    limiter = AttemptLimiter(tmp_path / "lock.json", POLICY, clock)
    for _ in range(3):
        limiter.record_failure()
    clock.advance(-365 * 86400)
    assert limiter.state().retry_after_s == 300
    clock.advance(300)
    assert not limiter.state().locked


def test_an_unreadable_state_file_starts_empty(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "lock.json"
    path.write_text("{not json")
    assert AttemptLimiter(path, POLICY, clock).state().failures == 0
