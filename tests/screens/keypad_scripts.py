"""Whole journeys done with the tactile keypad alone, in the real app (see screens.automation).

The visitor plugs in headphones, reaches every control with the arrow keys and Enter, types digits on
the 12-key pad, and hands over only what a keypad cannot: the ID card, a phone's payment code. Every touch the window receives is
counted, so the test can show the touchscreen was never used. Text is typed on a field's on-screen keyboard
with the arrows: the script reads where the keypad's cursor is and what the candidates are (standing for
what the visitor hears) and decides which key to press, never changing the app's state any other way.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from pypinyin import lazy_pinyin

from kiosk.complaints import QuestionKind
from kiosk.court.demo.seed import LI, WANG, ZHANG
from kiosk.form import DIRECTIONS
from kiosk.journeys.filing import fields as f
from kiosk.journeys.lookup.effects import CASE_NUMBER_FIELD
from kiosk.keypad import KEY_INTENTS, TYPED_KEYS
from kiosk.textinput.key_cursor import KeyCursor, grid
from screens.automation import Robot, Wait
from screens.tours.filing import TYPED
from screens.tours.payment import CASE_SUFFIX

#: Frames for a screen's buttons to be laid out after it changed.
SETTLE_FRAMES = 3
WECHAT_CODE = "134567890123456789"
PHONE = "13800138000"
#: The keypad's arrow keys (Kivy names), tried in this order when looking for the shortest way to a key.
ARROWS = ("up", "down", "left", "right")
#: Candidate pages looked through for a word before giving up.
MAX_PAGES = 10
#: The defendant's name and address, and the facts, word by word as a visitor types them.
DEFENDANT = ("王小明",)
ADDRESS = ("松林路", "8", "号")
FACTS = ("被告", "至今", "未还", "欠款")
EVIDENCE_NAME = ("身份证", "复印件")


def _count_touches(robot: Robot) -> None:
    """Every touch that reaches the window, robot-made or not, is counted in ``results["touches"]``."""
    from kivy.core.window import Window  # noqa: PLC0415

    robot.results["touches"] = 0

    def touched(*_args: object) -> None:
        robot.results["touches"] += 1

    Window.bind(on_touch_down=touched)


def begin(robot: Robot) -> Iterator[Wait]:
    """Headphones in (voice mode starts by itself), then the visit started and the home screen reached by keypad."""
    yield robot.until_screen("attract")
    _count_touches(robot)
    robot.controller.devices.slots["headphones"].driver.plug()
    yield lambda: robot.controller.voice.enabled or robot.controller.visit.preferences.voice
    robot.keypad_to("start_visit")
    yield robot.until_screen("home")


def press(robot: Robot, widget_id: str, then: str) -> Iterator[Wait]:
    """Arrow to a control, Enter, and wait for the screen ``then`` (the keypad needs no layout, so no settling)."""
    robot.keypad_to(widget_id)
    yield robot.until_screen(then)


def back(robot: Robot, then: str) -> Iterator[Wait]:
    """The keypad's Back key (Escape), and wait for the screen ``then``."""
    robot.press_key("escape")
    yield robot.until_screen(then)


def answer_elderly_offer(robot: Robot, widget_id: str) -> Iterator[Wait]:
    """The offer a card of someone 60 or older brings: answered by keypad like any other control."""
    def offered() -> bool:
        return any(a.intent == "accept_elderly" for a in robot.controller.model().actions)

    yield offered
    yield SETTLE_FRAMES
    robot.keypad_to(widget_id)
    yield lambda: not offered()
    robot.results["elderly_mode"] = robot.controller.visit.preferences.elderly_mode


def rate_and_leave(robot: Robot) -> Iterator[Wait]:
    """From home (or a journey's last screen): end the visit, rate it by keypad, back to attract; record what was spoken and where."""
    yield from press(robot, "finish", "rating")
    robot.keypad_to("rate-5")
    yield robot.until_screen("attract")
    speaker = robot.controller.devices.slots["speech"].driver
    robot.results["spoken"] = [u.text for u in speaker.utterances]
    robot.results["routes"] = sorted({u.route.value for u in speaker.utterances})
    robot.results["rates"] = [u.rate_wpm for u in speaker.utterances]


def keypad_queue_ticket(robot: Robot) -> Iterator[Wait]:
    """Li (over 60) takes an elderly priority number, after accepting elderly mode from the card's offer."""
    yield from begin(robot)
    yield from press(robot, "choose_queue_ticket", "queue_ticket_service")
    yield from press(robot, "choose_service-filing", "queue_ticket_priority")
    robot.present_card(LI.name, LI.id_number)
    yield from answer_elderly_offer(robot, "accept_elderly")
    yield lambda: robot.controller.model().actions[0].widget_id == "take_ticket-elderly"
    yield from press(robot, "take_ticket-elderly", "queue_ticket_done")
    robot.results["ticket"] = robot.controller.visit.journeys["queue_ticket"]["ticket"].number
    yield from press(robot, "go_home", "home")
    yield from rate_and_leave(robot)


def keypad_payment(robot: Robot) -> Iterator[Wait]:
    """Zhang finds his case with fees due by ID card and pays them with his phone's payment code."""
    yield from begin(robot)
    yield from press(robot, "choose_payment", "payment_menu")
    yield from press(robot, "by_card", "payment_card")
    robot.present_card(ZHANG.name, ZHANG.id_number)
    yield robot.until_screen("payment_cases")
    yield SETTLE_FRAMES
    case = next(a.widget_id for a in robot.controller.model().actions
                if a.intent == "choose_case" and a.widget_id.endswith(CASE_SUFFIX))
    yield from press(robot, case, "payment_items")
    yield from press(robot, "pay_by_code", "payment_code")
    robot.controller.devices.slots["scanner"].driver.present(WECHAT_CODE, "Code128")
    yield robot.until_screen("payment_done")
    yield SETTLE_FRAMES
    robot.results["printed"] = len(robot.controller.devices.slots["receipt_printer"].driver.jobs)
    yield from press(robot, "go_home", "home")
    yield from rate_and_leave(robot)


def keypad_work_order(robot: Robot) -> Iterator[Wait]:
    """Zhang books a file-borrowing slot: his case chosen, his phone typed on the 12-key pad, a slot chosen."""
    yield from begin(robot)
    yield from press(robot, "choose_work_order", "work_order_menu")
    yield from press(robot, "choose_kind-file_borrowing", "work_order_card")
    robot.present_card(ZHANG.name, ZHANG.id_number)
    yield robot.until_screen("work_order_form")
    yield SETTLE_FRAMES
    robot.keypad_to(next(a.widget_id for a in robot.controller.model().actions if a.intent == "edit_field"))
    robot.keypad_to("submit")
    yield lambda: robot.controller.model().fields[0].field_id == "work_order.phone"
    yield SETTLE_FRAMES
    for digit in PHONE:
        robot.press_key("", digit)
        yield 1
    robot.results["phone"] = robot.controller.visit.fields.get("work_order.phone")
    yield from press(robot, "submit", "work_order_slots")
    slot = next(a.widget_id for a in robot.controller.model().actions if a.intent == "choose_slot" and a.enabled)
    yield from press(robot, slot, "work_order_review")
    yield from press(robot, "send_work_order", "work_order_done")
    yield lambda: robot.controller.visit.journeys["work_order"].get("printed", False)
    robot.results["printed"] = len(robot.controller.devices.slots["receipt_printer"].driver.jobs)
    yield from press(robot, "go_home", "home")
    yield from rate_and_leave(robot)


def _path(editor: Any, start: KeyCursor, widget_id: str) -> list[str]:
    """The fewest arrow keys that bring the keyboard's cursor from ``start`` onto ``widget_id``.

    A breadth-first search over the cursor's own moves, so up and down land where the keyboard
    really puts them between rows of different widths."""
    rows = grid(editor)
    start.current(editor)
    paths: dict[tuple[int, int], list[str]] = {(start.row, start.column): []}
    queue = deque(paths)
    while queue:
        row, column = queue.popleft()
        if rows[row][column].widget_id == widget_id:
            return paths[row, column]
        for arrow in ARROWS:
            cursor = KeyCursor(row, column)
            cursor.move(editor, *DIRECTIONS[KEY_INTENTS[arrow]])
            if (cursor.row, cursor.column) not in paths:
                paths[cursor.row, cursor.column] = [*paths[row, column], arrow]
                queue.append((cursor.row, cursor.column))
    raise LookupError(f"{widget_id!r} is not on the keyboard {editor.layout.name}")


def press_on_keyboard(robot: Robot, widget_id: str) -> None:
    """Arrow the keyboard's cursor onto a key (or candidate) and press Enter on it."""
    form = robot.controller.form
    for arrow in _path(form.editor, KeyCursor(form.cursor.row, form.cursor.column), widget_id):
        robot.press_key(arrow)
    if robot.controller.focused_widget != widget_id:
        raise AssertionError(f"the keypad's cursor is on {robot.controller.focused_widget}, not {widget_id}")
    robot.press_key("enter")


def _pinyin_word(robot: Robot, word: str) -> None:
    """Each pinyin letter by arrows and Enter, then the word picked with the keypad's digits, paging when needed.

    A candidate covering only the first characters is picked and the rest chosen from what is left."""
    editor = robot.controller.form.editor
    for letter in "".join(lazy_pinyin(word)):
        press_on_keyboard(robot, f"key-{letter}")
    rest = word
    while rest:
        for _page in range(MAX_PAGES):
            fitting = [text for text in editor.candidates if rest.startswith(text)]
            if fitting:
                break
            press_on_keyboard(robot, "key-›")
        else:
            raise LookupError(f"{rest!r} is not among the candidates for {editor.letters!r}")
        chosen = max(fitting, key=len)
        robot.press_key("", str(editor.candidates.index(chosen) + 1))
        rest = rest[len(chosen):]


def _pad_keys(robot: Robot, text: str) -> None:
    """Digits (and X) on the keypad itself; anything else on the keyboard's keys by arrows, longest key first."""
    position = 0
    while position < len(text):
        if text[position] in TYPED_KEYS:
            robot.press_key("", text[position])
            position += 1
        else:
            label = max(_key_labels(robot, text[position:]), key=len)
            press_on_keyboard(robot, f"key-{label}")
            position += len(label)


def _key_labels(robot: Robot, text: str) -> list[str]:
    """Labels of the typing keys on show that ``text`` starts with."""
    keys = robot.controller.form.editor.layout.keys()
    return [key.label for key in keys if key.action is None and key.label and text.startswith(key.label)]


def type_by_keypad(robot: Robot, field_id: str, words: Sequence[str], *, replace: bool = False) -> None:
    """Arrow to a field, Enter onto its keyboard, type ``words`` one by one, Escape back to the field.

    A word the keyboard has keys for (digits, the case-number pad's year, court and type keys) is typed
    on them; any other is Chinese, typed in pinyin and picked from the candidates. ``replace`` first
    deletes what the field holds with the backspace key. Keys are handled as they are pressed, so no
    frame needs to pass between them."""
    form = robot.controller.form
    robot.keypad_to(f"field-{field_id}")
    if not (form.typing and form.focused == field_id):
        raise AssertionError(f"Enter on {field_id} did not open its keyboard")
    for _character in form.editor.value if replace else "":
        press_on_keyboard(robot, "key-←")
    for word in words:
        if word[0] in TYPED_KEYS or _key_labels(robot, word):
            _pad_keys(robot, word)
        else:
            _pinyin_word(robot, word)
    robot.press_key("escape")
    if form.typing:
        raise AssertionError(f"Escape did not leave the keyboard of {field_id}")


def _filing_draft(robot: Robot) -> Any:
    return robot.controller.visit.journeys["filing"]["draft"]


def _filing_identity(robot: Robot) -> Iterator[Wait]:
    """The typed-number screen looked at and left with Back, Zhang's card laid, the agent's form looked at."""
    yield from press(robot, "choose_filing", "filing_identity")
    yield from press(robot, "type_id", "filing_id_typed")
    yield from back(robot, "filing_identity")
    robot.present_card(ZHANG.name, ZHANG.id_number)
    yield robot.until_screen("filing_confirm")
    yield from press(robot, "choose_role-lawyer", "filing_agent")
    yield from back(robot, "filing_confirm")


def _filing_parties(robot: Robot) -> Iterator[Wait]:
    """Zhang as plaintiff with his phone, the organisation form looked at, 王小明 typed in as defendant
    (his name on the pinyin keys made for the plaintiff's form, kept while other pads were shown)."""
    yield from press(robot, "choose_role-self", "filing_party")
    first_keyboard = robot.app.current_screen.keyboard
    type_by_keypad(robot, f.PARTY_PHONE, [PHONE])
    yield from press(robot, "save_party", "filing_parties")
    yield from press(robot, "add_party-defendant", "filing_party_kind")
    yield from press(robot, "party_kind-organisation", "filing_party")
    yield from back(robot, "filing_parties")
    yield from press(robot, "add_party-defendant", "filing_party_kind")
    yield from press(robot, "party_kind-person", "filing_party")
    robot.results["name_keys_kept"] = robot.app.current_screen.keyboard is first_keyboard
    type_by_keypad(robot, f.PARTY_NAME, DEFENDANT)
    type_by_keypad(robot, f.PARTY_ID_NUMBER, [WANG.id_number])
    type_by_keypad(robot, f.PARTY_ADDRESS, ADDRESS)
    yield from press(robot, "save_party", "filing_parties")


def _filing_questions(robot: Robot) -> Iterator[Wait]:
    """This court, a private loan, then every question: no, the first choice, typed answers, the facts typed."""
    court = next(a.widget_id for a in robot.controller.model().actions if a.intent == "choose_court")
    yield from press(robot, court, "filing_case_type")
    yield from press(robot, "choose_case_type-private_lending", "filing_question")
    while robot.screen_name == "filing_question":
        question = _filing_draft(robot).interview.current
        if question.kind is QuestionKind.YES_NO:
            robot.keypad_to("answer-no")
        elif question.kind is QuestionKind.CHOICE:
            robot.keypad_to(f"answer-{question.options[0].value}")
        else:
            words = FACTS if question.kind is QuestionKind.TEXT else [TYPED[question.kind]]
            type_by_keypad(robot, f.ANSWER, words)
            robot.keypad_to("answer")
        yield lambda: (robot.screen_name != "filing_question" or _filing_draft(robot).interview.current is not question
                       or _filing_draft(robot).answer_error is not None)
        if _filing_draft(robot).answer_error is not None:
            raise AssertionError(f"{question.id}: {_filing_draft(robot).answer_error.key}")


def _filing_evidence(robot: Robot) -> Iterator[Wait]:
    """The claim, one identity page photographed and named by keypad, the review, submit and print."""
    yield robot.until_screen("filing_claim")
    yield from press(robot, "claim_done", "filing_evidence")
    yield from press(robot, "new_item-identity", "filing_item")
    robot.results["item"] = _filing_draft(robot).evidence[0].name
    robot.keypad_to("capture")
    yield lambda: robot.screen_name == "filing_item" and bool(_filing_draft(robot).evidence[0].pages)
    yield from press(robot, "rename_item", "filing_item_name")
    type_by_keypad(robot, f.EVIDENCE_NAME, EVIDENCE_NAME, replace=True)
    yield from press(robot, "save_item_name", "filing_item")
    yield from press(robot, "item_done", "filing_evidence")
    yield from press(robot, "evidence_done", "filing_review")
    yield from press(robot, "submit_filing", "filing_done")


def keypad_filing(robot: Robot) -> Iterator[Wait]:
    """Zhang files a private-loan claim against 王小明 by keypad alone: every field typed on the keyboards by
    arrows, Enter and the keypad's digits, the receipt and the complaint printed, then the visit rated."""
    yield from begin(robot)
    yield from _filing_identity(robot)
    yield from _filing_parties(robot)
    yield from press(robot, "parties_done", "filing_court")
    yield from _filing_questions(robot)
    yield from _filing_evidence(robot)
    draft = _filing_draft(robot)
    robot.results["parties"] = [[p.role, p.name, getattr(p, "id_number", ""), p.address] for p in draft.parties]
    robot.results["facts"] = draft.interview.answers.get("other_facts")
    robot.results["evidence"] = [item.name for item in draft.evidence]
    robot.results["reference"] = draft.outcome.receipt.reference
    robot.results["printed"] = {role: [job.title for job in slot.driver.jobs]
                                for role, slot in robot.controller.devices.slots.items() if role.endswith("printer")}
    yield from rate_and_leave(robot)


def case_number_words() -> list[str]:
    """Li's divorce case number of this year, as keys of the case-number pad (the digits typed on the keypad)."""
    return [f"（{date.today().year}）", "京", "0191", "民初", "877", "号"]


def keypad_lookup(robot: Robot) -> Iterator[Wait]:
    """Li's divorce case found by its number typed on the case-number pad by keypad (public detail), then her
    own cases by ID card, that case's served documents, and the judgment printed; then the visit rated."""
    yield from begin(robot)
    yield from press(robot, "choose_lookup", "lookup_menu")
    yield from press(robot, "by_number", "lookup_number")
    words = case_number_words()
    type_by_keypad(robot, CASE_NUMBER_FIELD, words)
    robot.results["typed"] = robot.controller.visit.fields.get(CASE_NUMBER_FIELD)
    yield from press(robot, "submit", "lookup_case")
    robot.results["found"] = robot.controller.visit.journeys["lookup"]["case"].case_number
    yield from back(robot, "lookup_menu")
    yield from press(robot, "by_card", "lookup_card")
    robot.present_card(LI.name, LI.id_number)
    yield from answer_elderly_offer(robot, "decline_elderly")
    yield robot.until_screen("lookup_cases")
    yield from press(robot, f"open_case-{''.join(words)}", "lookup_case")
    yield from press(robot, "show_documents", "lookup_documents")
    document = next(a.widget_id for a in robot.controller.model().actions if a.intent == "print_document")
    printer = robot.controller.devices.slots["a4_printer"].driver
    robot.keypad_to(document)
    yield lambda: bool(printer.jobs)
    yield robot.until_screen("lookup_documents")
    robot.results["printed"] = [job.title for job in printer.jobs]
    yield from press(robot, "go_home", "home")
    yield from rate_and_leave(robot)
