"""The screen's fields as the keypad and the touchscreen share them."""

from __future__ import annotations

from kiosk.form import FormInput
from kiosk.i18n import Text
from kiosk.presenters import Field
from kiosk.textinput.key_cursor import grid

NAME = Field("party.name", Text("filing.field.name"), "name")
PHONE = Field("party.phone", Text("filing.field.phone"), "phone")


def type_with_arrows(form: FormInput, letter: str) -> None:
    """Walk the cursor to ``letter`` from wherever it is, row by row, and press it."""
    editor = form.editor
    assert editor is not None
    row, column = next((r, c) for r, keys in enumerate(grid(editor)) for c, t in enumerate(keys)
                       if t.key is not None and t.key.label == letter)
    while form.cursor.row != row:
        form.move("focus_down" if form.cursor.row < row else "focus_up")
    while form.cursor.column != column:
        form.move("focus_right" if form.cursor.column < column else "focus_left")
    assert form.press() is not None


def test_the_first_field_is_focused_and_a_new_screen_starts_afresh() -> None:
    form = FormInput()
    form.follow((NAME, PHONE))
    assert form.focused == NAME.field_id and not form.typing
    form.start_typing(PHONE.field_id)
    assert form.focused == PHONE.field_id and form.typing
    form.follow(())
    assert form.focused is None and not form.typing and form.editor is None


def test_an_editor_survives_while_its_text_is_the_visits_and_is_replaced_when_not() -> None:
    form = FormInput()
    form.follow((NAME,))
    editor = form.editor
    form.follow((NAME,))
    assert form.editor is editor
    form.follow((Field(NAME.field_id, NAME.label, "name", value="王"),))
    assert form.editor is not editor and form.editor.value == "王"


def test_a_name_typed_by_arrows_and_enter_then_picked_by_digit() -> None:
    form = FormInput()
    form.follow((NAME,))
    form.start_typing(NAME.field_id)
    for letter in "lisi":
        type_with_arrows(form, letter)
    assert form.editor.letters == "lisi"
    choice = form.editor.candidates.index("李四") + 1
    assert form.type_character(str(choice))
    assert form.editor.value == "李四" and form.editor.letters == ""
    assert form.cursor_widget == "key-i"  # the bar went away; the cursor stayed on the last key pressed


def test_enter_on_a_candidate_chooses_it() -> None:
    form = FormInput()
    form.follow((NAME,))
    form.start_typing(NAME.field_id)
    for letter in "wang":
        type_with_arrows(form, letter)
    while form.cursor.row:
        form.move("focus_up")
    while form.cursor.column:
        form.move("focus_left")
    form.move("focus_right")  # off the paging key onto the first candidate
    target, changed = form.press()
    assert changed and target.candidate == 0 and form.editor.value == target.text


def test_keypad_digits_go_into_pads_and_are_refused_where_the_field_has_no_digits() -> None:
    form = FormInput()
    form.follow((NAME, PHONE))
    assert not form.type_character("5")  # a name's layouts have no digits
    form.focus(PHONE.field_id)
    assert form.type_character("1") and form.type_character("3")
    assert form.editor.value == "13"
    assert form.cursor_widget is None  # not typing: the screen's controls have the keypad
