"""The inactivity watch with a hand-moved clock."""

from kiosk.inactivity import IdlePhase, IdleWatch


def watch() -> IdleWatch:
    w = IdleWatch(warning_s=20, max_extensions=10)
    w.restart(0, limit_s=60)
    return w


def test_warns_after_the_limit_then_expires_after_the_countdown() -> None:
    w = watch()
    assert w.phase(59.9) is IdlePhase.ACTIVE
    assert w.phase(60) is IdlePhase.WARNING
    assert w.countdown_s(61) == 19
    assert w.phase(80) is IdlePhase.EXPIRED


def test_a_touch_while_active_restarts_without_using_an_extension() -> None:
    w = watch()
    assert w.activity(50) is False
    assert w.phase(100) is IdlePhase.ACTIVE
    assert w.extensions_used == 0


def test_a_touch_during_the_warning_extends_ten_times_then_no_more() -> None:
    w = watch()
    now = 0.0
    for n in range(10):
        now += 65
        assert w.phase(now) is IdlePhase.WARNING
        assert w.activity(now) is True
        assert w.extensions_used == n + 1
    now += 65
    assert not w.can_extend
    assert w.activity(now) is False
    assert w.phase(now + 20) is IdlePhase.EXPIRED


def test_a_device_job_holds_the_watch_so_a_print_never_times_out() -> None:
    w = watch()
    w.hold()
    assert w.phase(10_000) is IdlePhase.ACTIVE
    w.release(10_000)
    assert w.phase(10_059) is IdlePhase.ACTIVE
    assert w.phase(10_061) is IdlePhase.WARNING


def test_a_new_visit_gets_all_its_extensions_back() -> None:
    w = watch()
    w.activity(65)
    w.reset_visit(100)
    assert w.extensions_used == 0
