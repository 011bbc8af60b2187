"""The tactile keypad: which key does what, so every function works with the screen unseen.

Arrows move the focus, Enter activates, and the speech keys steer the voice (ADA 707.6, EN 301
549 5.1.6). On the screen's controls up and left go back in reading order, down and right forward;
on a field's keyboard the four arrows move over the keys (see :mod:`kiosk.form`). Keys are named as Kivy's keyboard names them; a vendor keypad that sends other codes
is mapped in its driver, not here.
"""

from __future__ import annotations

from types import MappingProxyType

#: Key name → intent.
KEY_INTENTS = MappingProxyType({
    "up": "focus_up",
    "left": "focus_left",
    "down": "focus_down",
    "right": "focus_right",
    "tab": "focus_next",
    "enter": "activate",
    "numpadenter": "activate",
    "escape": "back",
    "home": "go_home",
    "f1": "ask_help",
    "f2": "voice_repeat",
    "f3": "voice_pause",
    "f5": "voice_slower",
    "f6": "voice_faster",
    "f7": "voice_softer",
    "f8": "voice_louder",
})

#: Intents that move the keypad's focus, and which of them go forward in reading order.
FOCUS_INTENTS = frozenset({"focus_next", "focus_previous", "focus_up", "focus_down", "focus_left", "focus_right"})
FORWARD_INTENTS = frozenset({"focus_next", "focus_down", "focus_right"})

#: Keys typed into the focused field (the 12-key pad and the ID number's X).
TYPED_KEYS = frozenset("0123456789xX.")


def intent_for(key_name: str) -> str | None:
    """The intent a keypad key sends, or None when the key types or does nothing."""
    return KEY_INTENTS.get(key_name)
