"""Pieces every screen shares: the navigation bar, the mode toggles, the inactivity warning."""

from __future__ import annotations

from kiosk.i18n import LANGUAGE_NAMES, Text
from kiosk.inactivity import IdlePhase
from kiosk.presenters.model import Action, Overlay, ScreenContext


def plain(text: str) -> Text:
    """Data shown as it is (a court's name, a case number) through the same text channel."""
    return Text("text.plain", {"text": text})


def mode_toggles(ctx: ScreenContext) -> tuple[Action, ...]:
    """Language, text size, contrast and voice, each saying its state."""
    prefs = ctx.preferences
    languages = tuple(
        Action("set_language", Text("button.language"), "toggle", {"language": lang},
               checked=lang == prefs.language, literal=LANGUAGE_NAMES[lang])
        for lang in ctx.languages
    )
    voice_keys = tuple(
        Action(intent, Text(f"button.{intent}"), "toggle")
        for intent in ("voice_repeat", "voice_pause", "voice_slower", "voice_faster", "voice_softer", "voice_louder")
    ) if prefs.voice else ()
    return (
        *languages,
        *voice_keys,
        Action("cycle_text_size", Text("button.text_size", {"size": Text(f"size.{prefs.text_size.value}")}), "toggle"),
        Action("toggle_contrast", Text("button.contrast"), "toggle", checked=prefs.high_contrast),
        Action("toggle_voice", Text("button.voice"), "toggle", checked=prefs.voice),
    )


def nav(ctx: ScreenContext, *, back: bool = True, home: bool = True) -> tuple[Action, ...]:
    """Back, Home and Help, then the mode toggles: on every visitor screen."""
    buttons: list[Action] = []
    if back:
        buttons.append(Action("back", Text("button.back")))
    if home:
        buttons.append(Action("go_home", Text("button.home")))
    buttons.append(Action("ask_help", Text("button.help")))
    return (*buttons, *mode_toggles(ctx))


def idle_overlay(ctx: ScreenContext) -> Overlay | None:
    """The inactivity warning, while it runs."""
    if ctx.idle_phase is not IdlePhase.WARNING:
        return None
    actions = (Action("extend_time", Text("button.more_time"), "primary"),) if ctx.can_extend else ()
    return Overlay(
        Text("idle.title"),
        Text("idle.body" if ctx.can_extend else "idle.body_final", {"seconds": ctx.idle_countdown_s}),
        actions,
    )
