"""Filings, fee-relief applications, work orders with their slots, ratings and heartbeats."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta

from kiosk.court.contract import (
    Ack,
    AppointmentSlot,
    FeeReliefApplication,
    FeeReliefReceipt,
    FilingReceipt,
    FilingStatus,
    FilingSubmission,
    Heartbeat,
    KioskStatus,
    ProgressEntry,
    RatingSubmission,
    WorkOrder,
    WorkOrderReceipt,
    WorkOrderSubmission,
)
from kiosk.court.contract.services import WorkOrderKind
from kiosk.court.demo.cases import court
from kiosk.court.demo.store import CHINA, Store
from kiosk.court.errors import (
    FILING_NOT_FOUND,
    NO_CROSS_COURT,
    SLOT_FULL,
    SLOT_NOT_FOUND,
    WORK_ORDER_NOT_FOUND,
    CourtRejected,
)

DEFAULT_TIME_LIMITS_H: dict[WorkOrderKind, int] = {
    "contact_judge": 72,
    "complaint_suggestion": 360,
    "file_borrowing": 24,
    "visitor_reception": 48,
}
"""Hours the court promises per kind of work order (a real court sets its own)."""

SLOT_HOURS = (9, 10, 14, 15)
SLOT_CAPACITY = 3


class Submissions:
    """Everything a kiosk submits through its outbox, deduplicated by idempotency key."""

    def __init__(self, store: Store, time_limits_h: dict[WorkOrderKind, int]) -> None:
        self.store = store
        self.time_limits_h = time_limits_h

    def filing(self, submission: FilingSubmission) -> FilingReceipt:
        """Receive a filing at this court, or at another that accepts cross-court filings."""
        receiving = court(self.store, submission.receiving_court_code)
        if not (receiving.this_court or receiving.accepts_cross_court_filing):
            raise CourtRejected(NO_CROSS_COURT)

        def create(db: sqlite3.Connection) -> str:
            now = self.store.now()
            db.execute(
                "INSERT INTO filings VALUES (?, ?, ?, ?, 'received', NULL, NULL, ?)",
                (submission.reference, submission.kiosk_id, receiving.code, submission.model_dump_json(),
                 now.isoformat()),
            )
            receipt = FilingReceipt(reference=submission.reference, receiving_court_code=receiving.code,
                                    received_at=now, status="received")
            return receipt.model_dump_json()

        return FilingReceipt.model_validate_json(
            self.store.once(submission.idempotency_key, "filing", submission, create)
        )

    def filing_status(self, reference: str) -> FilingStatus:
        """Where the filing with this kiosk reference stands."""
        with self.store.lock:
            row = self.store.db.execute("SELECT * FROM filings WHERE reference = ?", (reference,)).fetchone()
        if row is None:
            raise CourtRejected(FILING_NOT_FOUND)
        return FilingStatus(reference=row["reference"], receiving_court_code=row["court_code"], status=row["status"],
                            updated_at=row["updated_at"], case_number=row["case_number"], note=row["note"])

    def decide_filing(self, reference: str, accept: bool, note: str | None = None) -> FilingStatus:
        """Demo hook: the filing office accepts (with a new case number) or rejects a filing."""
        status = self.filing_status(reference)
        with self.store.transaction() as db:
            number = None
            if accept:
                seq = self.store.next_value(db, f"case:{status.receiving_court_code}", 1500)
                number = f"（{self.store.now().year}）{status.receiving_court_code}民初{seq}号"
            db.execute(
                "UPDATE filings SET status = ?, case_number = ?, note = ?, updated_at = ? WHERE reference = ?",
                ("accepted" if accept else "rejected", number, note, self.store.now().isoformat(), reference),
            )
        return self.filing_status(reference)

    def fee_relief(self, application: FeeReliefApplication) -> FeeReliefReceipt:
        """Receive an application for deferral, reduction or waiver of fees."""

        def create(db: sqlite3.Connection) -> str:
            now = self.store.now()
            db.execute("INSERT INTO fee_reliefs VALUES (?, ?, ?)",
                       (application.reference, application.model_dump_json(), now.isoformat()))
            return FeeReliefReceipt(reference=application.reference, received_at=now).model_dump_json()

        return FeeReliefReceipt.model_validate_json(
            self.store.once(application.idempotency_key, "fee_relief", application, create)
        )

    def slots(self, start: date, days: int) -> list[AppointmentSlot]:
        """Weekday file-borrowing slots, with what remains of each."""
        found: list[AppointmentSlot] = []
        for offset in range(days):
            day = start + timedelta(days=offset)
            if day.weekday() < 5:
                found.extend(self._slot(f"S{day:%Y%m%d}{hour:02d}") for hour in SLOT_HOURS)
        return found

    def _slot(self, slot_id: str) -> AppointmentSlot:
        try:
            day = datetime.strptime(slot_id[1:9], "%Y%m%d").date()
            hour = int(slot_id[9:])
        except ValueError:
            raise CourtRejected(SLOT_NOT_FOUND) from None
        if len(slot_id) != 11 or not slot_id.startswith("S") or hour not in SLOT_HOURS or day.weekday() >= 5:
            raise CourtRejected(SLOT_NOT_FOUND)
        with self.store.lock:
            (booked,) = self.store.db.execute(
                "SELECT COUNT(*) FROM work_orders WHERE slot_id = ?", (slot_id,)
            ).fetchone()
        starts = datetime.combine(day, time(hour), CHINA)
        return AppointmentSlot(slot_id=slot_id, starts_at=starts, ends_at=starts + timedelta(hours=1),
                               room="档案阅览室", remaining=max(0, SLOT_CAPACITY - booked))

    def work_order(self, submission: WorkOrderSubmission) -> WorkOrderReceipt:
        """Open a work order with a tracking number and the promised time limit."""

        def create(db: sqlite3.Connection) -> str:
            if submission.slot_id is not None and self._slot(submission.slot_id).remaining == 0:
                raise CourtRejected(SLOT_FULL)
            now = self.store.now()
            seq = self.store.next_value(db, f"work_order:{now:%Y%m%d}")
            hours = self.time_limits_h[submission.kind]
            receipt = WorkOrderReceipt(
                reference=submission.reference, tracking_number=f"GD{now:%Y%m%d}{seq:04d}", kind=submission.kind,
                received_at=now, due_at=now + timedelta(hours=hours), time_limit_hours=hours,
            )
            db.execute(
                "INSERT INTO work_orders VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                (receipt.tracking_number, receipt.reference, receipt.kind, submission.model_dump_json(),
                 submission.slot_id, now.isoformat(), receipt.due_at.isoformat()),
            )
            db.execute("INSERT INTO work_order_progress VALUES (?, ?, 'received', NULL)",
                       (receipt.tracking_number, now.isoformat()))
            return receipt.model_dump_json()

        return WorkOrderReceipt.model_validate_json(
            self.store.once(submission.idempotency_key, "work_order", submission, create)
        )

    def find_work_order(self, number: str) -> WorkOrder:
        """A work order by tracking number or kiosk reference."""
        with self.store.lock:
            row = self.store.db.execute(
                "SELECT * FROM work_orders WHERE tracking_number = ? OR reference = ?", (number, number)
            ).fetchone()
            if row is None:
                raise CourtRejected(WORK_ORDER_NOT_FOUND)
            steps = self.store.db.execute(
                "SELECT at, state, note FROM work_order_progress WHERE tracking_number = ? ORDER BY rowid",
                (row["tracking_number"],),
            ).fetchall()
        progress = [ProgressEntry.model_validate(dict(step)) for step in steps]
        due_at = datetime.fromisoformat(row["due_at"])
        state = progress[-1].state
        return WorkOrder(
            reference=row["reference"], tracking_number=row["tracking_number"], kind=row["kind"], state=state,
            received_at=row["received_at"], due_at=due_at, progress=progress, reply=row["reply"],
            overdue=state not in ("replied", "closed") and self.store.now() > due_at,
        )

    def reply_work_order(self, number: str, reply: str) -> WorkOrder:
        """Demo hook: the judge or office answers a work order."""
        tracking_number = self.find_work_order(number).tracking_number
        with self.store.transaction() as db:
            now = self.store.now().isoformat()
            db.execute("INSERT INTO work_order_progress VALUES (?, ?, 'in_progress', NULL)", (tracking_number, now))
            db.execute("INSERT INTO work_order_progress VALUES (?, ?, 'replied', NULL)", (tracking_number, now))
            db.execute("UPDATE work_orders SET reply = ? WHERE tracking_number = ?", (reply, tracking_number))
        return self.find_work_order(tracking_number)

    def rating(self, rating: RatingSubmission) -> Ack:
        """Keep a rating once."""

        def create(db: sqlite3.Connection) -> str:
            db.execute("INSERT INTO ratings VALUES (?, ?)", (rating.reference, rating.model_dump_json()))
            return Ack(received_at=self.store.now()).model_dump_json()

        return Ack.model_validate_json(self.store.once(rating.idempotency_key, "rating", rating, create))

    def heartbeat(self, beat: Heartbeat) -> Ack:
        """Remember a kiosk's latest health report."""
        now = self.store.now()
        with self.store.transaction() as db:
            db.execute("INSERT OR REPLACE INTO kiosks VALUES (?, ?, ?)",
                       (beat.kiosk_id, beat.model_dump_json(), now.isoformat()))
        return Ack(received_at=now)

    def fleet(self) -> list[KioskStatus]:
        """The court's kiosks and their last heartbeat."""
        with self.store.lock:
            rows = self.store.db.execute("SELECT json, received_at FROM kiosks ORDER BY kiosk_id").fetchall()
        return [KioskStatus(heartbeat=Heartbeat.model_validate_json(row["json"]), received_at=row["received_at"])
                for row in rows]
