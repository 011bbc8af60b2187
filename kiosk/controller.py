"""The kiosk without its face: flow, visit, inactivity, devices and routing in one object.

The Kivy app and the headless tests drive the same controller: screens send intents, the clock
calls :meth:`KioskController.tick`, devices deliver events, and listeners are told when the screen
model may have changed. Nothing here imports Kivy.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from drivers.base import CardRead, CodeScanned, CodeScanner, DeviceEvent, HeadphonesChanged, IdCardReader, StatusChanged
from kiosk.audit import AuditEvent
from kiosk.availability import unavailable_journeys
from kiosk.config import Settings
from kiosk.devices import DeviceManager
from kiosk.flow import KioskFlow
from kiosk.focus import KeypadFocus
from kiosk.form import FormInput
from kiosk.inactivity import IdlePhase, IdleWatch
from kiosk.journeys import registry
from kiosk.journeys.base import JourneyEffects
from kiosk.keypad import FOCUS_INTENTS
from kiosk.keypad_walk import KeypadWalk
from kiosk.maintenance import door
from kiosk.maintenance.outbox_tools import audit_submissions
from kiosk.maintenance.states import STEPS as MAINTENANCE_STEPS
from kiosk.preferences import ELDERLY_ANSWERS, PREFERENCE_INTENTS, ElderlyOffer, apply_preference
from kiosk.presenters import ScreenContext, ScreenModel
from kiosk.presenters.screens import present, with_elderly_offer
from kiosk.router import ServiceHealth, route
from kiosk.services import KioskServices
from kiosk.session import Visit
from kiosk.simplified import for_elderly
from kiosk.staff.gesture import TouchDown, TouchUp
from kiosk.staff.session import SessionEnd, StaffSession
from kiosk.voice import VoiceGuide

log = logging.getLogger("kiosk.controller")

#: Steps without a visitor: no time limit applies there (a staff session has its own).
UNTIMED_STEPS = frozenset({"attract", "out_of_service"}) | MAINTENANCE_STEPS
#: Steps that end or have not begun a visit: the visitor's data is wiped on entering them (and on ``staff_enter``).
WIPING_STEPS = frozenset({"attract", "out_of_service"})
#: The screens where the hidden gesture is listened for: no visit is in progress there.
GESTURE_STEPS = frozenset({"attract", "out_of_service"})
#: A role's status before its driver was opened: not yet news for the audit trail.
NOT_OPENED = "status.device.not_opened"

Listener = Callable[[], None]
T = TypeVar("T")
#: Longest text a field keeps (a complaint's facts are the longest).
MAX_FIELD_CHARS = 5000


class KioskController:
    """Receives intents, ticks and device events; exposes the current screen and its model."""

    def __init__(self, settings: Settings, devices: DeviceManager, services: KioskServices,
                 voice: VoiceGuide | None = None, clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time) -> None:
        self.settings = settings
        self.devices = devices
        self.services = services
        self.voice = voice
        self._clock = clock
        self.visit = Visit(default_language=settings.languages.default)
        timeouts = settings.timeouts
        self.idle = IdleWatch(warning_s=timeouts.idle_warning_s, max_extensions=timeouts.max_idle_extensions)
        self.audit = door.open_audit(settings)
        self.audit.append(AuditEvent.KIOSK_STARTED)
        audit_submissions(services.outbox, self.audit)
        self.staff = door.staff_access(settings, self.audit, clock, wall_clock)
        self.staff_session: StaffSession | None = None
        self.gesture = door.gesture(settings)
        #: Set by maintenance ("restart" or "system_exit"); the app acts on it.
        self.exit_request: str | None = None
        self._working: dict[str, bool] = {}
        self.focus = KeypadFocus()
        self.form = FormInput()
        self.elderly_offer = ElderlyOffer()
        self.keypad_walk = KeypadWalk(self.focus, self.form, voice, self.intent, self._edit_field)
        self._listeners: list[Listener] = []
        self._last_health_poll = clock()
        self._last_countdown = -1
        self.journeys: list[JourneyEffects] = registry.effects(self)
        self.flow = KioskFlow(listeners=[self, *self.journeys])

    # --- listeners ----------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` (on the caller's thread) whenever the screen may have changed."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        if self.voice is not None and self.flow.step not in MAINTENANCE_STEPS:  # staff screens are never spoken
            self.voice.screen_changed(self.model(), self.visit.preferences)
        self._notify()

    def _notify(self) -> None:
        for listener in self._listeners:
            listener()

    def after_transition(self, source: Any, target: Any, event: str) -> None:
        """Machine listener: restart the time limit, wipe the visit when it ends."""
        step = self.flow.step
        log.info("flow %s: %s -> %s", event, source.id if source else "-", step)
        now = self._clock()
        if step in WIPING_STEPS or event == "staff_enter":
            self.visit.wipe()
            self.elderly_offer.open = False
            if self.voice is not None:
                self.voice.reset_for_new_visit()
        self.idle.restart(now, self._idle_limit_s(step))
        self._enable_devices(step)
        if self.staff_session is not None and step not in MAINTENANCE_STEPS:
            self._end_staff_session(SessionEnd.EXIT)

    def _enable_devices(self, step: str) -> None:
        """The reader and the scanner work only on steps that wait for them."""
        wants_card = any(step in j.card_steps for j in self.journeys)
        wants_code = any(step in j.code_steps for j in self.journeys)
        for slot in self.devices.slots.values():
            driver = slot.driver
            if isinstance(driver, IdCardReader):
                driver.set_enabled(wants_card)
            elif isinstance(driver, CodeScanner):
                driver.set_enabled(wants_code)

    # --- inputs -------------------------------------------------------------------------------

    def intent(self, name: str, **params: Any) -> None:
        """A visitor's action from a screen or the keypad."""
        now = self._clock()
        answered_warning = self.idle.activity(now)
        if self.staff_session is not None:
            self.staff_session.touch(now)
        if self.voice is not None:
            if name in _VOICE_INTENTS:
                _VOICE_INTENTS[name](self.voice)
                self._changed()
                return
            self.voice.user_action()
        if name in FOCUS_INTENTS or name == "activate" or (name == "back" and self.form.typing):
            self._keypad(name)
            return
        if name in ELDERLY_ANSWERS:
            if self.elderly_offer.answer(self.visit.preferences, accepted=name == "accept_elderly"):
                self.idle.restart(now, self._idle_limit_s(self.flow.step))
        elif name == "start_visit":
            self.idle.reset_visit(now)
            self.flow.send("start_visit")
            if "language" in params:
                self.visit.preferences.language = params["language"]
        elif name == "extend_time" or answered_warning:
            pass  # the touch itself extended the time
        elif name in PREFERENCE_INTENTS:
            apply_preference(name, self.visit.preferences, self.settings.languages.available, **params)
            self.idle.restart(now, self._idle_limit_s(self.flow.step))
        elif name == "rate":
            self.flow.send("rated", **params)
        elif name == "edit_field":
            self._edit_field(str(params["field"]), str(params["value"]))
        elif name == "focus_field":
            self.form.focus(str(params["field"]))
        elif name == "type_character":
            self._type_character(str(params["character"]))
        elif not self._journey_blocked(name):
            self.elderly_offer.open = False  # going on in the journey is a "no, thanks"
            self.flow.send(name, **params)
            if name == "staff_exit":
                self._check_service()
        self._changed()

    def _journey_blocked(self, intent: str) -> bool:
        """A disabled journey button cannot be bypassed (a keypad or a stale touch)."""
        journey = intent.removeprefix("choose_")
        return intent.startswith("choose_") and journey in unavailable_journeys(self.devices.statuses())

    def _keypad(self, name: str) -> None:
        """A focus or activate key: the walk moves or presses; an activated control told the listeners."""
        if not self.keypad_walk.press(name, self.model()):
            self._notify()

    def _type_character(self, character: str) -> None:
        self.model()  # brings the form up to the screen on show
        self.keypad_walk.type_character(character)

    @property
    def focused_widget(self) -> str | None:
        """The widget id of the keypad-focused control or key, for the screen to outline."""
        return self.keypad_walk.focused_widget(self.model())

    def _edit_field(self, field_id: str, value: str) -> None:
        """Keep what the visitor typed (never lost, even when refused later), within a sane length.

        In voice mode what was just typed, chosen or deleted is echoed: "star" for a masked field,
        else the text itself, as personal data (headphones only).
        """
        before = self.visit.fields.get(field_id, "")
        self.visit.fields[field_id] = value = value[:MAX_FIELD_CHARS]
        self.visit.field_errors.pop(field_id, None)
        added = value[len(before):] if value.startswith(before) else ""
        removed = before[len(value):] if before.startswith(value) else ""
        if self.voice is not None and (added or removed):
            field = next((f for f in self.model().fields if f.field_id == field_id), None)
            masked = bool(field and field.masked)
            if added:
                self.voice.typed(added, masked=masked)
            else:
                self.voice.deleted(removed, masked=masked, emptied=not value)

    def send(self, event: str, **params: Any) -> None:
        """An event from a journey's effects (already on the UI thread)."""
        self.flow.send(event, **params)
        self._changed()

    def run_task(self, name: str, work: Callable[[], T], done_event: str, failed_event: str,
                 on_done: Callable[[T], None] | None = None) -> None:
        """Run ``work`` off the UI thread; its result only counts if the visitor is still on that step."""
        step, visit_id = self.flow.step, self.visit.visit_id
        journey = name.partition(".")[0]
        self.idle.hold()

        def still_there() -> bool:
            self.idle.release(self._clock())
            return self.flow.step == step and self.visit.visit_id == visit_id

        def done(result: T) -> None:
            if still_there():
                if on_done is not None:
                    on_done(result)
                self.send(done_event)

        def failed(error: BaseException) -> None:
            if still_there():
                key = getattr(error, "message_key", "court.error.unknown")
                self.visit.journeys.setdefault(journey, {})["problem"] = key
                self.send(failed_event)

        self.services.tasks.run(name, work, done, failed)

    def device_event(self, role: str, event: DeviceEvent) -> None:
        """An event from a driver, already on this thread."""
        step = self.flow.step
        if isinstance(event, StatusChanged):
            log.info("device %s: %s (%s)", role, event.status.health.value, event.status.message_key)
            self._audit_devices()
            self._check_service()
        elif isinstance(event, HeadphonesChanged):
            if self.voice is not None and self.voice.headphones_changed(event.present):
                self.visit.preferences.voice = True
        elif isinstance(event, CardRead):
            self.idle.activity(self._clock())
            self.visit.card = event.card  # later journeys of this visit know who it is; wiped with the visit
            self.elderly_offer.card_read(self.visit, date.today())
            for journey in self.journeys:
                if step in journey.card_steps:
                    journey.on_card(event.card)
        elif isinstance(event, CodeScanned):
            self.idle.activity(self._clock())
            for journey in self.journeys:
                if step in journey.code_steps:
                    journey.on_code(event.symbology, event.text)
        self._changed()

    def tick(self) -> None:
        """Called by the clock a few times a second: polls health and runs the time limit."""
        now = self._clock()
        if now - self._last_health_poll >= self.settings.devices.health_poll_interval_s:
            self._last_health_poll = now
            if self.devices.refresh():
                self._audit_devices()
                self._check_service()
                self._changed()
        if self.staff_session is not None:
            reason = self.staff.expired(self.staff_session)
            if reason is not None:
                log.info("staff session ended (%s)", reason.value)
                self.staff_session = None
                self.flow.send("staff_exit")
                self._check_service()
                self._changed()
        if self.flow.step in UNTIMED_STEPS:
            return
        phase = self.idle.phase(now)
        if phase is IdlePhase.EXPIRED:
            log.info("visit timed out in %s", self.flow.step)
            self.flow.send("timeout")
            self._changed()
        elif phase is IdlePhase.WARNING and self.idle.countdown_s(now) != self._last_countdown:
            self._last_countdown = self.idle.countdown_s(now)
            self._changed()

    def _check_service(self) -> None:
        working = self.devices.required_working()
        if not working and self.flow.step != "out_of_service":
            self.flow.send("service_unavailable")
        elif working and self.flow.step == "out_of_service":
            self.flow.send("service_restored")

    # --- staff --------------------------------------------------------------------------------

    def raw_touch(self, down: bool, touch_id: int, x: float, y: float) -> bool:
        """A touch on the attract or out-of-service screen, fed to the hidden gesture (window pixels,
        origin bottom left). True when it fell in one of the gesture's corners: the screen then
        ignores it, so a long press in a corner never starts a visit."""
        step = self.flow.step
        if step not in GESTURE_STEPS:
            self.gesture.reset()
            return False
        now = self._clock()
        if self.gesture.feed(TouchDown(touch_id, x, y, now) if down else TouchUp(touch_id, x, y, now)):
            self.staff.unlock_requested()
            self.flow.send("staff_enter")
            self._changed()
            return True
        pattern = self.gesture.pattern
        return self.gesture.corner_of(x, y) in (pattern.hold_corner, *pattern.taps)

    def open_staff_session(self, session: StaffSession) -> None:
        """A PIN or badge was accepted (maintenance's unlock step calls this)."""
        self.staff_session = session

    def _end_staff_session(self, reason: SessionEnd) -> None:
        if self.staff_session is not None:
            self.staff.end(self.staff_session, reason)
            self.staff_session = None

    def _audit_devices(self) -> None:
        """A device that stopped or started working is a fault or a recovery in the audit trail (one that
        opened fine at start is neither)."""
        for role, status in self.devices.statuses().items():
            known = self._working.get(role)
            if status.message_key == NOT_OPENED or known == status.working:
                continue
            self._working[role] = status.working
            if known is None and status.working:
                continue
            event = AuditEvent.DEVICE_RECOVERED if status.working else AuditEvent.DEVICE_FAULT
            try:
                self.audit.append(event, device=role, status=status.health.value)
            except (OSError, ValueError) as exc:  # the kiosk serves on; the log says the trail missed one
                log.error("audit trail refused %s for %s: %s", event.value, role, type(exc).__name__)

    def _idle_limit_s(self, step: str) -> float:
        timeouts = self.settings.timeouts
        limit = timeouts.state_idle_timeout_s.get(step, timeouts.idle_timeout_s)
        return limit * timeouts.assisted_factor if self.visit.preferences.assisted else limit

    # --- outputs ------------------------------------------------------------------------------

    @property
    def screen(self) -> str:
        """The screen the router picks now."""
        health = ServiceHealth(required_devices_working=self.devices.required_working())
        return route(self.flow.step, health, self.staff_session is not None)

    def model(self) -> ScreenModel:
        """The current screen's model."""
        now = self._clock()
        timed = self.flow.step not in UNTIMED_STEPS
        model = present(
            ScreenContext(
                screen=self.screen,
                step=self.flow.step,
                preferences=self.visit.preferences,
                languages=tuple(self.settings.languages.available),
                idle_phase=self.idle.phase(now) if timed else IdlePhase.ACTIVE,
                idle_countdown_s=self.idle.countdown_s(now),
                can_extend=self.idle.can_extend,
                unavailable_journeys=unavailable_journeys(self.devices.statuses()),
                journeys=self.visit.journeys,
                fields=self.visit.fields,
                field_errors=self.visit.field_errors,
            )
        )
        self.form.follow(model.fields)
        prefs = self.visit.preferences
        if self.elderly_offer.shown(prefs):
            return with_elderly_offer(model)
        if prefs.elderly_mode:
            return for_elderly(model, prefs)
        return model


#: The speech keys (screen buttons and keypad): they steer the voice and never cut it short.
_VOICE_INTENTS: dict[str, Callable[[VoiceGuide], None]] = {
    "voice_repeat": VoiceGuide.repeat,
    "voice_pause": VoiceGuide.toggle_pause,
    "voice_slower": VoiceGuide.slower,
    "voice_faster": VoiceGuide.faster,
    "voice_louder": VoiceGuide.louder,
    "voice_softer": VoiceGuide.softer,
    "voice_private_on_speaker": VoiceGuide.choose_speaker_for_private,
}
