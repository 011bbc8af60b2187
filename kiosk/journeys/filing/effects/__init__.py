"""The filing journey's machine listener, assembled from one part per stage of the journey."""

from __future__ import annotations

from kiosk.journeys.filing.effects.evidence import EvidenceEffects
from kiosk.journeys.filing.effects.identity import IdentityEffects
from kiosk.journeys.filing.effects.interview import InterviewEffects
from kiosk.journeys.filing.effects.parties import PartiesEffects
from kiosk.journeys.filing.effects.submit import SubmitEffects


class FilingEffects(IdentityEffects, PartiesEffects, InterviewEffects, EvidenceEffects, SubmitEffects):
    """Guards and entry actions of the whole filing journey."""

    card_steps = frozenset({"filing_identity"})
    waiting_steps = frozenset({"filing_courts_loading", "filing_capturing", "filing_submitting", "filing_printing"})


__all__ = ["FilingEffects"]
