"""Scripts the UI tests run inside the real app (see screens.automation)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

from kiosk.court.demo.seed import LI
from screens.automation import Robot, Wait

LI_ID_NUMBER = LI.id_number


#: Libraries only some later screen or job needs, each a noticeable part of a cold start if imported up front.
LATER_LIBRARIES = ("reportlab", "segno", "cv2", "numpy", "cryptography", "jieba", "pypinyin", "requests")


def libraries_at_first_frame(robot: Robot) -> Iterator[Wait]:
    """Which of :data:`LATER_LIBRARIES` the app has imported by the time attract is drawn; then a test page is
    printed, which must bring reportlab in (so the check can see an import)."""
    yield robot.until_screen("attract")
    robot.results["at_first_frame"] = [name for name in LATER_LIBRARIES if name in sys.modules]
    robot.results["test_page_printed"] = robot.controller.devices.slots["receipt_printer"].driver.self_test().passed
    robot.results["reportlab_after_test_page"] = "reportlab" in sys.modules


def warmed_up_after_start(robot: Robot) -> Iterator[Wait]:
    """Whether the pinyin lexicon is loaded at the first frame, and later without anything typed."""
    from kiosk.textinput import lexicon  # noqa: PLC0415

    yield robot.until_screen("attract")
    robot.results["loaded_at_first_frame"] = lexicon.is_loaded()
    yield lambda: lexicon.is_loaded()
    robot.results["loaded_after_warm_up"] = lexicon.is_loaded()


def collects_at_rest(robot: Robot) -> Iterator[Wait]:
    """The collector's settings in the running app, and a full collection once home has rested after a touch."""
    import gc  # noqa: PLC0415
    import time  # noqa: PLC0415

    collector = robot.app.collector
    yield robot.until_screen("attract")
    robot.results["oldest_threshold"] = gc.get_threshold()[2]
    robot.touch("start_visit")
    yield robot.until_screen("home")
    before, touched = collector.rest_collections, time.monotonic()
    yield lambda: collector.rest_collections > before
    robot.results["rested_s"] = time.monotonic() - touched
    robot.results["screen"] = robot.screen_name


def framebuffer_samples(robot: Robot) -> Iterator[Wait]:
    """The samples per pixel of the window's framebuffer, as OpenGL reports them once attract is drawn."""
    from kivy.graphics.opengl import GL_SAMPLES, glGetIntegerv  # noqa: PLC0415

    yield robot.until_screen("attract")
    robot.results["samples"] = glGetIntegerv(GL_SAMPLES)[0]


def touch_case_lookup(robot: Robot) -> Iterator[Wait]:
    """Touch the attract screen anywhere to start, then touch the case-lookup button on home."""
    yield robot.until_screen("attract")
    robot.touch_at(540, 100)  # an empty spot near the bottom of the attract screen
    yield robot.until_screen("home")
    robot.results["before"] = {"state": robot.controller.flow.step, "screen": robot.screen_name}
    robot.touch("choose_lookup")
    yield robot.until_screen("lookup_menu")
    yield 2
    robot.results["after"] = {"state": robot.controller.flow.step, "screen": robot.screen_name}


def inactivity_warning_then_wipe(robot: Robot) -> Iterator[Wait]:
    """Leave the kiosk alone in a journey: the warning appears on screen, one touch extends, then it wipes."""
    yield robot.until_screen("attract")
    robot.touch("start_visit")
    yield robot.until_screen("home")
    robot.touch("choose_lookup")
    yield robot.until_screen("lookup_menu")
    robot.controller.visit.journeys["lookup"] = {"id_number": "110101195001010019"}
    yield lambda: "extend_time" in robot.app.current_screen.buttons
    robot.results["warning_shown_on"] = robot.screen_name
    robot.touch("extend_time")
    yield lambda: "extend_time" not in robot.app.current_screen.buttons
    robot.results["extended"] = robot.controller.idle.extensions_used
    yield robot.until_screen("attract")
    robot.results["after_timeout"] = {"screen": robot.screen_name, "journeys": robot.controller.visit.journeys}


def type_a_case_number(robot: Robot) -> Iterator[Wait]:
    """Look a case up by typing its number on the case-number pad."""
    yield robot.until_screen("attract")
    robot.touch("start_visit")
    yield robot.until_screen("home")
    robot.touch("choose_lookup")
    yield robot.until_screen("lookup_menu")
    robot.touch("by_number")
    yield robot.until_screen("lookup_number")
    robot.type_text("lookup.case_number", "（2026）京0191民初1024号")
    yield 2
    robot.results["typed"] = robot.controller.visit.fields["lookup.case_number"]
    robot.touch("submit")
    yield robot.until_screen("lookup_case")
    robot.results["case"] = robot.controller.visit.journeys["lookup"]["case"].case_number


def keypad_only_lookup(robot: Robot) -> Iterator[Wait]:
    """A visitor who cannot see the screen: headphones, keypad, ID card; no touch at all."""
    yield robot.until_screen("attract")
    robot.controller.devices.slots["headphones"].driver.plug()
    yield lambda: robot.controller.voice.enabled or robot.controller.visit.preferences.voice
    robot.keypad_to("start_visit")
    yield robot.until_screen("home")
    if not robot.controller.visit.preferences.voice:
        robot.keypad_to("toggle_voice")
    robot.keypad_to("choose_lookup")
    yield robot.until_screen("lookup_menu")
    robot.keypad_to("by_card")
    yield robot.until_screen("lookup_card")
    robot.present_card("李秀英", LI_ID_NUMBER)
    yield robot.until_screen("lookup_cases")
    first_case = next(a.widget_id for a in robot.controller.model().actions if a.intent == "open_case")
    robot.keypad_to(first_case)
    yield robot.until_screen("lookup_case")
    robot.keypad_to("show_documents")
    yield robot.until_screen("lookup_documents")
    document = next(a.widget_id for a in robot.controller.model().actions if a.intent == "print_document")
    robot.keypad_to(document)
    yield robot.until_screen("lookup_documents")
    robot.press_key("home")
    yield robot.until_screen("home")
    robot.keypad_to("finish")
    yield robot.until_screen("rating")
    robot.keypad_to("rate-5")
    yield robot.until_screen("attract")
    speaker = robot.controller.devices.slots["speech"].driver
    robot.results["spoken"] = [u.text for u in speaker.utterances]
    robot.results["routes"] = sorted({u.route.value for u in speaker.utterances})
    robot.results["printed"] = len(robot.controller.devices.slots["a4_printer"].driver.jobs)
