"""Case lookups, served documents and their print record, fee items."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from decimal import Decimal

from kiosk.court.contract import (
    CaseParty,
    CaseSummary,
    CaseView,
    Court,
    FeeItem,
    PrintRecord,
    ServedDocument,
)
from kiosk.court.demo.documents import render_pdf
from kiosk.court.demo.store import Store, mask_id_number, normalise_case_number
from kiosk.court.errors import CASE_NOT_FOUND, DOCUMENT_NOT_FOUND, NOT_A_PARTY, UNKNOWN_COURT, CourtRejected


def courts(store: Store) -> list[Court]:
    """Every court, this court first."""
    with store.lock:
        rows = store.db.execute("SELECT json FROM courts ORDER BY position").fetchall()
    found = [Court.model_validate_json(row["json"]) for row in rows]
    return sorted(found, key=lambda court: not court.this_court)


def court(store: Store, code: str) -> Court:
    """One court by code."""
    with store.lock:
        row = store.db.execute("SELECT json FROM courts WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise CourtRejected(UNKNOWN_COURT)
    return Court.model_validate_json(row["json"])


def _case_row(db: sqlite3.Connection, case_number: str) -> sqlite3.Row:
    row: sqlite3.Row | None = db.execute(
        "SELECT case_number, court_code, json FROM cases WHERE case_number = ?", (normalise_case_number(case_number),)
    ).fetchone()
    if row is None:
        raise CourtRejected(CASE_NOT_FOUND)
    return row


def _is_party(db: sqlite3.Connection, case_number: str, id_number: str) -> bool:
    party = db.execute(
        "SELECT 1 FROM parties WHERE case_number = ? AND id_number = ?", (case_number, id_number)
    ).fetchone()
    agent = db.execute(
        "SELECT 1 FROM agents WHERE case_number = ? AND id_number = ?", (case_number, id_number)
    ).fetchone()
    return party is not None or agent is not None


def case(store: Store, case_number: str, id_number: str | None) -> CaseView:
    """The published view, or the party's view when ``id_number`` is a party's or an agent's."""
    with store.lock:
        row = _case_row(store.db, case_number)
        number = row["case_number"]
        body = json.loads(row["json"])
        view = {
            "case_number": number,
            "court": court(store, row["court_code"]),
            "detail": "public",
            **{key: body[key] for key in ("cause", "stage", "filed_on", "tribunal", "judge_team", "clerk")},
            "hearings": [hearing for hearing in body["hearings"] if hearing["public"]],
        }
        if id_number is None:
            return CaseView.model_validate(view)
        if not _is_party(store.db, number, id_number):
            raise CourtRejected(NOT_A_PARTY)
        parties = store.db.execute(
            "SELECT role, kind, name, id_number FROM parties WHERE case_number = ? ORDER BY position", (number,)
        ).fetchall()
        due = store.db.execute(
            "SELECT amount FROM fee_items WHERE case_number = ? AND status = 'due'", (number,)
        ).fetchall()
    view.update(
        detail="party",
        hearings=body["hearings"],
        deadlines=body["deadlines"],
        fees_due=sum((Decimal(item["amount"]) for item in due), Decimal("0.00")),
        parties=[
            CaseParty(role=p["role"], kind=p["kind"], name=p["name"], id_number_masked=mask_id_number(p["id_number"]),
                      is_you=p["id_number"] == id_number)
            for p in parties
        ],
    )
    return CaseView.model_validate(view)


def cases_of_party(store: Store, id_number: str) -> list[CaseSummary]:
    """Every case where ``id_number`` is a party, newest first."""
    with store.lock:
        rows = store.db.execute(
            "SELECT c.case_number, c.court_code, c.json, p.role FROM parties p JOIN cases c USING (case_number)"
            " WHERE p.id_number = ?", (id_number,)
        ).fetchall()
    summaries = [
        CaseSummary(case_number=row["case_number"], court_code=row["court_code"], role=row["role"],
                    cause=json.loads(row["json"])["cause"], stage=json.loads(row["json"])["stage"])
        for row in rows
    ]
    return sorted(summaries, key=lambda summary: summary.case_number, reverse=True)


def _document(row: sqlite3.Row) -> ServedDocument:
    return ServedDocument(
        document_id=row["document_id"], case_number=row["case_number"], title=row["title"], kind=row["kind"],
        served_at=datetime.fromisoformat(row["served_at"]), pages=row["pages"], printed_count=row["printed_count"],
        last_printed_at=row["last_printed_at"],
    )


def served_documents(store: Store, case_number: str, id_number: str) -> list[ServedDocument]:
    """Documents served on ``id_number`` in the case."""
    with store.lock:
        number = _case_row(store.db, case_number)["case_number"]
        if not _is_party(store.db, number, id_number):
            raise CourtRejected(NOT_A_PARTY)
        rows = store.db.execute(
            "SELECT * FROM documents WHERE case_number = ? AND addressee_id_number = ? ORDER BY document_id",
            (number, id_number),
        ).fetchall()
    return [_document(row) for row in rows]


def _addressed_document(db: sqlite3.Connection, document_id: str, id_number: str) -> sqlite3.Row:
    row: sqlite3.Row | None = db.execute(
        "SELECT * FROM documents WHERE document_id = ? AND addressee_id_number = ?", (document_id, id_number)
    ).fetchone()
    if row is None:
        raise CourtRejected(DOCUMENT_NOT_FOUND)
    return row


def document_pdf(store: Store, document_id: str, id_number: str) -> bytes:
    """The document's PDF, for its addressee only (others learn nothing, not even that it exists)."""
    with store.lock:
        row = _addressed_document(store.db, document_id, id_number)
        court_code = _case_row(store.db, row["case_number"])["court_code"]
    return render_pdf(court(store, court_code).name, row["case_number"], row["title"], row["body"], row["pages"])


def record_print(store: Store, document_id: str, record: PrintRecord) -> ServedDocument:
    """Count the copies printed, once per idempotency key."""

    def create(db: sqlite3.Connection) -> str:
        _addressed_document(db, document_id, record.id_number)
        db.execute(
            "UPDATE documents SET printed_count = printed_count + ?, last_printed_at = ? WHERE document_id = ?",
            (record.copies, record.printed_at.isoformat(), document_id),
        )
        return document_id

    store.once(record.idempotency_key, f"print:{document_id}", record, create)
    with store.lock:
        return _document(_addressed_document(store.db, document_id, record.id_number))


def fee_items(store: Store, case_number: str) -> list[FeeItem]:
    """The fee items of a case, due ones first."""
    with store.lock:
        number = _case_row(store.db, case_number)["case_number"]
        rows = store.db.execute(
            "SELECT * FROM fee_items WHERE case_number = ? ORDER BY status != 'due', item_id", (number,)
        ).fetchall()
    return [FeeItem.model_validate(dict(row)) for row in rows]
