"""The kiosk without its face: flow, visit, inactivity, devices and routing in one object.

The Kivy app and the headless tests drive the same controller: screens send intents, the clock
calls :meth:`KioskController.tick`, devices deliver events, and listeners are told when the screen
model may have changed. Nothing here imports Kivy.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from drivers.base import DeviceEvent, StatusChanged
from kiosk.availability import unavailable_journeys
from kiosk.config import Settings
from kiosk.devices import DeviceManager
from kiosk.display import TextSize
from kiosk.flow import KioskFlow
from kiosk.inactivity import IdlePhase, IdleWatch
from kiosk.presenters import ScreenContext, ScreenModel, present
from kiosk.router import ServiceHealth, route
from kiosk.session import Visit

log = logging.getLogger("kiosk.controller")

#: Steps without a visitor: no time limit applies there.
UNTIMED_STEPS = frozenset({"attract", "out_of_service", "maintenance"})
#: Steps that end or have not begun a visit: the visitor's data is wiped on entering them.
WIPING_STEPS = UNTIMED_STEPS

Listener = Callable[[], None]


class KioskController:
    """Receives intents, ticks and device events; exposes the current screen and its model."""

    def __init__(self, settings: Settings, devices: DeviceManager, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.devices = devices
        self._clock = clock
        self.visit = Visit(default_language=settings.languages.default)
        timeouts = settings.timeouts
        self.idle = IdleWatch(warning_s=timeouts.idle_warning_s, max_extensions=timeouts.max_idle_extensions)
        self.staff_session = False
        self._listeners: list[Listener] = []
        self._last_health_poll = clock()
        self._last_countdown = -1
        self.flow = KioskFlow(listeners=[self])
        if not devices.required_working():
            self.flow.send("service_unavailable")

    # --- listeners ----------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` (on the caller's thread) whenever the screen may have changed."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in self._listeners:
            listener()

    def after_transition(self, source: Any, target: Any, event: str) -> None:
        """Machine listener: restart the time limit, wipe the visit when it ends."""
        step = self.flow.step
        log.info("flow %s: %s -> %s", event, source.id if source else "-", step)
        now = self._clock()
        if step in WIPING_STEPS:
            self.visit.wipe()
        self.idle.restart(now, self._idle_limit_s(step))

    # --- inputs -------------------------------------------------------------------------------

    def intent(self, name: str, **params: Any) -> None:
        """A visitor's action from a screen or the keypad."""
        now = self._clock()
        answered_warning = self.idle.activity(now)
        if name == "start_visit":
            self.idle.reset_visit(now)
            self.flow.send("start_visit")
            if "language" in params:
                self.visit.preferences.language = params["language"]
        elif name == "extend_time" or answered_warning:
            pass  # the touch itself extended the time
        elif name in _PREFERENCE_INTENTS:
            _PREFERENCE_INTENTS[name](self, **params)
            self.idle.restart(now, self._idle_limit_s(self.flow.step))
        elif name == "rate":
            self.flow.send("rated")
        elif not self._journey_blocked(name):
            self.flow.send(name, **params)
        self._changed()

    def _journey_blocked(self, intent: str) -> bool:
        """A disabled journey button cannot be bypassed (a keypad or a stale touch)."""
        journey = intent.removeprefix("choose_")
        return intent.startswith("choose_") and journey in unavailable_journeys(self.devices.statuses())

    def device_event(self, role: str, event: DeviceEvent) -> None:
        """An event from a driver, already on this thread."""
        if isinstance(event, StatusChanged):
            log.info("device %s: %s (%s)", role, event.status.health.value, event.status.message_key)
            self._check_service()
        self._changed()

    def tick(self) -> None:
        """Called by the clock a few times a second: polls health and runs the time limit."""
        now = self._clock()
        if now - self._last_health_poll >= self.settings.devices.health_poll_interval_s:
            self._last_health_poll = now
            if self.devices.refresh():
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

    def _idle_limit_s(self, step: str) -> float:
        timeouts = self.settings.timeouts
        limit = timeouts.state_idle_timeout_s.get(step, timeouts.idle_timeout_s)
        return limit * timeouts.assisted_factor if self.visit.preferences.assisted else limit

    # --- outputs ------------------------------------------------------------------------------

    @property
    def screen(self) -> str:
        """The screen the router picks now."""
        health = ServiceHealth(required_devices_working=self.devices.required_working())
        return route(self.flow.step, health, self.staff_session)

    def model(self) -> ScreenModel:
        """The current screen's model."""
        now = self._clock()
        timed = self.flow.step not in UNTIMED_STEPS
        return present(
            ScreenContext(
                screen=self.screen,
                step=self.flow.step,
                preferences=self.visit.preferences,
                languages=tuple(self.settings.languages.available),
                idle_phase=self.idle.phase(now) if timed else IdlePhase.ACTIVE,
                idle_countdown_s=self.idle.countdown_s(now),
                can_extend=self.idle.can_extend,
                unavailable_journeys=unavailable_journeys(self.devices.statuses()),
            )
        )


def _set_language(controller: KioskController, language: str) -> None:
    if language in controller.settings.languages.available:
        controller.visit.preferences.language = language


def _cycle_text_size(controller: KioskController) -> None:
    prefs = controller.visit.preferences
    prefs.text_size = prefs.text_size.next()


def _toggle_contrast(controller: KioskController) -> None:
    prefs = controller.visit.preferences
    prefs.high_contrast = not prefs.high_contrast


def _toggle_voice(controller: KioskController) -> None:
    prefs = controller.visit.preferences
    prefs.voice = not prefs.voice


def _elderly_mode(controller: KioskController) -> None:
    """长辈模式: large text and voice together, one touch (and one touch back)."""
    prefs = controller.visit.preferences
    prefs.elderly_mode = not prefs.elderly_mode
    prefs.text_size = TextSize.EXTRA_LARGE if prefs.elderly_mode else TextSize.NORMAL
    prefs.voice = prefs.elderly_mode


_PREFERENCE_INTENTS: dict[str, Callable[..., None]] = {
    "set_language": _set_language,
    "cycle_text_size": _cycle_text_size,
    "toggle_contrast": _toggle_contrast,
    "toggle_voice": _toggle_voice,
    "elderly_mode": _elderly_mode,
}
