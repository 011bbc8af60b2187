"""The rating at the end of a visit: score and reasons reach the court, and nothing that identifies the visitor."""

from __future__ import annotations

import sqlite3

from kiosk.controller import KioskController
from kiosk.court.demo.seed import LI
from kiosk.services import DEMO_COURT_FILE, OUTBOX_FILE
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card


def ratings_at_court(controller: KioskController) -> list[str]:
    """The ratings the demo court stored, as the JSON it keeps, and its idempotency records of them."""
    with sqlite3.connect(controller.settings.resolved_data_dir() / DEMO_COURT_FILE) as court:
        rows = court.execute("SELECT json FROM ratings").fetchall()
        records = court.execute("SELECT result FROM idempotency WHERE kind = 'rating'").fetchall()
    return [row[0] for row in rows + records]


def visit_as_li(controller: KioskController, loop: UiLoop) -> None:
    """A visit with personal data in it: an ID card read, a case looked up."""
    controller.intent("start_visit")
    controller.intent("choose_lookup")
    controller.intent("by_card")
    present_card(controller, card_of(LI))
    loop.pump(lambda: controller.flow.step == "lookup_cases")
    controller.intent("finish")
    assert controller.flow.step == "rating"


def test_a_score_with_reasons_reaches_the_court_without_personal_data(controller: KioskController, loop: UiLoop) -> None:
    visit_as_li(controller, loop)
    controller.intent("choose_reason", reason="fast")
    controller.intent("choose_reason", reason="could_not_finish")
    controller.intent("choose_reason", reason="could_not_finish")
    checked = {a.params["reason"]: a.checked for a in controller.model().actions if a.intent == "choose_reason"}
    assert checked["fast"] and not checked["could_not_finish"]
    assert "clear_voice" not in checked  # offered only to visitors who used voice
    controller.intent("rate", score=5)
    assert controller.flow.step == "attract" and controller.visit.journeys == {}
    loop.pump(lambda: len(ratings_at_court(controller)) == 2)
    stored, _ = ratings_at_court(controller)
    assert '"score":5' in stored and '"reasons":["fast"]' in stored and '"journey":"lookup"' in stored
    assert '"locale":"zh_CN"' in stored
    with sqlite3.connect(controller.settings.resolved_data_dir() / DEMO_COURT_FILE) as court:
        dumped = "\n".join(court.iterdump())
    for line in dumped.splitlines():
        if "rating" in line:
            assert LI.name not in line and LI.id_number not in line and LI.id_number[-4:] not in line
    assert controller.services.outbox.pending() == []


def test_a_rating_waits_in_the_outbox_sealed_and_names_nobody(controller: KioskController, loop: UiLoop) -> None:
    controller.services.sender.stop()
    visit_as_li(controller, loop)
    controller.intent("rate", score=2)
    loop.pump(lambda: len(controller.services.outbox.pending()) == 1)
    queued = controller.services.outbox.pending()[0]
    assert queued.kind == "rating"
    rating = controller.services.outbox.load(queued.reference)
    assert (rating.score, rating.reasons, rating.journey) == (2, [], "lookup")
    text = rating.model_dump_json()
    assert LI.name not in text and LI.id_number not in text
    raw = b"".join(path.read_bytes() for path in controller.settings.resolved_data_dir().glob(f"{OUTBOX_FILE}*"))
    assert LI.name.encode() not in raw and LI.id_number.encode() not in raw


def test_skipping_sends_nothing(controller: KioskController, loop: UiLoop) -> None:
    controller.services.sender.stop()
    controller.intent("start_visit")
    controller.intent("finish")
    controller.intent("choose_reason", reason="slow")
    controller.intent("rate", score=0)
    assert controller.flow.step == "attract"
    controller.services.tasks.wait_idle()
    assert controller.services.outbox.pending() == []
