"""What the fee-relief steps (缓减免) show and say."""

from __future__ import annotations

from kiosk.i18n import Text
from kiosk.journeys.payment.relief import MAX_PROOF_PAGES, REASON_FIELD, RELIEF_KINDS
from kiosk.journeys.payment.view import data_of, screen, waiting
from kiosk.presenters.model import Action, ScreenContext, ScreenModel
from kiosk.textinput.layouts import FieldType


def relief_card(ctx: ScreenContext) -> ScreenModel:
    """The applicant identifies themselves with their ID card."""
    return screen(ctx, "payment.title.relief_card", (Text("payment.body.relief_card"),))


def relief_kind(ctx: ScreenContext) -> ScreenModel:
    """Deferral, reduction or waiver, each button saying what it means (short enough for the largest text)."""
    actions = tuple(Action("choose_relief", Text(f"payment.relief_help.{kind}"), "primary", {"kind": kind})
                    for kind in RELIEF_KINDS)
    return screen(ctx, "payment.title.relief_kind", (Text("payment.body.relief_kind"),), actions)


def relief_reason(ctx: ScreenContext) -> ScreenModel:
    """Why the visitor cannot pay now, in their words."""
    kind = data_of(ctx).get("relief_kind", RELIEF_KINDS[0])
    field = ctx.text_field(REASON_FIELD, Text("payment.field.relief_reason"), FieldType.TEXT.value)
    return screen(ctx, "payment.title.relief_reason",
                  (Text("payment.row.relief_kind", {"kind": Text(f"payment.relief.{kind}")}),
                   Text("payment.body.relief_reason")),
                  (Action("submit", Text("payment.button.next"), "primary"),), fields=(field,))


def relief_scan(ctx: ScreenContext) -> ScreenModel:
    """Proof pages under the camera, one at a time; the count so far and why a page was refused."""
    data = data_of(ctx)
    count = len(data.get("pages", []))
    body = [Text("payment.body.relief_scan"), Text("payment.row.pages", {"count": count, "max": MAX_PROOF_PAGES})]
    if data.get("capture_error"):
        body.append(Text(data["capture_error"]))
    actions = (
        Action("capture_page", Text("payment.button.capture_page"), "primary", enabled=count < MAX_PROOF_PAGES),
        Action("send_relief", Text("payment.button.send_relief"), "primary", enabled=count > 0),
        Action("remove_page", Text("payment.button.remove_page"), enabled=count > 0),
    )
    return screen(ctx, "payment.title.relief_scan", tuple(body), actions)


def capturing(ctx: ScreenContext) -> ScreenModel:
    return waiting(ctx, "title.please_wait", "payment.body.capturing")


def relief_sending(ctx: ScreenContext) -> ScreenModel:
    return waiting(ctx, "title.please_wait", "payment.body.relief_sending")


def relief_done(ctx: ScreenContext) -> ScreenModel:
    """The application is safely queued for the court; the reference identifies it."""
    data = data_of(ctx)
    body = (Text("payment.body.relief_done"),
            Text("payment.row.relief_reference", {"reference": data.get("relief_reference", "")}),
            Text("payment.row.pages", {"count": data.get("relief_pages", 0), "max": MAX_PROOF_PAGES}))
    return screen(ctx, "payment.title.relief_done", body, (Action("finish", Text("button.end_visit")),), back=False)


RELIEF_PRESENTERS = {
    "payment_relief_card": relief_card,
    "payment_relief_kind": relief_kind,
    "payment_relief_reason": relief_reason,
    "payment_relief_scan": relief_scan,
    "payment_capturing": capturing,
    "payment_relief_sending": relief_sending,
    "payment_relief_done": relief_done,
}
