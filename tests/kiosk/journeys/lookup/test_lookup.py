"""Case lookup from attract to the printed document, headless, with simulated devices and the demo court."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator

import pytest

from kiosk.controller import KioskController
from kiosk.court.demo.seed import LI, ZHANG
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card, printed_text


def at(controller: KioskController, step: str):
    return lambda: controller.flow.step == step


def start_lookup(controller: KioskController) -> None:
    controller.intent("start_visit")
    controller.intent("choose_lookup")
    assert controller.flow.step == "lookup_menu"


def test_by_case_number_shows_only_what_the_court_publishes(controller: KioskController, loop: UiLoop) -> None:
    number = controller.services.court.cases_of_party(ZHANG.id_number)[1].case_number
    start_lookup(controller)
    controller.intent("by_number")
    controller.intent("edit_field", field="lookup.case_number", value=number.replace("（", "(").replace("）", ")"))
    controller.intent("submit")
    loop.pump(at(controller, "lookup_case"))
    view = controller.visit.journeys["lookup"]["case"]
    assert view.case_number == number and view.detail == "public"
    model = controller.model()
    assert "show_documents" not in {a.intent for a in model.actions}  # documents only for a party


def test_a_malformed_case_number_is_refused_with_a_reason_and_kept(controller: KioskController) -> None:
    start_lookup(controller)
    controller.intent("by_number")
    controller.intent("edit_field", field="lookup.case_number", value="（2024）京民初号")
    controller.intent("submit")
    assert controller.flow.step == "lookup_number"
    field = controller.model().fields[0]
    assert field.value == "（2024）京民初号"
    assert field.error is not None and field.error.key == "lookup.error.case_number_invalid"


def test_by_id_card_a_party_sees_their_cases_and_prints_a_served_document(controller: KioskController, loop: UiLoop) -> None:
    start_lookup(controller)
    controller.intent("by_card")
    present_card(controller, card_of(LI))
    loop.pump(at(controller, "lookup_cases"))
    cases = controller.visit.journeys["lookup"]["cases"]
    assert {c.case_number for c in cases} == {c.case_number for c in controller.services.court.cases_of_party(LI.id_number)}
    controller.intent("open_case", case_number=cases[0].case_number)
    loop.pump(at(controller, "lookup_case"))
    assert controller.visit.journeys["lookup"]["case"].detail == "party"
    controller.intent("show_documents")
    loop.pump(at(controller, "lookup_documents"))
    document = controller.visit.journeys["lookup"]["documents"][0]
    controller.intent("print_document", document_id=document.document_id)
    assert controller.flow.step == "lookup_printing"
    loop.pump(at(controller, "lookup_documents"))
    assert controller.visit.journeys["lookup"]["documents"][0].printed_count == document.printed_count + 1
    assert printed_text(controller, "a4_printer").strip()
    controller.intent("back")
    controller.intent("back")
    assert controller.flow.step == "lookup_cases"


def test_a_code_that_is_not_a_receipt_is_refused_on_screen(controller: KioskController, loop: UiLoop) -> None:
    start_lookup(controller)
    controller.intent("by_qr")
    scanner = controller.devices.slots["scanner"].driver
    scanner.present("https://example.com/not-a-receipt")  # type: ignore[union-attr]
    loop.pump(lambda: "code_error" in controller.visit.journeys.get("lookup", {}))
    assert controller.flow.step == "lookup_qr"
    assert any(t.key == "lookup.error.not_a_receipt" for t in controller.model().body)


@pytest.fixture
def broken_court() -> Iterator[str]:
    """A loopback server that answers every request with garbage, and a port where nobody listens."""

    class Garbage(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"{not json")

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Garbage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


@pytest.mark.parametrize("court", ["garbage", "down"])
def test_a_court_that_is_down_or_answers_garbage_is_explained_and_the_typed_number_kept(
        controller: KioskController, loop: UiLoop, broken_court: str, court: str) -> None:
    url = broken_court if court == "garbage" else closed_port()
    controller.services.court = HttpCourtGateway(url, HttpOptions(connect_timeout_s=0.5, read_timeout_s=1, retries=0))
    start_lookup(controller)
    controller.intent("by_number")
    controller.intent("edit_field", field="lookup.case_number", value="（2026）京0191民初1024号")
    controller.intent("submit")
    loop.pump(at(controller, "lookup_problem"))
    expected = "court.error.malformed" if court == "garbage" else "court.error.unavailable"
    assert controller.visit.journeys["lookup"]["problem"] == expected
    assert controller.model().body[0].key == expected
    controller.intent("back")
    controller.intent("by_number")
    assert controller.model().fields[0].value == "（2026）京0191民初1024号"
