"""Evidence screens: the items, one item's pages, renaming it, and the camera at work."""

from __future__ import annotations

from kiosk.i18n import Text
from kiosk.journeys.filing import fields as f
from kiosk.journeys.filing.effects.evidence import offered_slots
from kiosk.journeys.filing.presenters.common import draft_of, screen, waiting
from kiosk.presenters.model import Action, ScreenContext, ScreenModel
from kiosk.textinput.layouts import FieldType


def evidence(ctx: ScreenContext) -> ScreenModel:
    """The items so far (touch to open), the evidence the case calls for, and "done"."""
    draft = draft_of(ctx)
    language = ctx.preferences.language
    items = tuple(Action("open_item", Text("filing.item_line", {"name": item.name, "pages": len(item.pages)}),
                         "primary", {"index": index})
                  for index, item in enumerate(draft.evidence))
    present = {item.name for item in draft.evidence}
    offered = tuple(Action("new_item", Text("filing.button.new_item", {"name": slot.name.get(language)}),
                           params={"slot": slot.id})
                    for slot in offered_slots(draft) if slot.name.zh_CN not in present or slot.id == "other")
    removes = tuple(Action("remove_item", Text("filing.button.remove_item", {"name": item.name}), "danger",
                           {"index": index})
                    for index, item in enumerate(draft.evidence))
    body = (Text("filing.body.evidence"),)
    return screen(ctx, Text("filing.title.evidence"), body,
                  (*items, Action("evidence_done", Text("filing.button.evidence_done"), "primary"), *offered, *removes))


def item(ctx: ScreenContext) -> ScreenModel:
    """Take photos of an item's pages; each page can be taken again or deleted."""
    draft = draft_of(ctx)
    current = draft.evidence[draft.item] if draft.item is not None and draft.item < len(draft.evidence) else None
    name, pages = (current.name, len(current.pages)) if current else ("", 0)
    body = [Text("filing.body.item"), Text("filing.body.pages", {"count": pages})]
    if draft.capture_error:
        body.append(Text(draft.capture_error))
    per_page = tuple(
        action
        for n in range(pages)
        for action in (Action("retake_page", Text("filing.button.retake", {"n": n + 1}), params={"index": n}),
                       Action("delete_page", Text("filing.button.delete_page", {"n": n + 1}), "danger", {"index": n}))
    )
    return screen(ctx, Text("filing.title.item", {"name": name}), tuple(body), (
        Action("capture", Text("filing.button.capture"), "primary"),
        Action("item_done", Text("filing.button.item_done"), "primary"),
        Action("rename_item", Text("filing.button.rename_item")),
        *per_page,
    ))


def item_name(ctx: ScreenContext) -> ScreenModel:
    """The item's name as the complaint's evidence list prints it."""
    field = ctx.text_field(f.EVIDENCE_NAME, Text("filing.field.evidence_name"), FieldType.TEXT.value)
    return screen(ctx, Text("filing.title.item_name"), (Text("filing.body.item_name"),),
                  (Action("save_item_name", Text("filing.button.save"), "primary"),), (field,))


def capturing(ctx: ScreenContext) -> ScreenModel:
    """The camera is taking and checking the photo."""
    return waiting(ctx, "filing.title.capturing", "filing.body.capturing")
