"""The outbox: durable, sealed, deduplicated by the court, readable by staff without personal data."""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

import pytest
from pydantic import BaseModel

from kiosk.court import contract as c
from kiosk.court import errors
from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import WANG, ZHANG
from kiosk.court.errors import CourtUnavailable
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from kiosk.court.outbox import Outbox
from kiosk.court.sealing import new_key, parse_key
from kiosk.court.sender import UNSEALABLE, Backoff, OutboxSender
from tests.kiosk.court.courtsim import free_port
from tests.kiosk.court.samples import filing, work_order

KIOSK = "kiosk-outbox"
NO_DELAY = Backoff(base_s=0.0, max_s=0.0)


class LosesAnswers(DemoCourt):
    """The court stores the filing, but its answer never reaches the kiosk (the first ``n`` times)."""

    def __init__(self, losses: int) -> None:
        super().__init__(":memory:")
        self.losses = losses

    def submit_filing(self, submission: c.FilingSubmission) -> c.FilingReceipt:
        receipt = super().submit_filing(submission)
        if self.losses > 0:
            self.losses -= 1
            raise CourtUnavailable(errors.CourtUnavailable.default_key)
        return receipt


def stored_filings(court: DemoCourt, reference: str) -> int:
    store = court._store  # noqa: SLF001 - the test counts rows behind the gateway
    return int(store.db.execute("SELECT COUNT(*) FROM filings WHERE reference = ?", (reference,)).fetchone()[0])


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite3", parse_key(new_key()))


def test_receipt_does_not_depend_on_the_network(outbox: Outbox) -> None:
    unreachable = HttpCourtGateway(f"http://127.0.0.1:{free_port()}", HttpOptions(retries=0, connect_timeout_s=0.5))
    submission = filing(KIOSK)
    queued = outbox.submit(submission)
    assert queued.reference == submission.reference and queued.kind == "filing"
    assert OutboxSender(outbox, unreachable, NO_DELAY).send_due() == 0
    [item] = outbox.pending()
    assert (item.state, item.attempts, item.last_error) == ("pending", 1, errors.CourtUnavailable.default_key)


def test_sent_once_acknowledged_and_deleted(outbox: Outbox) -> None:
    court = DemoCourt(":memory:")
    acks: list[tuple[str, BaseModel]] = []
    submission = work_order(KIOSK, "complaint_suggestion")
    outbox.submit(submission)
    assert OutboxSender(outbox, court, NO_DELAY, on_ack=lambda r, a: acks.append((r, a))).send_due() == 1
    assert outbox.pending() == [] and outbox.depth().pending == 0
    [(reference, receipt)] = acks
    assert reference == submission.reference and isinstance(receipt, c.WorkOrderReceipt)
    assert court.work_order(reference).tracking_number == receipt.tracking_number


def test_a_lost_answer_is_resent_and_the_court_keeps_one(outbox: Outbox) -> None:
    court = LosesAnswers(losses=3)
    submission = filing(KIOSK)
    outbox.submit(submission)
    sender = OutboxSender(outbox, court, NO_DELAY)
    assert [sender.send_due() for _ in range(4)] == [0, 0, 0, 1]
    assert stored_filings(court, submission.reference) == 1


def test_a_refusal_waits_for_staff_then_is_requeued(outbox: Outbox) -> None:
    court = DemoCourt(":memory:")
    refused = filing(KIOSK, court_code="京0194")
    outbox.submit(refused)
    sender = OutboxSender(outbox, court, NO_DELAY)
    assert sender.send_due() == 0
    [item] = outbox.pending()
    assert (item.state, item.last_error) == ("needs_staff", errors.NO_CROSS_COURT)
    assert outbox.due() == [] and outbox.depth().needs_staff == 1
    outbox.requeue(refused.reference)
    assert outbox.due() == [(refused.reference, "filing")]


def test_rows_survive_reopening_and_another_key_cannot_read_them(tmp_path: Path) -> None:
    key = parse_key(new_key())
    first = Outbox(tmp_path / "outbox.sqlite3", key)
    submission = filing(KIOSK)
    first.submit(submission)
    first.close()
    assert Outbox(tmp_path / "outbox.sqlite3", key).load(submission.reference) == submission
    stranger = Outbox(tmp_path / "outbox.sqlite3", parse_key(new_key()))
    OutboxSender(stranger, DemoCourt(":memory:"), NO_DELAY).send_due()
    assert stranger.pending()[0].last_error == UNSEALABLE


def test_a_row_cannot_be_moved_to_another_reference(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3", parse_key(new_key()))
    one, two = filing(KIOSK), filing(KIOSK)
    outbox.submit(one)
    outbox.submit(two)
    with sqlite3.connect(tmp_path / "outbox.sqlite3") as db:
        sealed = db.execute("SELECT sealed FROM outbox WHERE reference = ?", (one.reference,)).fetchone()[0]
        db.execute("UPDATE outbox SET sealed = ? WHERE reference = ?", (sealed, two.reference))
    OutboxSender(outbox, DemoCourt(":memory:"), NO_DELAY).send_due()
    assert {i.reference: i.last_error for i in outbox.pending()} == {two.reference: UNSEALABLE}


def test_no_personal_data_in_clear_in_the_file_or_the_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path, parse_key(new_key()))
    court = LosesAnswers(losses=1)
    for _ in range(3):
        outbox.submit(filing(KIOSK))
        outbox.submit(work_order(KIOSK, "contact_judge", case_number="（2024）京0191民初1号", message="请回电"))
    outbox.submit(filing(KIOSK, court_code="京0194"))
    sender = OutboxSender(outbox, court, NO_DELAY)
    sender.send_due()
    assert outbox.depth().pending > 0
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("outbox.sqlite3"))
    staff_view = repr(outbox.pending())
    for secret in (ZHANG.id_number, ZHANG.name, WANG.id_number, WANG.name, "13800138000", "湖滨路1号"):
        for encoding in ("utf-8", "utf-16-le", "gb18030"):
            assert secret.encode(encoding) not in raw, f"{secret} in the outbox file"
        assert secret not in caplog.text, f"{secret} in the logs"
        assert secret not in staff_view
    assert "outbox:" in caplog.text


def test_backoff_grows_and_is_capped() -> None:
    backoff = Backoff(base_s=1.0, max_s=60.0)
    assert 0.5 <= backoff.delay(0) <= 1.0
    assert 4.0 <= backoff.delay(3) <= 8.0
    assert 30.0 <= backoff.delay(100) <= 60.0


def test_the_background_sender_drains_the_outbox(outbox: Outbox) -> None:
    court = DemoCourt(":memory:")
    sender = OutboxSender(outbox, court, Backoff(base_s=0.01, max_s=0.05), idle_poll_s=0.2)
    sender.start()
    try:
        references = [outbox.submit(filing(KIOSK)).reference for _ in range(5)]
        for _ in range(100):
            if outbox.depth().pending == 0:
                break
            time.sleep(0.05)
    finally:
        sender.stop()
    assert outbox.depth().pending == 0
    assert all(stored_filings(court, reference) == 1 for reference in references)
