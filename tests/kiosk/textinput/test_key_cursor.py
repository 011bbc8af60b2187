"""The keypad's cursor on the keyboard: it stays in the grid, keeps its place across rows and bars."""

from __future__ import annotations

from kiosk.textinput.editor import FieldEditor
from kiosk.textinput.key_cursor import NEXT_PAGE_KEY, PREVIOUS_PAGE_KEY, KeyCursor, grid, has_bar
from kiosk.textinput.layouts import FieldType, Key


def key(label: str) -> Key:
    return Key(label, "key.letter", value=label)


def labels(editor: FieldEditor, cursor: KeyCursor) -> str:
    target = cursor.current(editor)
    return target.key.label if target.key else f"#{target.candidate}"


def test_the_grid_is_the_layout_until_candidates_put_their_bar_on_top() -> None:
    editor = FieldEditor(FieldType.NAME)
    assert not has_bar(editor)
    assert [[t.key.label for t in row] for row in grid(editor)][0] == list("qwertyuiop")
    editor.press(key("w"))
    bar = grid(editor)[0]
    assert bar[0].key is PREVIOUS_PAGE_KEY and bar[-1].key is NEXT_PAGE_KEY
    assert [t.text for t in bar[1:-1]] == editor.candidates
    assert bar[1].widget_id == "candidate-0" and grid(editor)[1][0].widget_id == "key-q"


def test_moves_stop_at_the_edges_instead_of_wrapping() -> None:
    editor, cursor = FieldEditor(FieldType.NAME), KeyCursor()
    cursor.reset(editor)
    assert labels(editor, cursor) == "q"
    assert cursor.move(editor, 0, -1).key.label == "q"
    assert cursor.move(editor, -1, 0).key.label == "q"
    for _ in range(20):
        cursor.move(editor, 0, 1)
    assert labels(editor, cursor) == "p"


def test_up_and_down_keep_the_cursor_over_the_same_place_in_rows_of_other_widths() -> None:
    editor, cursor = FieldEditor(FieldType.NAME), KeyCursor()
    cursor.reset(editor)
    for _ in range(4):
        cursor.move(editor, 0, 1)
    assert labels(editor, cursor) == "t"
    assert cursor.move(editor, 1, 0).key.label in {"f", "g"}
    assert cursor.move(editor, 1, 0).key.label in {"c", "v"}
    assert cursor.move(editor, 1, 0).key.spoken == "key.space"  # the wide space bar under the middle letters


def test_the_cursor_stays_on_its_key_when_the_bar_comes_and_goes() -> None:
    editor, cursor = FieldEditor(FieldType.NAME), KeyCursor()
    cursor.reset(editor)
    cursor.move(editor, 0, 1)  # w
    had = has_bar(editor)
    editor.press(key("w"))
    cursor.follow_bar(editor, had)
    assert labels(editor, cursor) == "w"
    had = has_bar(editor)
    editor.choose(0)
    cursor.follow_bar(editor, had)
    assert labels(editor, cursor) == "w"


def test_a_reset_starts_on_the_first_candidate_when_there_are_some() -> None:
    editor, cursor = FieldEditor(FieldType.NAME), KeyCursor()
    editor.press(key("y"))
    editor.press(key("g"))
    cursor.reset(editor)
    assert cursor.current(editor).candidate == 0
    assert cursor.current(editor).text == editor.candidates[0]


def test_a_layout_that_shrinks_keeps_the_cursor_inside_it() -> None:
    editor, cursor = FieldEditor(FieldType.NAME), KeyCursor(row=2, column=7)
    switch = next(k for k in editor.layout.keys() if k.label == "手写")
    editor.press(switch)
    target = cursor.current(editor)
    assert target.key is not None and cursor.row == 0
