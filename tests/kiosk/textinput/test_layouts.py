"""Keyboard layouts as data: what each field offers, and what voice mode reads for each key."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from kiosk.domain import case_number
from kiosk.i18n import LANGUAGES, Text, Translator
from kiosk.textinput.layouts import (
    CHARACTERS_PER_WIDTH,
    FIELD_LAYOUTS,
    MAX_WIDTHS_PER_ROW,
    YEARS_SHOWN,
    Action,
    FieldType,
    LayoutName,
    layout,
    layouts_for,
)
from kiosk.textinput.pads import AmountPad, IdNumberPad, PhonePad


@pytest.mark.parametrize("name", list(LayoutName))
def test_every_key_can_be_spoken_and_does_one_thing(name: LayoutName) -> None:
    for key in layout(name).keys():
        assert key.label and key.spoken.startswith("key.")
        assert bool(key.value) != (key.action is not None), key
        assert (key.action is Action.SWITCH) == (key.target is not None), key
        assert key.width > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_is_said_in_every_language_and_no_two_keys_of_a_layout_sound_alike(language: str) -> None:
    translator = Translator()
    for name in LayoutName:
        keys = layout(name).keys()
        said = [translator.text(Text(key.spoken, {"label": key.label}), language) for key in keys]
        assert all(text and not text.startswith("key.") for text in said), (name, language)
        assert len(set(said)) == len(keys), (name, language)


@pytest.mark.parametrize("field", list(FieldType))
def test_every_field_offers_layouts_and_switches_only_between_them(field: FieldType) -> None:
    shown = layouts_for(field)
    assert [s.name for s in shown] == list(FIELD_LAYOUTS[field])
    for offered in shown:
        for key in offered.keys():
            if key.action is Action.SWITCH:
                assert key.target in FIELD_LAYOUTS[field]


def test_pinyin_and_latin_keyboards_have_every_letter() -> None:
    letters = set("abcdefghijklmnopqrstuvwxyz")
    for name in (LayoutName.PINYIN, LayoutName.LATIN):
        assert letters <= {k.value for k in layout(name).keys()}


def test_text_fields_reach_handwriting_and_pinyin() -> None:
    for field in (FieldType.NAME, FieldType.TEXT, FieldType.ADDRESS):
        assert {LayoutName.PINYIN, LayoutName.HANDWRITING} <= set(FIELD_LAYOUTS[field])


@pytest.mark.parametrize(
    ("name", "pad"),
    [(LayoutName.ID_NUMBER, IdNumberPad), (LayoutName.AMOUNT, AmountPad), (LayoutName.PHONE, PhonePad)],
)
def test_pad_layouts_only_have_keys_their_pad_knows(name: LayoutName, pad: type) -> None:
    for key in layout(name).keys():
        if key.action is None:
            assert key.value in "0123456789.X", key
        else:
            assert key.action in (Action.BACKSPACE, Action.CLEAR)
    assert pad().press("1")


def test_case_number_layout_offers_recent_years_courts_and_types() -> None:
    values = {k.value for k in layout(LayoutName.CASE_NUMBER, today=date(2026, 3, 1)).keys()}
    oldest = 2026 - YEARS_SHOWN + 1
    assert {"（2026）", f"（{oldest}）"} <= values and f"（{oldest - 1}）" not in values
    assert {case_number.SUPREME_COURT, *case_number.HIGH_COURT_CODES} <= values
    assert {"民初", "民终", "执", "执保", "刑初", "行初", "知", "号", "之一"} <= values
    assert {"民初", "民终", "执", "执保", "刑初", "行初"} <= case_number.TYPE_CODES


def test_case_number_years_start_no_earlier_than_the_format() -> None:
    values = {k.value for k in layout(LayoutName.CASE_NUMBER, today=date(2018, 1, 1)).keys()}
    assert {"（2018）", "（2017）", "（2016）"} <= values and "（2015）" not in values


@pytest.mark.parametrize("name", list(LayoutName))
def test_every_label_fits_its_key_on_one_line(name: LayoutName) -> None:
    """A year "（2026）" or "诉前调确" broken over two lines in large text was hard to read. A width
    unit is a tenth of the row; a row of more units has narrower ones."""
    for row in layout(name, today=date(2026, 3, 1)).rows:
        unit = MAX_WIDTHS_PER_ROW / max(MAX_WIDTHS_PER_ROW, sum(key.width for key in row))
        for key in row:
            characters = sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in key.label)
            assert characters <= key.width * unit * CHARACTERS_PER_WIDTH, key.label


def test_case_number_keys_stay_in_reading_order_across_rows() -> None:
    keys = layout(LayoutName.CASE_NUMBER, today=date(2026, 3, 1)).keys()
    years = [k.value for k in keys if k.spoken == "key.case_year"]
    assert years == [f"（{year}）" for year in range(2026, 2026 - YEARS_SHOWN, -1)]
    courts = [k.value for k in keys if k.spoken == "key.court_code"]
    assert courts == [case_number.SUPREME_COURT, *case_number.HIGH_COURT_CODES]
