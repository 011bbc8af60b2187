"""From the draft to the documents: the complaint, the court submission, delivery, the printed files.

Pure functions and one bounded wait, called from the filing's effects (the slow ones on a worker).
"""

from __future__ import annotations

import time
from pathlib import Path

from kiosk.complaints import Complaint, build_complaint
from kiosk.court.contract import Agent, Court, EvidenceItem, FilingSubmission
from kiosk.court.outbox import Outbox
from kiosk.documents.receipt import Receipt, render_receipt
from kiosk.journeys.filing.draft import Draft, Envelope, Outcome

#: How often the submit step looks whether the outbox's sender has delivered the filing yet.
DELIVERY_POLL_S = 0.05


def agent_for(draft: Draft) -> Agent | None:
    """The agent, representing every plaintiff as the list stands now."""
    if draft.agent is None:
        return None
    plaintiffs = [index for index, _ in draft.with_role("plaintiff")]
    return draft.agent.model_copy(update={"represents": plaintiffs or [0]})


def complaint_of(draft: Draft) -> Complaint:
    """The complaint as it would print now; ``ValueError`` (incomplete interview, no court …) otherwise."""
    if draft.interview is None or draft.court is None:
        raise ValueError("the case type or the court is missing")
    scanned = [EvidenceItem(name=item.name, purpose=item.purpose, page_count=len(item.pages))
               for item in draft.evidence if item.pages]
    return build_complaint(draft.interview, draft.parties, draft.court, agent=agent_for(draft), scanned=scanned)


def submission_of(draft: Draft, complaint: Complaint, envelope: Envelope, kiosk_id: str) -> FilingSubmission:
    """The court submission with every scanned page (reads the page files: call off the UI thread)."""
    evidence = [EvidenceItem(name=item.name, purpose=item.purpose, pages=[page.read_bytes() for page in item.pages],
                             page_count=len(item.pages))
                for item in draft.evidence if item.pages]
    return FilingSubmission(
        idempotency_key=envelope.idempotency_key,
        reference=envelope.reference,
        kiosk_id=kiosk_id,
        submitted_at=envelope.submitted_at,
        receiving_court_code=complaint.court.code,
        case_type=complaint.case_type,  # type: ignore[arg-type]
        parties=list(complaint.parties),
        agent=complaint.agent,
        complaint=complaint.to_contract(),
        claim_amount=complaint.claim_amount,
        fee_estimate=complaint.fee.fee,
        fee_relief=draft.relief,
        evidence=evidence,
    )


def delivered(outbox: Outbox, reference: str, limit_s: float) -> bool:
    """Whether the outbox's sender delivered ``reference`` within ``limit_s``.

    The sender works on its own thread; the visitor's receipt should say "submitted" when the court
    took the filing at once, and "queued" (with the local reference) when the court could not be
    reached: a failed first attempt, or no answer in time, means queued.
    """
    deadline = time.monotonic() + limit_s
    while True:
        row = next((item for item in outbox.pending() if item.reference == reference), None)
        if row is None:
            return True
        if row.attempts > 0 or row.state != "pending" or time.monotonic() >= deadline:
            return False
        time.sleep(DELIVERY_POLL_S)


def kiosk_court(courts: list[Court]) -> Court | None:
    """The court whose hall the kiosk stands in."""
    return next((court for court in courts if court.this_court), None)


def submit(draft: Draft, complaint: Complaint, envelope: Envelope, *, outbox: Outbox, kiosk_id: str,
           limit_s: float, directory: Path) -> Outcome:
    """Queue the filing (unless a retry finds it queued already), see whether it went out, render the papers."""
    submission = submission_of(draft, complaint, envelope, kiosk_id)
    if not any(item.reference == envelope.reference for item in outbox.pending()):
        outbox.submit(submission)
    queued = not delivered(outbox, envelope.reference, limit_s)
    receipt = Receipt.for_complaint(complaint, envelope.reference, envelope.submitted_at.astimezone(), queued=queued,
                                    kiosk_court=kiosk_court(draft.courts))
    from kiosk.documents.complaint_pdf import render_complaint  # noqa: PLC0415 - reportlab only when a filing is printed

    return Outcome(queued, receipt, render_receipt(receipt, directory), render_complaint(complaint, directory))
