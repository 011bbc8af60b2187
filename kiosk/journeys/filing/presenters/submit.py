"""Review, submitting, printing and the end: what the visitor files and what they take home."""

from __future__ import annotations

from kiosk.documents.receipt_speech import spoken_summary
from kiosk.domain.money import format_yuan
from kiosk.i18n import Text
from kiosk.journeys.filing.presenters.common import draft_of, party_line, problem_of, screen, waiting
from kiosk.presenters.common import plain
from kiosk.presenters.model import Action, ScreenContext, ScreenModel
from kiosk.voice.privacy import Private

EDITS = ("edit_parties", "edit_court", "edit_answers", "edit_claim", "edit_evidence")


def review(ctx: ScreenContext) -> ScreenModel:
    """Everything the complaint will say, in short, with a way to change each part; then submit."""
    draft = draft_of(ctx)
    language = ctx.preferences.language
    body = [party_line(party) for party in draft.parties]
    if draft.court is not None:
        body.append(Text("filing.review.court", {"name": draft.court.name}))
    if draft.interview is not None:
        body.append(Text("filing.review.case_type", {"name": draft.interview.template.name.get(language)}))
    complaint = draft.complaint
    if complaint is not None:
        body.append(Text("filing.review.claims", {"count": len(complaint.claims), "first": Private(complaint.claims[0])}))
        if complaint.claim_amount is not None:
            body.append(Text("filing.review.amount", {"amount": Private(format_yuan(complaint.claim_amount))}))
        fee = complaint.fee
        if fee.fee is not None:
            body.append(Text("filing.body.fee", {"fee": format_yuan(fee.fee)}))
        elif fee.range is not None:
            body.append(Text("filing.body.fee_range", {"low": format_yuan(fee.range[0]), "high": format_yuan(fee.range[1])}))
    body.append(Text("filing.review.relief", {"value": Text(f"filing.relief.{draft.relief}")}))
    scanned = [item for item in draft.evidence if item.pages]
    body.append(Text("filing.review.evidence", {"items": len(scanned), "pages": sum(len(i.pages) for i in scanned)}))
    if draft.review_error:
        body.append(Text(draft.review_error))
    edits = tuple(Action(intent, Text(f"filing.button.{intent}")) for intent in EDITS)
    submit = Action("submit_filing", Text("filing.button.submit"), "primary", enabled=complaint is not None)
    return screen(ctx, Text("filing.title.review"), tuple(body), (submit, *edits))


def submitting(ctx: ScreenContext) -> ScreenModel:
    """Saving the filing and sending it to the court."""
    return waiting(ctx, "title.please_wait", "filing.body.submitting")


def printing(ctx: ScreenContext) -> ScreenModel:
    """The receipt and the complaint copies are printing."""
    return waiting(ctx, "title.printing", "filing.body.printing")


def print_problem(ctx: ScreenContext) -> ScreenModel:
    """A printer failed: the filing is safe; print again, or end with the reference on screen."""
    outcome = draft_of(ctx).outcome
    body = [Text(problem_of(ctx)), Text("filing.body.print_problem")]
    if outcome is not None:
        body.append(Text("filing.row.reference", {"value": outcome.receipt.reference}))
    return screen(ctx, Text("title.problem"), tuple(body), (
        Action("print_again", Text("filing.button.print_again"), "primary"),
        Action("finish", Text("filing.button.finish")),
    ), back=False)


def done(ctx: ScreenContext) -> ScreenModel:
    """What was filed (as the receipt's spoken summary: no names) and what to take away."""
    draft = draft_of(ctx)
    body: list[Text] = []
    if draft.outcome is not None:
        receipt = draft.outcome.receipt
        # The summary's second sentence spells the reference out for the ear; the screen shows it as printed.
        status, _spelt, *rest = spoken_summary(receipt, ctx.preferences.language)
        body += [plain(status), Text("filing.row.reference", {"value": receipt.reference}), *map(plain, rest)]
    if draft.complaint is not None:
        body.append(Text("filing.body.take_papers", {"copies": draft.complaint.copies}))
    return screen(ctx, Text("filing.title.done"), tuple(body), (Action("finish", Text("filing.button.finish"), "primary"),),
                  back=False)
