"""Keyboard-wedge scans from key events: the pure part of the HID scanner driver.

A wedge scanner types its payload as key presses on a US layout and ends it with Enter. Key codes
are the Linux input-event codes (``linux/input-event-codes.h``), a stable kernel ABI, so this
module needs no evdev and is tested without a device.
"""

from __future__ import annotations

from collections.abc import Iterable

KEY_UP, KEY_DOWN, KEY_REPEAT = 0, 1, 2

#: Key code → (character, character with Shift) on a US layout.
US_KEYMAP: dict[int, tuple[str, str]] = {
    2: ("1", "!"), 3: ("2", "@"), 4: ("3", "#"), 5: ("4", "$"), 6: ("5", "%"),
    7: ("6", "^"), 8: ("7", "&"), 9: ("8", "*"), 10: ("9", "("), 11: ("0", ")"),
    12: ("-", "_"), 13: ("=", "+"),
    16: ("q", "Q"), 17: ("w", "W"), 18: ("e", "E"), 19: ("r", "R"), 20: ("t", "T"),
    21: ("y", "Y"), 22: ("u", "U"), 23: ("i", "I"), 24: ("o", "O"), 25: ("p", "P"),
    26: ("[", "{"), 27: ("]", "}"),
    30: ("a", "A"), 31: ("s", "S"), 32: ("d", "D"), 33: ("f", "F"), 34: ("g", "G"),
    35: ("h", "H"), 36: ("j", "J"), 37: ("k", "K"), 38: ("l", "L"),
    39: (";", ":"), 40: ("'", '"'), 41: ("`", "~"), 43: ("\\", "|"),
    44: ("z", "Z"), 45: ("x", "X"), 46: ("c", "C"), 47: ("v", "V"), 48: ("b", "B"),
    49: ("n", "N"), 50: ("m", "M"), 51: (",", "<"), 52: (".", ">"), 53: ("/", "?"),
    57: (" ", " "),
    55: ("*", "*"), 74: ("-", "-"), 78: ("+", "+"), 83: (".", "."), 98: ("/", "/"),
    71: ("7", "7"), 72: ("8", "8"), 73: ("9", "9"), 75: ("4", "4"), 76: ("5", "5"),
    77: ("6", "6"), 79: ("1", "1"), 80: ("2", "2"), 81: ("3", "3"), 82: ("0", "0"),
}  # fmt: skip

SHIFT_KEYS = frozenset({42, 54})  # KEY_LEFTSHIFT, KEY_RIGHTSHIFT
#: Ctrl and Alt: a character typed with one held is a control sequence, never payload.
CONTROL_KEYS = frozenset({29, 97, 56, 100})  # KEY_LEFTCTRL, KEY_RIGHTCTRL, KEY_LEFTALT, KEY_RIGHTALT
CAPS_LOCK = 58
ENTER_KEYS = frozenset({28, 96})  # KEY_ENTER, KEY_KPENTER


class ScanAssembler:
    """Collects characters from key events until Enter ends a scan.

    Keys without a printable character (Tab, Escape, arrows, function keys) and keys pressed with
    Ctrl or Alt held are dropped, so control characters never reach the payload. A scan longer
    than ``max_length`` is cut there: a stuck key must not grow the buffer without end.
    """

    def __init__(self, max_length: int = 4096) -> None:
        self.max_length = max_length
        self._chars: list[str] = []
        self._shift: set[int] = set()
        self._control: set[int] = set()
        self._caps_lock = False

    def feed(self, code: int, value: int) -> str | None:
        """One key event (``value`` 1 down, 0 up, 2 repeat); returns the scan when Enter ends one."""
        held = self._shift if code in SHIFT_KEYS else self._control if code in CONTROL_KEYS else None
        if held is not None:
            (held.add if value != KEY_UP else held.discard)(code)
            return None
        if value != KEY_DOWN:
            return None
        if code == CAPS_LOCK:
            self._caps_lock = not self._caps_lock
            return None
        if code in ENTER_KEYS:
            scan, self._chars = "".join(self._chars), []
            return scan or None
        if self._control or code not in US_KEYMAP or len(self._chars) >= self.max_length:
            return None
        plain, shifted = US_KEYMAP[code]
        char = shifted if self._shift else plain
        if self._caps_lock and char.isalpha():
            char = char.swapcase()
        self._chars.append(char)
        return None


def assemble(events: Iterable[tuple[int, int]]) -> list[str]:
    """Every complete scan in a sequence of (key code, value) events."""
    assembler = ScanAssembler()
    return [scan for code, value in events if (scan := assembler.feed(code, value)) is not None]
