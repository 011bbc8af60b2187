"""The keyboard-wedge scanner: key events become scans, never typed text.

This machine has no /dev/uinput (the kernel offers no uinput device here), so the evdev part is
tested only for a missing device; the key-map and assembly logic is tested in full.
"""

from __future__ import annotations

import evdev
import pytest

from drivers.barcode.hid_keys import KEY_DOWN, KEY_REPEAT, KEY_UP, US_KEYMAP, ScanAssembler, assemble
from drivers.barcode.hid_scanner import HidScanner
from drivers.base import Health
from tests.drivers.barcode.conftest import wait_for

E = evdev.ecodes


def typed(text: str) -> list[tuple[int, int]]:
    """The key events a US-layout wedge scanner sends for ``text`` followed by Enter."""
    by_char = {}
    for code, (plain, shifted) in US_KEYMAP.items():
        by_char.setdefault(shifted, (code, True))
        by_char.setdefault(plain, (code, False))
    events = []
    for char in text:
        code, shift = by_char[char]
        if shift:
            events.append((E.KEY_LEFTSHIFT, KEY_DOWN))
        events += [(code, KEY_DOWN), (code, KEY_UP)]
        if shift:
            events.append((E.KEY_LEFTSHIFT, KEY_UP))
    return [*events, (E.KEY_ENTER, KEY_DOWN), (E.KEY_ENTER, KEY_UP)]


def test_keymap_codes_are_the_kernel_s_key_codes() -> None:
    """The table's numbers agree with evdev's names for them."""
    assert US_KEYMAP[E.KEY_A] == ("a", "A")
    assert US_KEYMAP[E.KEY_1] == ("1", "!")
    assert US_KEYMAP[E.KEY_SLASH] == ("/", "?")
    assert US_KEYMAP[E.KEY_KP7] == ("7", "7")
    assert US_KEYMAP[E.KEY_SPACE] == (" ", " ")


@pytest.mark.parametrize("text", ["134567890123456789", "https://Court.example.cn/r?k=7F3A&x=1", "GD2024-000815"])
def test_a_scan_is_the_typed_text_ended_by_enter(text: str) -> None:
    assert assemble(typed(text)) == [text]


def test_scans_in_a_row_come_out_separately() -> None:
    assert assemble(typed("A-1") + typed("b_2")) == ["A-1", "b_2"]


def test_control_keys_and_ctrl_sequences_never_reach_the_payload() -> None:
    """Tab, Escape, arrows and Ctrl+] (a GS separator on some scanners) are dropped."""
    events = [
        (E.KEY_A, KEY_DOWN), (E.KEY_TAB, KEY_DOWN), (E.KEY_ESC, KEY_DOWN), (E.KEY_LEFT, KEY_DOWN),
        (E.KEY_LEFTCTRL, KEY_DOWN), (E.KEY_RIGHTBRACE, KEY_DOWN), (E.KEY_LEFTCTRL, KEY_UP),
        (E.KEY_B, KEY_DOWN), (E.KEY_ENTER, KEY_DOWN),
    ]  # fmt: skip
    assert assemble(events) == ["ab"]


def test_caps_lock_swaps_letter_case_only() -> None:
    events = [(E.KEY_CAPSLOCK, KEY_DOWN), (E.KEY_A, KEY_DOWN), (E.KEY_1, KEY_DOWN), (E.KEY_KPENTER, KEY_DOWN)]
    assert assemble(events) == ["A1"]


def test_key_repeats_and_empty_scans_are_ignored() -> None:
    events = [(E.KEY_ENTER, KEY_DOWN), (E.KEY_A, KEY_DOWN), (E.KEY_A, KEY_REPEAT), (E.KEY_ENTER, KEY_DOWN)]
    assert assemble(events) == ["a"]


def test_a_stuck_key_cannot_grow_the_scan_without_end() -> None:
    assembler = ScanAssembler(max_length=5)
    for _ in range(100):
        assembler.feed(E.KEY_X, KEY_DOWN)
    assert assembler.feed(E.KEY_ENTER, KEY_DOWN) == "xxxxx"


def test_missing_input_device_is_absent_with_a_message_key(tmp_path) -> None:
    scanner = HidScanner(device=str(tmp_path / "event99"), reopen_interval_s=10.0)
    try:
        scanner.open(lambda event: None)
        # The driver says "closed" until its thread has looked for the device once.
        assert wait_for(lambda: scanner.status().message_key == "scanner.status.device_absent")
        assert scanner.status().health is Health.ABSENT
        assert scanner.self_test().message_key == "scanner.selftest.device_absent"
    finally:
        scanner.close()


def test_a_device_must_be_named() -> None:
    with pytest.raises(ValueError):
        HidScanner()
