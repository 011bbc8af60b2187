"""A court that is down, slow or answers garbage: the visitor is told what to do and keeps everything entered.

Listing the courts fails on screen with a retry; submitting never fails because of the court: the filing
waits in the outbox, the receipt says so with the local reference, and the sender delivers it once later.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator

import pytest

from kiosk.controller import KioskController
from kiosk.court.demo.seed import WANG, ZHANG
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from kiosk.court.sender import Backoff, OutboxSender
from kiosk.documents.receipt import QUEUED_NOTE
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import printed_text
from tests.kiosk.journeys.filing.driver import Filing, at, draft, enter_parties, identify, submit_and_print, to_review
from tests.kiosk.journeys.filing.test_filing import flat

FILING = Filing("private_lending", ZHANG, defendants=(WANG,))
EXPECTED = {"garbage": "court.error.malformed", "silent": "court.error.timeout", "down": "court.error.unavailable"}


@pytest.fixture
def broken_courts() -> Iterator[dict[str, str]]:
    """Loopback courts: one answering garbage, one that never answers, and a port where nobody listens."""
    released = threading.Event()

    class Garbage(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"{not json")

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    class Silent(Garbage):
        def do_GET(self) -> None:  # noqa: N802
            released.wait(10)

        do_POST = do_GET  # noqa: N815

    servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) for handler in (Garbage, Silent)]
    for server in servers:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    yield {"garbage": f"http://127.0.0.1:{servers[0].server_address[1]}",
           "silent": f"http://127.0.0.1:{servers[1].server_address[1]}", "down": f"http://127.0.0.1:{closed}"}
    released.set()
    for server in servers:
        server.shutdown()


def gateway(url: str) -> HttpCourtGateway:
    return HttpCourtGateway(url, HttpOptions(connect_timeout_s=0.5, read_timeout_s=0.5, retries=0))


@pytest.mark.parametrize("failure", EXPECTED)
def test_the_court_list_failing_is_explained_and_a_retry_finds_everything_still_there(
        controller: KioskController, loop: UiLoop, broken_courts: dict[str, str], failure: str) -> None:
    demo = controller.services.court
    identify(controller, loop, FILING.visitor)
    enter_parties(controller, FILING)
    controller.services.court = gateway(broken_courts[failure])
    controller.intent("parties_done")
    loop.pump(at(controller, "filing_problem"))
    model = controller.model()
    assert [t.key for t in model.body] == [EXPECTED[failure], "filing.body.kept"]
    assert "retry" in {a.intent for a in model.actions}
    controller.services.court = demo
    controller.intent("retry")
    loop.pump(at(controller, "filing_court"))
    assert [p.name for p in draft(controller).parties] == [ZHANG.name, WANG.name]


@pytest.mark.parametrize("failure", EXPECTED)
def test_a_filing_submitted_while_the_court_fails_is_queued_and_later_delivered_exactly_once(
        controller: KioskController, loop: UiLoop, broken_courts: dict[str, str], failure: str) -> None:
    services = controller.services
    services.sender.stop()
    services.sender = OutboxSender(services.outbox, gateway(broken_courts[failure]), Backoff(base_s=0.01, max_s=0.01))
    services.sender.start()
    to_review(controller, loop, FILING)
    submit_and_print(controller, loop)
    outcome = draft(controller).outcome
    reference = outcome.receipt.reference
    assert outcome.queued and controller.flow.step == "filing_done"
    receipt = flat(printed_text(controller, "receipt_printer"))
    assert "状态：已保存，待发送" in receipt and f"本机参考号：{reference}" in receipt and flat(QUEUED_NOTE) in receipt
    assert any(t.key == "text.plain" and "无需重新提交" in t.params["text"] for t in controller.model().body)

    services.sender.stop()
    loop.pump(lambda: bool(services.outbox.due()))  # the last failed attempt's short backoff has run out
    acknowledged: list[str] = []
    services.sender = OutboxSender(services.outbox, services.court, on_ack=lambda ref, _: acknowledged.append(ref))
    assert services.sender.send_due() == 1
    assert services.sender.send_due() == 0
    assert acknowledged == [reference]
    assert services.outbox.depth().pending == 0
    assert services.court.filing_status(reference).status == "received"
