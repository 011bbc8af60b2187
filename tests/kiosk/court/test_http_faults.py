"""A court that answers garbage, answers late or not at all gives typed errors, never a crash."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosk.court import contract as c
from kiosk.court import errors
from kiosk.court.digest import content_digest
from kiosk.court.errors import CourtRejected, CourtUnavailable, MalformedReply
from kiosk.court.http_client import TIMEOUT, HttpCourtGateway, HttpOptions
from tests.kiosk.court.courtsim import free_port

Reply = tuple[int, dict[str, str], bytes]


class Stub:
    """A loopback HTTP server whose every answer is ``reply()``; counts the requests it got."""

    def __init__(self) -> None:
        self.reply: Callable[[], Reply] = lambda: (200, {}, b"{}")
        self.hits = 0
        self.headers: dict[str, str] = {}
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                stub.hits += 1
                stub.headers = dict(self.headers)
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, headers, body = stub.reply()
                self.send_response(status)
                for name, value in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def stub() -> Iterator[Stub]:
    server = Stub()
    yield server
    server.server.shutdown()


def client(url: str, retries: int = 2) -> HttpCourtGateway:
    return HttpCourtGateway(url, HttpOptions(token="t", retries=retries, backoff_s=0.01, read_timeout_s=0.5,
                                             connect_timeout_s=0.5))


def json_reply(status: int, body: object) -> Callable[[], Reply]:
    data = json.dumps(body).encode()
    return lambda: (status, {"Content-Type": "application/json"}, data)


@pytest.mark.parametrize("body", [b"not json at all", b"{\"contract_version\": 1", b"[]", b"\xff\xfe\x00garbage",
                                  b"{\"contract_version\": \"1.0\", \"court\": null}"])
def test_garbage_is_a_malformed_reply_after_bounded_retries(stub: Stub, body: bytes) -> None:
    stub.reply = lambda: (200, {"Content-Type": "application/json"}, body)
    with pytest.raises(MalformedReply) as failure:
        client(stub.url).info()
    assert failure.value.message_key == errors.MalformedReply.default_key
    assert stub.hits == 3


def test_a_corrupted_body_fails_its_digest(stub: Stub) -> None:
    good = c.Ack(received_at=c.utc_now()).model_dump_json().encode()
    stub.reply = lambda: (200, {"Content-Digest": content_digest(good)}, good.replace(b"20", b"21", 1))
    with pytest.raises(MalformedReply):
        client(stub.url).submit_rating(c.RatingSubmission.new("k", score=4))


def test_a_slow_court_times_out(stub: Stub) -> None:
    def slow() -> Reply:
        time.sleep(1.5)
        return 200, {}, b"{}"

    stub.reply = slow
    started = time.monotonic()
    with pytest.raises(CourtUnavailable) as failure:
        client(stub.url, retries=1).courts()
    assert failure.value.message_key == TIMEOUT
    assert time.monotonic() - started < 3.5


def test_an_unreachable_court_is_unavailable() -> None:
    with pytest.raises(CourtUnavailable) as failure:
        client(f"http://127.0.0.1:{free_port()}", retries=0).courts()
    assert failure.value.message_key == errors.CourtUnavailable.default_key


def test_a_server_error_page_is_unavailable_and_retried(stub: Stub) -> None:
    stub.reply = lambda: (502, {"Content-Type": "text/html"}, b"<html>Bad Gateway</html>")
    with pytest.raises(CourtUnavailable):
        client(stub.url).appointment_slots(date.today(), 3)
    assert stub.hits == 3


def test_a_court_refusal_carries_its_message_key_and_is_not_retried(stub: Stub) -> None:
    stub.reply = json_reply(404, {"message_key": errors.CASE_NOT_FOUND})
    with pytest.raises(CourtRejected) as failure:
        client(stub.url).case("（2024）京0191民初1号")
    assert failure.value.message_key == errors.CASE_NOT_FOUND and stub.hits == 1


def test_a_retryable_court_error_is_unavailable(stub: Stub) -> None:
    stub.reply = json_reply(400, {"message_key": errors.CORRUPT_REQUEST, "retryable": True})
    with pytest.raises(CourtUnavailable) as failure:
        client(stub.url).fee_items("（2024）京0191民初1号")
    assert failure.value.message_key == errors.CORRUPT_REQUEST and stub.hits == 3


def test_a_client_error_without_a_contract_body_is_malformed(stub: Stub) -> None:
    stub.reply = lambda: (400, {"Content-Type": "text/plain"}, b"Invalid HTTP request received.")
    with pytest.raises(MalformedReply):
        client(stub.url, retries=0).queue_ticket("T1")


def test_a_document_that_is_not_a_pdf_is_malformed(stub: Stub) -> None:
    stub.reply = lambda: (200, {"Content-Type": "application/pdf"}, b"<html>login</html>")
    with pytest.raises(MalformedReply):
        client(stub.url, retries=0).document_pdf("D1", "110105198503122317")


def test_heartbeats_are_not_retried(stub: Stub) -> None:
    stub.reply = lambda: (503, {}, b"")
    beat = c.Heartbeat(kiosk_id="k", sent_at=c.utc_now(), software_version="0", contract_version="1.0",
                       devices={}, outbox_depth=0)
    with pytest.raises(CourtUnavailable):
        client(stub.url).heartbeat(beat)
    assert stub.hits == 1


def test_the_credential_contract_version_and_digest_are_sent(stub: Stub) -> None:
    stub.reply = json_reply(200, [])
    assert client(stub.url).cases_of_party("110105198503122317") == []
    assert stub.headers["Authorization"] == "Bearer t"
    assert stub.headers["X-Court-Contract"] == c.CONTRACT_VERSION
    assert stub.headers["Content-Digest"].startswith("sha-256=:")


def test_trust_and_client_certificate_come_from_the_options() -> None:
    gateway = HttpCourtGateway("https://court.invalid", HttpOptions(ca_bundle="/etc/court/ca.pem",
                                                                    client_cert=("/etc/kiosk.crt", "/etc/kiosk.key")))
    assert gateway.session.verify == "/etc/court/ca.pem"
    assert gateway.session.cert == ("/etc/kiosk.crt", "/etc/kiosk.key")
    assert HttpCourtGateway("https://court.invalid").session.verify is True
