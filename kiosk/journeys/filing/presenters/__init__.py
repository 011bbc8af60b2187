"""What each filing step shows and says, by step name."""

from __future__ import annotations

from kiosk.journeys.base import Presenter
from kiosk.journeys.filing.presenters import evidence, identity, interview, parties, submit

PRESENTERS: dict[str, Presenter] = {
    "filing_identity": identity.identity,
    "filing_id_typed": identity.id_typed,
    "filing_confirm": identity.confirm,
    "filing_agent": identity.agent,
    "filing_parties": parties.parties,
    "filing_party_kind": parties.party_kind,
    "filing_party": parties.party,
    "filing_courts_loading": interview.courts_loading,
    "filing_problem": interview.problem,
    "filing_court": interview.court,
    "filing_case_type": interview.case_type,
    "filing_question": interview.question,
    "filing_claim": interview.claim,
    "filing_evidence": evidence.evidence,
    "filing_item": evidence.item,
    "filing_item_name": evidence.item_name,
    "filing_capturing": evidence.capturing,
    "filing_review": submit.review,
    "filing_submitting": submit.submitting,
    "filing_printing": submit.printing,
    "filing_print_problem": submit.print_problem,
    "filing_done": submit.done,
}
