"""The field editor: keys of every layout, pinyin composition, pads and handwriting."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.textinput.editor import FieldEditor
from kiosk.textinput.layouts import Action, FieldType, Key, LayoutName


def key(editor: FieldEditor, label: str) -> Key:
    return next(k for k in editor.layout.keys() if k.label == label)


def action(editor: FieldEditor, what: Action) -> Key:
    return next(k for k in editor.layout.keys() if k.action is what)


def type_letters(editor: FieldEditor, letters: str) -> None:
    for letter in letters:
        editor.press(key(editor, letter))


def test_a_name_typed_in_pinyin_becomes_the_chosen_candidate() -> None:
    editor = FieldEditor(FieldType.NAME)
    type_letters(editor, "zhangsan")
    assert editor.letters == "zhangsan" and editor.value == ""
    assert "张三" in editor.candidates
    assert editor.choose(editor.candidates.index("张三"))
    assert (editor.value, editor.letters) == ("张三", "")


def test_space_takes_the_first_candidate_and_backspace_eats_letters_first() -> None:
    editor = FieldEditor(FieldType.TEXT, "借款")
    type_letters(editor, "lix")
    editor.press(action(editor, Action.BACKSPACE))
    assert editor.letters == "li" and editor.value == "借款"
    editor.press(action(editor, Action.SPACE))
    assert editor.letters == "" and editor.value.startswith("借款") and len(editor.value) > 2
    typed = editor.value
    editor.press(action(editor, Action.BACKSPACE))
    assert editor.value == typed[:-1]


def test_enter_keeps_the_letters_themselves_when_no_conversion_is_wanted() -> None:
    editor = FieldEditor(FieldType.TEXT)
    type_letters(editor, "abc")
    editor.press(action(editor, Action.ENTER))
    assert editor.value == "abc"


def test_switching_layouts_keeps_the_text_and_drops_unconverted_letters() -> None:
    editor = FieldEditor(FieldType.ADDRESS, "北京市")
    type_letters(editor, "dong")
    editor.press(next(k for k in editor.layout.keys() if k.target is LayoutName.DIGITS))
    assert editor.layout.name is LayoutName.DIGITS and editor.letters == ""
    editor.press(key(editor, "1"))
    assert editor.value == "北京市1"


def test_the_id_pad_refuses_an_x_too_early_and_reports_a_wrong_check_digit() -> None:
    editor = FieldEditor(FieldType.ID_NUMBER)
    editor.press(key(editor, "X"))
    assert editor.value == ""
    for digit in "11010519880315123":
        editor.press(key(editor, digit))
    editor.press(key(editor, "3"))  # the right check digit is 2
    assert editor.problem is not None
    editor.press(action(editor, Action.BACKSPACE))
    editor.press(key(editor, "2"))
    assert editor.value == "110105198803151232" and editor.problem is None


def test_the_amount_pad_refuses_a_third_decimal() -> None:
    editor = FieldEditor(FieldType.AMOUNT)
    for label in "12.345":
        editor.press(key(editor, label))
    assert editor.value == "12.34"


def test_the_case_number_pad_builds_a_number_from_its_part_keys() -> None:
    editor = FieldEditor(FieldType.CASE_NUMBER, today=date(2026, 11, 23))
    for label in ("（2026）", "京", "0", "1", "9", "1", "民初", "1", "0", "2", "4", "号"):
        editor.press(key(editor, label))
    assert editor.value == "（2026）京0191民初1024号" and editor.problem is None


def test_handwriting_strokes_give_candidates_and_choosing_one_writes_it() -> None:
    editor = FieldEditor(FieldType.NAME)
    editor.press(next(k for k in editor.layout.keys() if k.target is LayoutName.HANDWRITING))
    one = [[(20.0, 150.0), (150.0, 152.0), (280.0, 150.0)]]  # 一: a single horizontal stroke
    assert "一" in editor.write(one, 300, 300)
    assert editor.choose(editor.candidates.index("一"))
    assert editor.value == "一" and editor.candidates == []


@pytest.mark.parametrize("kind", list(FieldType))
def test_every_key_of_every_layout_can_be_pressed_without_error(kind: FieldType) -> None:
    editor = FieldEditor(kind)
    for layout in editor.layouts:
        editor.layout = layout
        for each in layout.keys():
            if each.action is not Action.SWITCH:
                editor.press(each)
    assert len(editor.value) <= 5000


def test_keypad_digits_pick_candidates_while_they_are_on_show() -> None:
    editor = FieldEditor(FieldType.NAME)
    for letter in "lisi":
        editor.press(Key(letter, "key.letter", value=letter))
    third = editor.candidates[2]
    assert editor.type_character("3") and editor.value == third
    assert not editor.type_character("0")  # no candidates now, and a name has no digit keys


def test_keypad_digits_type_where_the_field_has_digit_keys_and_wait_while_letters_are_pending() -> None:
    address = FieldEditor(FieldType.ADDRESS)
    assert address.type_character("3") and address.value == "3"
    address.press(Key("h", "key.letter", value="h"))
    assert not address.type_character("0") and address.value == "3"  # 0 picks nothing, types nothing mid-word
    id_number = FieldEditor(FieldType.ID_NUMBER)
    for character in "11010519491231002X":
        id_number.type_character(character)
    assert id_number.value == "11010519491231002X"
