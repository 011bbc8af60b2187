"""The Kivy application: a ScreenManager that follows the router, and nothing more.

The controller decides; this class shows. Device events reach the controller through Kivy's clock
(thread-safe), the clock ticks the controller, and every change re-renders the current screen.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from kivy.app import App
from kivy.clock import Clock
from kivy.core.window import Keyboard, Window
from kivy.uix.screenmanager import NoTransition, ScreenManager

from kiosk.audit import AuditEvent
from kiosk.controller import GESTURE_STEPS, KioskController
from kiosk.display import Panel
from kiosk.i18n import Translator
from kiosk.keypad import TYPED_KEYS, intent_for
from kiosk.watchdog import Watchdog
from kiosk.maintenance.effects import RESTART
from kiosk.maintenance.lockdown import keep_display_awake, restart_process
from kiosk.resting_collector import RestingCollector
from kiosk.router import SCREENS
from kiosk.textinput.warm_up import WARM_UP_AFTER_S, warm_up_in_background
from screens.fonts import register_fonts
from screens.model_screen import ModelScreen
from screens.theme import Theme

log = logging.getLogger("kiosk.screens")

TICK_INTERVAL_S = 0.25
_KEY_NAMES = {code: name for name, code in Keyboard.keycodes.items()}


class InstantTransition(NoTransition):
    """Screens swap within the frame of the change.

    Kivy's NoTransition still runs a zero-length animation: the frame of a change draws the old and
    the new screen, and the next frame draws the new one again, two full repaints per screen.
    """

    def start(self, manager: ScreenManager) -> None:
        """Start, then end at once: the old screen leaves before the next frame is drawn."""
        super().start(manager)
        self.stop()
        self.screen_in.dispatch("on_enter")
        self.screen_out.dispatch("on_leave")


class KioskApp(App):
    """Shows the controller's current screen model."""

    title = "courtkiosk"

    def __init__(self, controller: KioskController, translator: Translator, screenshot_path: Path | None = None,
                 screenshot_every_s: float = 3.0) -> None:
        super().__init__()
        self.controller = controller
        self.translator = translator
        display = controller.settings.display
        self.theme = Theme(Panel(display.width_px, display.height_px, display.panel_diagonal_in))
        self.manager = ScreenManager(transition=InstantTransition())
        self._screenshot_path = screenshot_path
        self._screenshot_every_s = screenshot_every_s
        self.first_frame_drawn = False
        self.collector = RestingCollector()

    def build(self) -> ScreenManager:
        """Follow the controller; each router screen's :class:`ModelScreen` is made when first shown."""
        register_fonts()
        self.controller.subscribe(self.refresh)
        self.collector.install()
        Clock.schedule_interval(self._tick, TICK_INTERVAL_S)
        Window.bind(on_key_down=self._key_down, on_touch_down=self._raw_touch_down, on_touch_up=self._raw_touch_up,
                    size=lambda _window, size: self.controller.gesture.resize(*size))
        self.controller.gesture.resize(*Window.size)
        if self.controller.settings.display.fullscreen:
            self._lock_down()
        if self._screenshot_path is not None:
            Clock.schedule_interval(lambda dt: self.save_screenshot(self._screenshot_path), self._screenshot_every_s)
        watchdog = Watchdog.from_environment()
        if watchdog is not None:
            # Pinged from the UI clock, so a frozen UI (not just a dead process) gets the kiosk restarted.
            Clock.schedule_interval(lambda dt: watchdog.ping(), watchdog.interval_s)
        self.refresh()
        Clock.schedule_once(self._mark_first_frame, 0)
        return self.manager

    def _mark_first_frame(self, _dt: float) -> None:
        self.first_frame_drawn = True
        log.info("first frame drawn")
        Clock.schedule_once(lambda _dt: warm_up_in_background(), WARM_UP_AFTER_S)

    def _lock_down(self) -> None:
        """Kiosk mode: a close request (Alt+F4, the window manager) is refused, the cursor hidden, the panel kept awake."""
        Window.bind(on_request_close=self._refuse_close)
        Window.show_cursor = False
        keep_display_awake()

    @staticmethod
    def _refuse_close(*_args: object, **_kwargs: object) -> bool:
        log.info("window close request refused (kiosk mode)")
        return True

    def _raw_touch_down(self, _window: object, touch: object) -> bool:
        self.collector.activity()
        return self._raw_touch(True, touch)

    def _raw_touch_up(self, _window: object, touch: object) -> bool:
        return self._raw_touch(False, touch)

    def _tick(self, _dt: float) -> None:
        self.controller.tick()
        self.collector.tick()

    def _raw_touch(self, down: bool, touch: object) -> bool:
        """Touches on the attract and out-of-service screens go to the hidden gesture first; a touch in
        one of its corners goes no further (so a long press there never starts a visit)."""
        if self.manager.current not in GESTURE_STEPS:
            return False
        x, y = touch.pos  # type: ignore[attr-defined]
        return self.controller.raw_touch(down, touch.uid, x, y)  # type: ignore[attr-defined]

    def on_stop(self) -> None:
        """The app is closing (exit to the system, or the process is stopped)."""
        self.controller.audit.append(AuditEvent.KIOSK_STOPPED)
        self.collector.uninstall()

    def intent(self, name: str, **params: object) -> None:
        """A screen's button was released: hand it to the controller."""
        self.controller.intent(name, **params)

    def refresh(self) -> None:
        """Apply the visitor's preferences, switch to the routed screen and render its model."""
        if self.controller.exit_request is not None:
            self._leave(self.controller.exit_request)
            return
        self.collector.activity()
        prefs = self.controller.visit.preferences
        self.theme.apply(prefs)
        screen = self.current_screen
        target = self.screen(self.controller.screen)
        target.show(self.controller.model(), prefs.language)
        target.outline(self.controller.focused_widget)
        if screen is not target:
            self.manager.current = target.name

    def _leave(self, request: str) -> None:
        """Maintenance confirmed a restart (a fresh process) or an exit to the system (the app stops)."""
        self.controller.exit_request = None
        log.warning("leaving the kiosk app: %s", request)
        if request == RESTART:
            controller = self.controller

            def close() -> None:
                controller.devices.close_all()
                controller.services.stop()

            Clock.schedule_once(lambda _dt: restart_process(close), 0)
        else:
            self.stop()

    def screen(self, name: str) -> ModelScreen:
        """The view of router screen ``name``, made on first use: most of the 92 are seldom shown, and making
        them all held up the first frame."""
        if name not in SCREENS:
            raise KeyError(f"no router screen {name!r}")
        if not self.manager.has_screen(name):
            self.manager.add_widget(ModelScreen(name, self.theme, self.translator, self.intent, self.controller.form))
        return self.manager.get_screen(name)  # type: ignore[return-value]

    @property
    def current_screen(self) -> ModelScreen:
        """The screen on display."""
        return self.manager.current_screen  # type: ignore[return-value]

    def _key_down(self, _window: object, key: int, _scancode: int, codepoint: str | None, _modifiers: list[str]) -> bool:
        """Keypad and keyboard keys: intents, or typing into the focused field. Nothing ends the app."""
        self.collector.activity()
        name = _KEY_NAMES.get(key, "")
        intent = intent_for(name)
        if intent is not None:
            self.intent(intent)
        elif codepoint and codepoint in TYPED_KEYS:
            self.intent("type_character", character=codepoint.upper() if codepoint in "xX" else codepoint)
        return True  # consumed: Escape and friends never reach Kivy's default handlers

    @staticmethod
    def save_screenshot(path: Path) -> Path:
        """Write the window to ``path`` (Kivy numbers its files, so write aside and rename)."""
        with tempfile.TemporaryDirectory() as folder:
            written = Window.screenshot(name=os.path.join(folder, "shot.png"))
            os.replace(written, path)
        return path
