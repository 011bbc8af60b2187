"""The voice guide: decides what the kiosk says, in which language, and whether it may be heard.

It speaks each screen's prompt when the screen changes, the focused control, a toggle's new state,
errors naming their field, typed characters (masked ones as "star") and whole receipts. Every new
utterance interrupts the one before. Personal texts (see :mod:`kiosk.voice.privacy`) go only to
headphones, or to the speaker once the visitor has chosen that; otherwise a neutral sentence takes
their place. The guide runs on the UI thread and only translates and queues: the speaker driver
synthesises and plays on its own thread.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drivers.base import Route, Speaker
from kiosk.i18n import SOURCE_LANGUAGE, Text, Translator
from kiosk.presenters.model import Action, Field, ScreenModel
from kiosk.session import Preferences
from kiosk.textinput.key_cursor import KeyTarget
from kiosk.voice.levels import Levels
from kiosk.voice.privacy import Private, Spoken, spoken

log = logging.getLogger("kiosk.voice")

WITHHELD = Text("voice.private_withheld")
#: Sentence ends after which no separator is added between two pieces.
_ENDINGS = tuple("。！？；：，、.!?;:,")


@dataclass(frozen=True)
class _Piece:
    """One item to say and the language to say it in."""

    item: Spoken
    language: str


class VoiceGuide:
    """Voice mode for one kiosk: call the hooks from the UI thread; none of them blocks."""

    def __init__(self, speaker: Speaker, translator: Translator, *, headphones: bool = False) -> None:
        self._speaker = speaker
        self._translator = translator
        self._headphones = headphones
        self._levels = Levels()
        self._elderly = False
        self._enabled = False
        self._language = SOURCE_LANGUAGE
        self._private_on_speaker = False
        self._paused = False
        self._greet = False
        self._screen: tuple[str, str, tuple[str, ...]] | None = None
        self._controls: dict[str, tuple[Text | str, bool | None, bool]] = {}
        self._last: tuple[_Piece, ...] = ()
        self._apply_levels()

    # --- state ------------------------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """Voice mode is on (as of the last :meth:`screen_changed`)."""
        return self._enabled

    @property
    def route(self) -> Route:
        """Where speech is heard now: headphones when plugged in."""
        return Route.HEADPHONES if self._headphones else Route.SPEAKER

    @property
    def private_allowed(self) -> bool:
        """Personal details may be spoken: headphones are in, or the visitor chose the speaker."""
        return self._headphones or self._private_on_speaker

    # --- hooks for the controller -------------------------------------------------------------------

    def screen_changed(self, model: ScreenModel, preferences: Preferences) -> None:
        """Call after every refresh of the screen model (it is cheap when nothing changed).

        Speaks the screen when it is new, when its language changed or when voice mode just came
        on; otherwise speaks only the controls whose label or state changed (a toggle pressed).
        """
        self._language = preferences.language
        elderly_changed = preferences.elderly_mode != self._elderly
        self._elderly = preferences.elderly_mode
        if elderly_changed:
            self._apply_levels()
        was_enabled, self._enabled = self._enabled, preferences.voice
        screen = (model.name, preferences.language, tuple(t.key for t in model.speech()))
        same_screen = self._screen is not None and self._screen[:2] == screen[:2]
        changed = self._changed_controls(model) if same_screen else []
        self._controls = {a.widget_id: _control_state(a) for a in model.all_actions()}
        pieces = [self._piece(item) for item in changed]
        if not self._enabled:
            self._screen = None
            if was_enabled:
                self._speaker.stop()
                self._say(pieces, force=True)
            return
        if not was_enabled or screen != self._screen:
            if self._greet:
                pieces.append(self._piece(Spoken(Text("voice.headphones_on"))))
                self._greet = False
            pieces.extend(self._piece(Spoken(text)) for text in model.speech())
            log.info("voice: screen %s", model.name)
        self._screen = screen
        self._say(pieces)

    def user_action(self) -> None:
        """Any touch or key: cut the current speech short (EN 301 549 5.1.3.5)."""
        self._paused = False
        self._speaker.stop()

    def headphones_changed(self, present: bool) -> bool:
        """A :class:`~drivers.base.HeadphonesChanged` event; True when voice mode should now be on.

        Plugging in starts voice mode and has the screen read again into the headphones. Pulling
        out stops speech at once, since the sound card now plays through the hall speaker.
        """
        was, self._headphones = self._headphones, present
        log.info("voice: headphones %s", "in" if present else "out")
        if present and not was:
            self._screen = None
            self._greet = True
        elif was and not present:
            self._speaker.stop()
        return present

    def choose_speaker_for_private(self, allowed: bool = True) -> None:
        """The visitor chose to hear personal details on the speaker (or took that back)."""
        self._private_on_speaker = allowed
        if allowed and self._enabled:
            notice = self._piece(Spoken(Text("voice.speaker_chosen")))
            self._say([notice, *self._last], remember=False)

    def reset_for_new_visit(self) -> None:
        """End of visit: silence, default rate and volume, privacy choice and voice mode off."""
        self._speaker.stop()
        self._levels = Levels()
        self._elderly = False
        self._apply_levels()
        self._enabled = self._paused = self._greet = self._private_on_speaker = False
        self._screen = None
        self._controls = {}
        self._last = ()

    # --- what to say ------------------------------------------------------------------------------

    def announce(self, target: Action | Field) -> None:
        """The control that just received keypad focus: its label, state, and if it is unavailable;
        a field says its label, that Enter opens its keyboard, and what it holds (personal)."""
        if not self._enabled:
            return
        if isinstance(target, Action):
            self._say([self._control_piece(target)])
            return
        items = [Spoken(Text("voice.field", {"label": target.label}))]
        if target.value:
            items.append(Spoken(Text("voice.star")) if target.masked else Spoken(target.value, private=True))
        self._say([self._piece(item) for item in items])

    def announce_key(self, target: KeyTarget, *, opening: bool = False) -> None:
        """The key or candidate under the keypad's cursor on the keyboard (a candidate is personal:
        it spells what is being typed); ``opening`` first says how the keyboard is worked."""
        if not self._enabled:
            return
        items = [Spoken(Text("voice.keyboard_help"))] if opening else []
        if target.candidate is not None:
            items.append(Spoken(Text("voice.candidate", {"number": target.candidate + 1, "text": Private(target.text)})))
        elif target.key is not None:
            items.append(Spoken(Text(target.key.spoken, {"label": target.key.label})))
        self._say([self._piece(item) for item in items])

    def error(self, field: Text, problem: Text) -> None:
        """An input error, naming the field (EN 301 549 5.1.3.15)."""
        if self._enabled:
            self._say([self._piece(Spoken(Text("voice.field_error", {"field": field, "problem": problem})))])

    def typed(self, character: str, *, masked: bool) -> None:
        """Echo a typed character: "star" when the field is masked, else the character (personal)."""
        if self._enabled:
            item = Spoken(Text("voice.star")) if masked else Spoken(character, private=True)
            self._say([self._piece(item)])

    def deleted(self, text: str, *, masked: bool, emptied: bool) -> None:
        """Echo a deletion, so a visitor who cannot see the field knows what went (personal, or
        "star") and when nothing is left."""
        if self._enabled:
            gone: Text | Private = Text("voice.star") if masked else Private(text)
            items = [Spoken(Text("voice.deleted", {"text": gone}))]
            if emptied:
                items.append(Spoken(Text("voice.field_empty")))
            self._say([self._piece(item) for item in items])

    def receipt(self, lines: Iterable[Spoken | Text | str]) -> None:
        """Everything a receipt or ticket says, in order (EN 301 549 5.1.3.16)."""
        if self._enabled:
            items = [Spoken(Text("voice.receipt")), *(spoken(line) for line in lines)]
            self._say([self._piece(item) for item in items])

    def say(self, items: Sequence[Spoken | Text | str]) -> None:
        """Anything else a flow needs said, with the same privacy rules."""
        if self._enabled:
            self._say([self._piece(spoken(item)) for item in items])

    # --- the speech keys --------------------------------------------------------------------------

    def repeat(self) -> None:
        """Say the last utterance again (privacy is decided again: headphones may be out now)."""
        self._say(list(self._last), remember=False)

    def pause(self) -> None:
        """Hold the speech; :meth:`resume` repeats the interrupted sentence and goes on."""
        self._paused = True
        self._speaker.pause()

    def resume(self) -> None:
        """Go on after :meth:`pause`."""
        self._paused = False
        self._speaker.resume()

    def toggle_pause(self) -> None:
        """One key for pause and resume."""
        self.resume() if self._paused else self.pause()

    def slower(self) -> None:
        """One rate step slower, heard at once on the last utterance."""
        self._levels.change_rate(-1, elderly=self._elderly)
        self._apply_levels()
        self.repeat()

    def faster(self) -> None:
        """One rate step faster, heard at once on the last utterance."""
        self._levels.change_rate(+1, elderly=self._elderly)
        self._apply_levels()
        self.repeat()

    def louder(self) -> None:
        """One volume step up (EN 301 549 5.1.3.11)."""
        self._levels.change_volume(+1)
        self._apply_levels()
        self.repeat()

    def softer(self) -> None:
        """One volume step down."""
        self._levels.change_volume(-1)
        self._apply_levels()
        self.repeat()

    # --- inside -------------------------------------------------------------------------------------

    def _apply_levels(self) -> None:
        self._speaker.set_rate(self._levels.rate_wpm(elderly=self._elderly))
        self._speaker.set_volume(self._levels.volume)

    def _piece(self, item: Spoken) -> _Piece:
        return _Piece(item, self._language)

    def _changed_controls(self, model: ScreenModel) -> list[Spoken]:
        changed = []
        for action in model.all_actions():
            before = self._controls.get(action.widget_id)
            if before is not None and before != _control_state(action):
                changed.append(self._control_piece(action).item)
        return changed

    def _control_piece(self, action: Action) -> _Piece:
        if action.literal is not None:
            # A language name is said in its own language.
            return _Piece(Spoken(action.literal), action.params.get("language", self._language))
        text: Text = action.label
        if action.checked is not None:
            state = Text("toggle.on" if action.checked else "toggle.off")
            text = Text("voice.toggle_state", {"label": text, "state": state})
        if not action.enabled:
            text = Text("voice.disabled", {"label": text})
        return self._piece(Spoken(text))

    def _say(self, pieces: list[_Piece], *, remember: bool = True, force: bool = False) -> None:
        if not pieces or not (self._enabled or force):
            return
        if remember:
            self._last = tuple(pieces)
        self._paused = False
        withheld = 0
        runs: list[tuple[str, list[str]]] = []
        for piece in pieces:
            if piece.item.personal and not self.private_allowed:
                withheld += 1
                text, language = self._translator.text(WITHHELD, piece.language), piece.language
                if runs and runs[-1][0] == language and runs[-1][1][-1] == text:
                    continue  # several personal lines in a row: say the notice once
            else:
                text, language = self._text(piece), piece.language
            if runs and runs[-1][0] == language:
                runs[-1][1].append(text)
            else:
                runs.append((language, [text]))
        log.info("voice: %d pieces to %s, %d withheld", len(pieces), self.route.value, withheld)
        for number, (language, texts) in enumerate(runs):
            self._speaker.say(_join(texts, language), language, route=self.route, interrupt=number == 0)

    def _text(self, piece: _Piece) -> str:
        text = piece.item.text
        return self._translator.text(text, piece.language) if isinstance(text, Text) else str(text)


def _control_state(action: Action) -> tuple[Text | str, bool | None, bool]:
    return (action.literal or action.label, action.checked, action.enabled)


def _join(texts: list[str], language: str) -> str:
    """Pieces as one text, with a sentence end between pieces that lack one (a pause when spoken)."""
    separator = "。" if language.startswith("zh") else ". "
    out = ""
    for text in (t.strip() for t in texts):
        if not text:
            continue
        if out and not out.endswith(_ENDINGS):
            out += separator
        elif out and separator == ". ":
            out += " "
        out += text
    return out
