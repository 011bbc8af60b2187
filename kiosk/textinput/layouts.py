"""On-screen keyboard layouts as data, and which layouts each kind of field offers.

The Kivy keyboard renders a :class:`Layout` row by row; a key either types its ``value`` or performs
its ``action``. Every key names a message key (``spoken``) that voice mode reads, formatted with the
key's label, so a visitor who cannot see the screen hears each key under the keypad's focus.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.domain import case_number


class Action(StrEnum):
    """What a non-typing key does; the pads take ``backspace`` and ``clear`` as keys too."""

    BACKSPACE = "backspace"
    CLEAR = "clear"
    SPACE = "space"
    ENTER = "enter"
    SHIFT = "shift"
    PREVIOUS_PAGE = "previous_page"
    NEXT_PAGE = "next_page"
    CLEAR_WRITING = "clear_writing"
    SWITCH = "switch"


class LayoutName(StrEnum):
    PINYIN = "pinyin"
    LATIN = "latin"
    DIGITS = "digits"
    PUNCTUATION = "punctuation"
    HANDWRITING = "handwriting"
    ID_NUMBER = "id_number"
    CASE_NUMBER = "case_number"
    AMOUNT = "amount"
    PHONE = "phone"


class FieldType(StrEnum):
    """Kinds of text field in the journeys; each picks its keyboards."""

    NAME = "name"
    TEXT = "text"
    ADDRESS = "address"
    ID_NUMBER = "id_number"
    CASE_NUMBER = "case_number"
    AMOUNT = "amount"
    PHONE = "phone"
    LATIN = "latin"
    PIN = "pin"


@dataclass(frozen=True)
class Key:
    """One key: its label, what it types or does, its relative width and its spoken message key."""

    label: str
    spoken: str
    value: str = ""
    action: Action | None = None
    target: LayoutName | None = None
    width: float = 1.0


@dataclass(frozen=True)
class Layout:
    """Rows of keys, top to bottom."""

    name: LayoutName
    rows: tuple[tuple[Key, ...], ...]

    def keys(self) -> list[Key]:
        """Every key, row by row (the keypad's focus order)."""
        return [key for row in self.rows for key in row]


#: Characters (full width) a key one width wide holds on one line in the largest text size.
CHARACTERS_PER_WIDTH = 1.5


def _label_width(label: str) -> float:
    """A key's width by its label, so "（2026）" or "诉前调确" is not broken over lines in large text."""
    characters = sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in label)
    return max(1.0, characters / CHARACTERS_PER_WIDTH)


def _typing(labels: str | list[str], spoken: str) -> tuple[Key, ...]:
    return tuple(Key(label, spoken, value=label, width=_label_width(label)) for label in labels)


def _action(label: str, action: Action, width: float = 1.5) -> Key:
    return Key(label, f"key.{action}", action=action, width=width)


def _switch(label: str, target: LayoutName, width: float = 1.5) -> Key:
    return Key(label, f"key.switch.{target}", action=Action.SWITCH, target=target, width=width)


BACKSPACE_KEY = _action("←", Action.BACKSPACE)
CLEAR_KEY = _action("清空", Action.CLEAR)
DIGIT_ROWS = (_typing("123", "key.digit"), _typing("456", "key.digit"), _typing("789", "key.digit"))


def _qwerty(name: LayoutName, extra: tuple[Key, ...]) -> Layout:
    return Layout(
        name,
        (
            _typing("qwertyuiop", "key.letter"),
            _typing("asdfghjkl", "key.letter") + (Key("'", "key.separator", value="'"),),
            _typing("zxcvbnm", "key.letter") + (BACKSPACE_KEY,),
            extra,
        ),
    )


def _pinyin() -> Layout:
    return _qwerty(
        LayoutName.PINYIN,
        (
            _switch("123", LayoutName.DIGITS),
            _switch("，。", LayoutName.PUNCTUATION),
            _switch("手写", LayoutName.HANDWRITING),
            _action("空格", Action.SPACE, width=3.0),
            _switch("英", LayoutName.LATIN),
            _action("确定", Action.ENTER),
        ),
    )


def _latin() -> Layout:
    return _qwerty(
        LayoutName.LATIN,
        (
            _action("⇧", Action.SHIFT),
            _switch("123", LayoutName.DIGITS),
            _action("space", Action.SPACE, width=3.0),
            _switch("拼", LayoutName.PINYIN),
            _action("确定", Action.ENTER),
        ),
    )


def _digits() -> Layout:
    return Layout(
        LayoutName.DIGITS,
        (
            *DIGIT_ROWS,
            _typing([".", "0", "-"], "key.digit")
            + (BACKSPACE_KEY, _switch("拼", LayoutName.PINYIN)),
        ),
    )


def _punctuation() -> Layout:
    return Layout(
        LayoutName.PUNCTUATION,
        (
            _typing(list("，。、；：？！"), "key.punctuation"),
            _typing(list("“”（）《》·"), "key.punctuation"),
            _typing(["—", "…", "@", "#", "/"], "key.punctuation")
            + (BACKSPACE_KEY, _switch("拼", LayoutName.PINYIN)),
        ),
    )


def _handwriting() -> Layout:
    return Layout(
        LayoutName.HANDWRITING,
        (
            (
                _action("重写", Action.CLEAR_WRITING),
                BACKSPACE_KEY,
                _switch("拼音", LayoutName.PINYIN),
                _switch("123", LayoutName.DIGITS),
                _action("确定", Action.ENTER),
            ),
        ),
    )


def _id_number() -> Layout:
    return Layout(
        LayoutName.ID_NUMBER,
        (*DIGIT_ROWS, (Key("X", "key.id_check_x", value="X"), *_typing("0", "key.digit"), BACKSPACE_KEY)),
    )


def _amount() -> Layout:
    return Layout(
        LayoutName.AMOUNT,
        (*DIGIT_ROWS, (*_typing([".", "0"], "key.digit"), BACKSPACE_KEY), (CLEAR_KEY,)),
    )


def _phone() -> Layout:
    return Layout(LayoutName.PHONE, (*DIGIT_ROWS, (*_typing("0", "key.digit"), BACKSPACE_KEY)))


COMMON_CASE_TYPES = (
    "民初", "民终", "民申", "民特", "执", "执保", "执恢", "执异",
    "执复", "刑初", "刑终", "行初", "行终", "财保", "诉前调确",
)  # fmt: skip
CASE_SUFFIXES = ("之一", "之二", "之三")
YEARS_SHOWN = 6
#: At most this many key widths share a row, so every key stays at least 15 mm wide on a portrait panel.
MAX_WIDTHS_PER_ROW = 10
def _rows(keys: tuple[Key, ...]) -> tuple[tuple[Key, ...], ...]:
    """Keys in as few rows as fit, the rows as even in width as possible (each key in the row its
    middle falls in)."""
    total = sum(key.width for key in keys)
    count = math.ceil(total / MAX_WIDTHS_PER_ROW)
    rows: list[list[Key]] = [[] for _ in range(count)]
    start = 0.0
    for key in keys:
        rows[min(count - 1, int((start + key.width / 2) * count / total))].append(key)
        start += key.width
    return tuple(tuple(row) for row in rows if row)


def _case_number(today: date) -> Layout:
    first_year = max(case_number.FIRST_YEAR, today.year - YEARS_SHOWN + 1)
    years = [f"（{year}）" for year in range(today.year, first_year - 1, -1)]
    courts = [case_number.SUPREME_COURT, *case_number.HIGH_COURT_CODES]
    return Layout(
        LayoutName.CASE_NUMBER,
        (
            *_rows(_typing(years, "key.case_year")),
            *_rows(_typing(courts, "key.court_code")),
            *_rows(_typing([*COMMON_CASE_TYPES, "知"], "key.case_type")),
            _typing("1234567890", "key.digit"),
            _typing(["号", *CASE_SUFFIXES], "key.case_suffix") + (BACKSPACE_KEY, CLEAR_KEY),
        ),
    )


FIELD_LAYOUTS: dict[FieldType, tuple[LayoutName, ...]] = {
    FieldType.NAME: (LayoutName.PINYIN, LayoutName.HANDWRITING, LayoutName.LATIN),
    FieldType.TEXT: (
        LayoutName.PINYIN,
        LayoutName.HANDWRITING,
        LayoutName.PUNCTUATION,
        LayoutName.DIGITS,
        LayoutName.LATIN,
    ),
    FieldType.ADDRESS: (
        LayoutName.PINYIN,
        LayoutName.HANDWRITING,
        LayoutName.DIGITS,
        LayoutName.PUNCTUATION,
    ),
    FieldType.ID_NUMBER: (LayoutName.ID_NUMBER,),
    FieldType.CASE_NUMBER: (LayoutName.CASE_NUMBER,),
    FieldType.AMOUNT: (LayoutName.AMOUNT,),
    FieldType.PHONE: (LayoutName.PHONE,),
    FieldType.LATIN: (LayoutName.LATIN, LayoutName.DIGITS),
    FieldType.PIN: (LayoutName.DIGITS,),
}
"""The layouts a field offers, its default first; switch keys to other layouts are hidden."""


def layout(name: LayoutName, today: date | None = None) -> Layout:
    """The layout called ``name`` (the case-number pad's years run back from ``today``)."""
    if name is LayoutName.CASE_NUMBER:
        return _case_number(today or date.today())
    return _BUILDERS[name]()


def layouts_for(field: FieldType, today: date | None = None) -> list[Layout]:
    """The layouts a field offers, default first, without switch keys to layouts it does not offer."""
    offered = FIELD_LAYOUTS[field]
    return [_without_switches_outside(layout(name, today), offered) for name in offered]


def _without_switches_outside(shown: Layout, offered: tuple[LayoutName, ...]) -> Layout:
    rows = tuple(
        tuple(k for k in row if k.action is not Action.SWITCH or k.target in offered)
        for row in shown.rows
    )
    return Layout(shown.name, tuple(row for row in rows if row))


_BUILDERS = {
    LayoutName.PINYIN: _pinyin,
    LayoutName.LATIN: _latin,
    LayoutName.DIGITS: _digits,
    LayoutName.PUNCTUATION: _punctuation,
    LayoutName.HANDWRITING: _handwriting,
    LayoutName.ID_NUMBER: _id_number,
    LayoutName.AMOUNT: _amount,
    LayoutName.PHONE: _phone,
}
