"""Every journey done with the keypad alone under Xvfb: completed, rated, every prompt spoken in order, no touch."""

from __future__ import annotations

from typing import Any

from kiosk.court.demo.seed import WANG, ZHANG
from kiosk.i18n import Text, Translator
from tests.screens.conftest import RunScript
from tests.screens.keypad_scripts import ADDRESS, DEFENDANT, EVIDENCE_NAME, FACTS, case_number_words

SCRIPTS = "tests.screens.keypad_scripts"
TR = Translator()


def assert_spoken_in_order(results: dict[str, Any], prompts: list[Text]) -> None:
    """Each prompt, as the display language says it, is spoken after the one before."""
    spoken = "\n".join(results["spoken"])
    position = 0
    for prompt in prompts:
        found = spoken.find(TR.text(prompt, "zh_CN"), position)
        assert found >= 0, f"{prompt.key} not spoken after position {position}"
        position = found


def assert_keypad_only(results: dict[str, Any]) -> None:
    """Nothing touched the screen, and everything went into the headphones."""
    assert results["touches"] == 0
    assert results["routes"] == ["headphones"]


def test_a_queue_ticket_by_keypad_alone_with_the_elderly_offer_accepted(run_in_app: RunScript) -> None:
    results = run_in_app(f"{SCRIPTS}:keypad_queue_ticket")
    assert_keypad_only(results)
    assert results["elderly_mode"] is True
    rating = next(i for i, text in enumerate(results["spoken"]) if TR.text(Text("title.rating"), "zh_CN") in text)
    assert results["rates"][rating] < results["rates"][0]  # elderly mode speaks more slowly
    assert_spoken_in_order(results, [Text(k) for k in (
        "title.home", "title.queue_ticket", "queue_ticket.title.priority", "elderly.offer.title")] + [
        Text("queue_ticket.title.done", {"number": results["ticket"]}), Text("title.home"), Text("title.rating")])


def test_a_payment_by_keypad_alone(run_in_app: RunScript) -> None:
    results = run_in_app(f"{SCRIPTS}:keypad_payment")
    assert_keypad_only(results)
    assert results["printed"] == 1
    assert_spoken_in_order(results, [Text(k) for k in (
        "title.home", "payment.title.menu", "payment.title.card", "payment.title.cases", "payment.title.items",
        "payment.title.code", "payment.title.paid", "title.home", "title.rating")])


def test_a_file_borrowing_work_order_by_keypad_alone(run_in_app: RunScript) -> None:
    results = run_in_app(f"{SCRIPTS}:keypad_work_order")
    assert_keypad_only(results)
    assert results["phone"] == "13800138000"
    assert results["printed"] == 1
    form = [Text("work_order.title.form", {"kind": Text("work_order.kind.file_borrowing"), "step": step, "steps": 2})
            for step in (1, 2)]
    assert_spoken_in_order(results, [Text("title.home"), Text("title.work_order"), Text("work_order.title.card"),
                                     *form, Text("work_order.title.slots"), Text("work_order.title.review"),
                                     Text("work_order.title.done"), Text("title.home"), Text("title.rating")])


def test_a_self_filing_by_keypad_alone_with_every_field_typed_on_the_keyboards(run_in_app: RunScript) -> None:
    results = run_in_app(f"{SCRIPTS}:keypad_filing", timeout_s=400)
    assert_keypad_only(results)
    assert results["parties"][0][:3] == ["plaintiff", ZHANG.name, ZHANG.id_number]
    assert results["parties"][1] == ["defendant", "".join(DEFENDANT), WANG.id_number, "".join(ADDRESS)]
    assert results["name_keys_kept"]  # and typed 王小明 into the defendant's name, not the plaintiff's
    assert results["facts"] == "".join(FACTS)
    assert results["evidence"] == ["".join(EVIDENCE_NAME)]
    assert results["reference"].startswith("K")
    assert results["printed"] == {"receipt_printer": ["filing-receipt"], "a4_printer": ["complaint"]}
    plaintiff, defendant = ({"role": Text(f"role.{role}")} for role in ("plaintiff", "defendant"))
    assert_spoken_in_order(results, [
        Text("title.home"), Text("filing.title.identity"), Text("filing.title.id_typed"), Text("filing.title.identity"),
        Text("filing.title.confirm"), Text("filing.title.agent"), Text("filing.title.confirm"),
        Text("filing.title.party", plaintiff), Text("filing.title.parties"),
        *[Text("filing.title.party_kind", defendant), Text("filing.title.party", defendant),
          Text("filing.title.parties")] * 2,
        Text("title.please_wait"), Text("filing.title.court"), Text("filing.title.case_type"),
        Text("filing.title.question", {"case_type": "民间借贷"}), Text("filing.title.claim"),
        Text("filing.title.evidence"), Text("filing.title.item", {"name": results["item"]}),
        Text("filing.title.item_name"), Text("filing.title.item", {"name": "".join(EVIDENCE_NAME)}),
        Text("filing.title.evidence"), Text("filing.title.review"), Text("title.please_wait"), Text("title.printing"),
        Text("filing.title.done"), Text("title.rating")])


def test_a_case_lookup_by_keypad_alone_by_number_then_by_card_with_a_document_printed(run_in_app: RunScript) -> None:
    results = run_in_app(f"{SCRIPTS}:keypad_lookup", timeout_s=400)
    assert_keypad_only(results)
    assert results["typed"] == results["found"] == "".join(case_number_words())
    assert results["elderly_mode"] is False
    assert results["printed"] == ["served-document"]
    assert_spoken_in_order(results, [Text(k) for k in (
        "title.home", "title.lookup", "lookup.title.number", "title.please_wait", "lookup.title.case", "title.lookup",
        "lookup.title.card", "elderly.offer.title", "lookup.title.cases", "title.please_wait", "lookup.title.case",
        "title.please_wait", "lookup.title.documents", "title.printing", "lookup.title.documents", "title.home",
        "title.rating")])
