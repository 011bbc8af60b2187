"""The court, the case type, one question per screen, and the claim with its fee estimate."""

from __future__ import annotations

from kiosk.complaints import QuestionKind, templates
from kiosk.domain.fees import estimate
from kiosk.domain.money import format_yuan
from kiosk.i18n import Text
from kiosk.journeys.filing import fields as f
from kiosk.journeys.filing.draft import RELIEFS
from kiosk.journeys.filing.presenters.common import NEXT, draft_of, problem_of, screen, waiting
from kiosk.presenters.common import plain
from kiosk.presenters.model import Action, Field, ScreenContext, ScreenModel
from kiosk.textinput.layouts import FieldType
from kiosk.voice.privacy import Private

#: Kinds answered by typing: their field and keyboard. Dates are typed as eight digits on the digit pad
#: (the amount pad allows one dot and two decimals), numbers on the amount pad.
TYPED: dict[QuestionKind, tuple[str, FieldType]] = {
    QuestionKind.TEXT: ("filing.field.answer_text", FieldType.TEXT),
    QuestionKind.AMOUNT: ("filing.field.answer_amount", FieldType.AMOUNT),
    QuestionKind.DATE: ("filing.field.answer_date", FieldType.PHONE),
    QuestionKind.NUMBER: ("filing.field.answer_number", FieldType.AMOUNT),
}


def courts_loading(ctx: ScreenContext) -> ScreenModel:
    """Asking the court which courts take filings."""
    return waiting(ctx, "title.please_wait", "body.asking_court")


def problem(ctx: ScreenContext) -> ScreenModel:
    """The court did not answer: try again; everything entered is kept."""
    return screen(ctx, Text("title.problem"), (Text(problem_of(ctx)), Text("filing.body.kept")),
                  (Action("retry", Text("filing.button.retry"), "primary"),))


def court(ctx: ScreenContext) -> ScreenModel:
    """This court, or another court of the region (cross-court filing, 跨域立案)."""
    actions = tuple(
        Action("choose_court", Text("filing.court.here" if c.this_court else "filing.court.cross", {"name": c.name}),
               "primary", {"code": c.code})
        for c in draft_of(ctx).courts
    )
    return screen(ctx, Text("filing.title.court"), (Text("filing.body.court"),), actions)


def case_type(ctx: ScreenContext) -> ScreenModel:
    """The six element-style case types."""
    language = ctx.preferences.language
    actions = tuple(Action("choose_case_type", plain(t.name.get(language)), "primary", {"case_type": t.case_type})
                    for t in templates().values())
    return screen(ctx, Text("filing.title.case_type"), (Text("filing.body.case_type"),), actions)


def question(ctx: ScreenContext) -> ScreenModel:
    """One question: typed (text, amount, date, number) or touched (yes/no, choice); Back keeps answers."""
    interview = draft_of(ctx).interview
    asked = interview.current if interview else None
    if interview is None or asked is None:
        return waiting(ctx, "title.please_wait", "filing.body.next_question")
    language = ctx.preferences.language
    position, total = interview.progress()
    body = [Text("filing.body.question_number", {"n": position, "total": total}), plain(asked.prompt.get(language))]
    if asked.help:
        body.append(plain(asked.help.get(language)))
    refusal = draft_of(ctx).answer_error
    if refusal is not None:
        body.append(Text(refusal.key, refusal.params))
        if refusal.explanation is not None:
            body.append(plain(refusal.explanation.get(language)))
    fields: tuple[Field, ...] = ()
    if asked.kind in TYPED:
        label, kind = TYPED[asked.kind]
        fields = (ctx.text_field(f.ANSWER, Text(label), kind.value, private=True),)
        actions = [Action("answer", NEXT, "primary")]
    elif asked.kind is QuestionKind.YES_NO:
        actions = [Action("answer", Text(f"filing.button.{v}"), "primary", {"value": v}) for v in ("yes", "no")]
    else:
        actions = [Action("answer", plain(o.text.get(language)), "primary", {"value": o.value}) for o in asked.options]
    if not asked.required:
        actions.append(Action("skip_question", Text("filing.button.skip")))
    title = Text("filing.title.question", {"case_type": interview.template.name.get(language)})
    return screen(ctx, title, tuple(body), tuple(actions), fields)


def claim(ctx: ScreenContext) -> ScreenModel:
    """The amount claimed, the fee estimate, and a request for fee deferral, reduction or waiver."""
    draft = draft_of(ctx)
    amount = draft.claim_amount
    body = [Text("filing.body.claim_amount", {"amount": Private(format_yuan(amount))}) if amount is not None
            else Text("filing.body.no_amount")]
    if draft.interview is not None:
        fee = estimate(draft.interview.template.fee_kind, amount)
        if fee.fee is not None:
            body.append(Text("filing.body.fee", {"fee": format_yuan(fee.fee)}))
        elif fee.range is not None:
            body.append(Text("filing.body.fee_range", {"low": format_yuan(fee.range[0]), "high": format_yuan(fee.range[1])}))
    body.append(Text("filing.body.relief"))
    reliefs = tuple(Action("set_relief", Text(f"filing.relief.{r}"), "toggle", {"relief": r}, checked=draft.relief == r)
                    for r in RELIEFS)
    return screen(ctx, Text("filing.title.claim"), tuple(body), (Action("claim_done", NEXT, "primary"), *reliefs))
