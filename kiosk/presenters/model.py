"""The screen model: the only thing a Kivy screen renders."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from kiosk.i18n import Text
from kiosk.inactivity import IdlePhase
from kiosk.session import Preferences

ActionRole = Literal["primary", "secondary", "danger", "toggle"]


@dataclass(frozen=True)
class Action:
    """A button: what it says and which intent it sends."""

    intent: str
    label: Text
    role: ActionRole = "secondary"
    params: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    #: For toggles: whether the feature is on (shown and spoken, never by colour alone).
    checked: bool | None = None
    #: Literal text shown instead of the translated label (language names in their own script).
    literal: str | None = None

    @property
    def widget_id(self) -> str:
        """A stable id for tests and keypad focus: the intent plus its parameters."""
        suffix = "-".join(str(v) for v in self.params.values())
        return f"{self.intent}-{suffix}" if suffix else self.intent


@dataclass(frozen=True)
class Field:
    """A text field: its label, what the visitor typed so far, and why it was refused if it was."""

    field_id: str
    label: Text
    kind: str  # a kiosk.textinput.layouts.FieldType value: picks the keyboard
    value: str = ""
    error: Text | None = None
    #: Personal data: spoken only in private (headphones) and masked in logs.
    private: bool = False
    #: A secret (a staff PIN): shown as dots, never as typed.
    masked: bool = False

    @property
    def widget_id(self) -> str:
        """The id of the field's box on screen, for tests and keypad focus."""
        return f"field-{self.field_id}"


@dataclass(frozen=True)
class Overlay:
    """A modal over the screen (the inactivity warning)."""

    title: Text
    body: Text
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class ScreenModel:
    """Title, body, main actions, the navigation bar and the optional overlay of one screen."""

    name: str
    title: Text
    body: tuple[Text, ...] = ()
    actions: tuple[Action, ...] = ()
    nav: tuple[Action, ...] = ()
    overlay: Overlay | None = None
    #: Sent when the visitor touches the screen outside every button (the attract screen: "touch anywhere").
    background_intent: str | None = None
    #: Text fields, each with the keyboard its kind calls for.
    fields: tuple[Field, ...] = ()
    #: A QR code to show under the body (a court's payment order), as its text payload.
    qr_payload: str | None = None

    def speech(self) -> tuple[Text, ...]:
        """What voice mode reads on entry, in reading order (the overlay first when present)."""
        if self.overlay is not None:
            return (self.overlay.title, self.overlay.body, *(a.label for a in self.overlay.actions))
        field_texts = [t for f in self.fields for t in (f.label, *((f.error,) if f.error else ()))]
        return (self.title, *self.body, *field_texts, *(a.label for a in self.actions if a.literal is None))

    def focus_order(self) -> tuple[Action | Field, ...]:
        """What the keypad walks, in reading order: the fields, then every action (the overlay's alone)."""
        if self.overlay is not None:
            return self.overlay.actions
        return (*self.fields, *self.all_actions())

    def all_actions(self) -> tuple[Action, ...]:
        """Every action on the screen in focus order (overlay first, then content, then navigation)."""
        if self.overlay is not None:
            return self.overlay.actions
        return (*self.actions, *self.nav)


@dataclass(frozen=True)
class ScreenContext:
    """What the presenters may look at."""

    screen: str
    step: str
    preferences: Preferences
    languages: tuple[str, ...]
    idle_phase: IdlePhase = IdlePhase.ACTIVE
    idle_countdown_s: int = 0
    can_extend: bool = True
    unavailable_journeys: frozenset[str] = frozenset()
    #: The visit's journey data, field values and field errors (read-only for presenters).
    journeys: Mapping[str, Any] = field(default_factory=dict)
    fields: Mapping[str, str] = field(default_factory=dict)
    field_errors: Mapping[str, str] = field(default_factory=dict)

    def text_field(self, field_id: str, label: Text, kind: str, *, private: bool = False) -> Field:
        """The screen field ``field_id`` with the visitor's value and any error."""
        error = self.field_errors.get(field_id)
        return Field(field_id, label, kind, self.fields.get(field_id, ""), Text(error) if error else None, private)
