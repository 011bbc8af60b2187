"""Two defendants' names typed by touch in the real app: one on the pinyin keys, one in handwriting.

The test gives two directories in the environment: the hanzi-writer-data package (real stroke
medians, as the handwriting test uses) and where to save the screenshots of both input steps.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from kiosk.court.demo.seed import ZHANG, id_number
from kiosk.textinput.layouts import LayoutName
from screens.automation import Robot, Wait
from tests.kiosk.textinput.finger_strokes import Point, medians

STROKE_DATA = "COURTKIOSK_STROKE_DATA"
SHOTS = "COURTKIOSK_SHOTS"
NAME = "filing.party.name"
PINYIN_NAME, PINYIN_LETTERS = "王小明", "wangxiaoming"
WRITTEN_NAME = "李四"
DEFENDANT_IDS = {PINYIN_NAME: id_number("110101", date(1979, 4, 6), "135"),
                 WRITTEN_NAME: id_number("110102", date(1983, 9, 17), "276")}
ADDRESS = "8号"
PLAINTIFF_PHONE = "13800138000"
#: Frames for the keyboard to be laid out and drawn again after a touch.
SETTLE_FRAMES = 3
#: The characters' 1024 box drawn into this share of the writing pad's shorter side.
WRITING_SHARE = 0.8


def shown(robot: Robot, name: str) -> Callable[[], bool]:
    """A wait: the screen is on display and takes touches.

    Kivy's ScreenManager drops every touch while its transition runs, and even NoTransition runs
    until the next clock tick: a touch sent in the frame the screen changed is lost (a robot's
    problem; a visitor's finger is never that fast).
    """
    return lambda: robot.screen_name == name and not robot.app.manager.transition.is_active


def two_defendants(robot: Robot) -> Iterator[Wait]:
    """Zhang files by card, then adds 王小明 typed in pinyin and 李四 written with a finger."""
    shots, data = Path(os.environ[SHOTS]), Path(os.environ[STROKE_DATA])
    yield shown(robot, "attract")
    robot.touch("start_visit")
    yield shown(robot, "home")
    robot.touch("choose_filing")
    yield shown(robot, "filing_identity")
    robot.present_card(ZHANG.name, ZHANG.id_number)
    yield shown(robot, "filing_confirm")
    robot.touch("choose_role-self")
    yield shown(robot, "filing_party")
    yield from _type(robot, "filing.party.phone", PLAINTIFF_PHONE)
    robot.touch("save_party")
    yield shown(robot, "filing_parties")

    yield from _new_defendant(robot)
    yield from _pinyin_name(robot, shots)
    yield from _id_and_address(robot, PINYIN_NAME)
    yield from _new_defendant(robot)
    yield from _written_name(robot, data, shots)
    yield from _id_and_address(robot, WRITTEN_NAME)
    draft = robot.controller.visit.journeys["filing"]["draft"]
    robot.results["parties"] = [[p.role, p.name, p.id_number] for p in draft.parties]


def _type(robot: Robot, field_id: str, text: str) -> Iterator[Wait]:
    """Not the subject here: the robot's keyboard helper focuses the field and types key by key."""
    robot.type_text(field_id, text)
    yield SETTLE_FRAMES


def _new_defendant(robot: Robot) -> Iterator[Wait]:
    robot.touch("add_party-defendant")
    yield shown(robot, "filing_party_kind")
    robot.touch("party_kind-person")
    yield shown(robot, "filing_party")
    robot.touch(f"field-{NAME}")
    yield SETTLE_FRAMES


def _id_and_address(robot: Robot, name: str) -> Iterator[Wait]:
    """The defendant's other required fields, then save: back on the list of parties."""
    yield from _type(robot, "filing.party.id_number", DEFENDANT_IDS[name])
    yield from _type(robot, "filing.party.address", ADDRESS)
    robot.touch("save_party")
    yield shown(robot, "filing_parties")


def _pinyin_name(robot: Robot, shots: Path) -> Iterator[Wait]:
    """Touch the letters one by one, photograph the candidates, touch the intended one."""
    editor = robot.app.current_screen.editors[NAME]
    for letter in PINYIN_LETTERS:
        robot.touch(f"key-{letter}")
    yield SETTLE_FRAMES
    offered = _candidates(robot)
    robot.results["pinyin"] = {"layout": editor.layout.name.value, "letters": editor.letters, "offered": offered}
    robot.screenshot(shots / "pinyin_candidates.png")
    _choose(robot, PINYIN_NAME, offered)
    yield SETTLE_FRAMES
    robot.results["pinyin"]["read_back"] = _read_back(robot)


def _written_name(robot: Robot, data: Path, shots: Path) -> Iterator[Wait]:
    """Switch to the writing pad, write each character stroke by stroke, touch it among the candidates."""
    editor = robot.app.current_screen.editors[NAME]
    if editor.layout.name is not LayoutName.HANDWRITING:
        robot.touch("key-手写")
        yield SETTLE_FRAMES
    robot.results["written"] = {"layout": editor.layout.name.value, "offered": []}
    for character in WRITTEN_NAME:
        for stroke in medians(data, character):
            yield from _draw(robot, stroke)
        yield SETTLE_FRAMES
        offered = _candidates(robot)
        robot.results["written"]["offered"].append(offered)
        if character == WRITTEN_NAME[0]:
            robot.screenshot(shots / "handwriting_candidates.png")
        _choose(robot, character, offered)
        yield SETTLE_FRAMES
    robot.results["written"]["read_back"] = _read_back(robot)


def _draw(robot: Robot, stroke: list[Point]) -> Iterator[Wait]:
    """One stroke as a finger draws it along the median, then a frame to ink it and show the candidates."""
    from kivy.tests.common import UnitTestTouch  # noqa: PLC0415 - Kivy only runs inside the app

    pad = robot.app.current_screen.keyboard.pad
    side = min(pad.width, pad.height) * WRITING_SHARE
    left, top = pad.to_window(pad.center_x - side / 2, pad.center_y + side / 2)
    points = [(left + x / 1024 * side, top - y / 1024 * side) for x, y in stroke]
    finger = UnitTestTouch(*points[0])
    finger.touch_down()
    for point in points[1:]:
        finger.touch_move(*point)
    finger.touch_up()
    yield 1


def _candidates(robot: Robot) -> list[str]:
    """The candidate buttons' texts as shown, in order."""
    count = len(robot.app.current_screen.editors[NAME].candidates)
    return [robot.button(f"candidate-{index}").text for index in range(count)]


def _choose(robot: Robot, wanted: str, offered: list[str]) -> None:
    if wanted not in offered:
        raise AssertionError(f"{wanted} is not among the candidates {offered}")
    robot.touch(f"candidate-{offered.index(wanted)}")


def _read_back(robot: Robot) -> dict[str, str]:
    """The name as the visit holds it and as the field on screen shows it."""
    screen = robot.app.current_screen
    return {"visit": robot.controller.visit.fields[NAME], "widget": screen.field_boxes[NAME].text_button.text}
