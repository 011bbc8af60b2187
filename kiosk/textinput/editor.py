"""Editing one field with the on-screen keyboard: what each key does to the text.

The Kivy keyboard only shows :class:`FieldEditor`'s layout and candidates and hands it the keys
touched; everything a key means — pinyin letters going to the composer, a pad refusing a key that
can never be right, handwriting turning strokes into candidates — happens here, without Kivy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kiosk.textinput import handwriting
from kiosk.textinput.composer import Composer
from kiosk.textinput.layouts import Action, FieldType, Key, Layout, LayoutName, layouts_for
from kiosk.textinput.pads import BACKSPACE, CLEAR, AmountPad, CaseNumberPad, IdNumberPad, Pad, PhonePad, Status

#: Pads for the fields whose every key is checked as it is pressed.
PADS: dict[LayoutName, type[Pad]] = {
    LayoutName.ID_NUMBER: IdNumberPad,
    LayoutName.AMOUNT: AmountPad,
    LayoutName.PHONE: PhonePad,
    LayoutName.CASE_NUMBER: CaseNumberPad,
}
MAX_CHARS = 5000
CANDIDATES_SHOWN = 8
#: Keypad digits that pick candidates 1 to 9 of the bar on show.
CANDIDATE_DIGITS = frozenset("123456789")
Stroke = Sequence[tuple[float, float]]


class FieldEditor:
    """The text of one field and the keyboard state around it (layout, pinyin letters, strokes)."""

    def __init__(self, kind: FieldType, value: str = "", *, today: date | None = None,
                 composer: Composer | None = None) -> None:
        self.layouts = layouts_for(kind, today)
        self.layout: Layout = self.layouts[0]
        self.composer = composer or Composer(page_size=CANDIDATES_SHOWN)
        self.shift = False
        self._pad: Pad | None = None
        self._text = value
        self._strokes: list[list[tuple[float, float]]] = []
        self._written: list[str] = []
        self._use_pad()

    # --- what the keyboard shows --------------------------------------------------------------

    @property
    def value(self) -> str:
        """The field's text."""
        return self._pad.text if self._pad else self._text

    @property
    def letters(self) -> str:
        """Pinyin letters typed and not yet converted."""
        return self.composer.letters

    @property
    def candidates(self) -> list[str]:
        """What the candidate bar offers: pinyin words, or characters recognised from strokes."""
        if self.layout.name is LayoutName.HANDWRITING:
            return list(self._written)
        return [candidate.text for candidate in self.composer.candidates()]

    @property
    def problem(self) -> str | None:
        """A pad's message key when what was typed cannot be right."""
        if self._pad is not None and self._pad.status is Status.INVALID:
            return self._pad.problem
        return None

    # --- what the visitor does ----------------------------------------------------------------

    def press(self, key: Key) -> bool:
        """Apply a touched key; True when the field's text changed."""
        before = self.value
        if key.action is None:
            self._type(key.value)
        else:
            self._act(key)
        return self.value != before

    def choose(self, index: int) -> bool:
        """Put candidate ``index`` of the bar into the field."""
        if self.layout.name is LayoutName.HANDWRITING:
            if not 0 <= index < len(self._written):
                return False
            self._append(self._written[index])
            self._strokes.clear()
            self._written = []
            return True
        if not 0 <= index < len(self.composer.candidates()):
            return False
        self._append(self.composer.choose(index).committed)
        return True

    def type_character(self, character: str) -> bool:
        """A key of the tactile keypad (its digits, X, the point). While candidates are on show, 1–9
        picks one, as phone and desktop input methods do; otherwise the character is typed if one
        of the field's layouts has it (a digit in an address, never in a name). True when the text
        changed."""
        if self.candidates:
            return character in CANDIDATE_DIGITS and self.choose(int(character) - 1)
        if self.composer.active or not any(
                key.action is None and key.label == character for layout in self.layouts for key in layout.keys()):
            return False
        before = self.value
        if self._pad is not None:
            self._pad.press(character)
        else:
            self._append(character)
        return self.value != before

    def write(self, strokes: Sequence[Stroke], width: float, height: float) -> list[str]:
        """The strokes written so far in the writing box (y downwards); returns the new candidates."""
        self._strokes = [list(stroke) for stroke in strokes if stroke]
        self._written = handwriting.recognize(self._strokes, width, height, CANDIDATES_SHOWN) if self._strokes else []
        return self._written

    # --- key handling -------------------------------------------------------------------------

    def _type(self, text: str) -> None:
        if self._pad is not None:
            self._pad.press(text)
        elif self.layout.name is LayoutName.PINYIN and (text.isascii() and text.isalpha() or text == "'"):
            self.composer.type(text)
        elif self.layout.name is LayoutName.LATIN and self.shift:
            self._append(text.upper())
            self.shift = False
        else:
            self._append(text)

    def _act(self, key: Key) -> None:
        action = key.action
        if action is Action.SWITCH and key.target is not None:
            self._switch(key.target)
        elif action is Action.BACKSPACE:
            self._backspace()
        elif action is Action.CLEAR:
            self._clear()
        elif action is Action.SPACE:
            if self.composer.active:
                self.choose(0)
            else:
                self._append(" ")
        elif action is Action.ENTER and self.composer.active:
            self._append(self.composer.commit_letters())
        elif action is Action.SHIFT:
            self.shift = not self.shift
        elif action is Action.NEXT_PAGE:
            self.composer.next_page()
        elif action is Action.PREVIOUS_PAGE:
            self.composer.previous_page()
        elif action is Action.CLEAR_WRITING:
            self._strokes.clear()
            self._written = []

    def _switch(self, target: LayoutName) -> None:
        text = self.value
        self.composer.clear()
        self._strokes.clear()
        self._written = []
        self.layout = next(layout for layout in self.layouts if layout.name is target)
        self._text = text
        self._use_pad()

    def _use_pad(self) -> None:
        pad_type = PADS.get(self.layout.name)
        self._pad = pad_type(chunks=list(self._text)) if pad_type else None

    def _backspace(self) -> None:
        if self.composer.backspace():
            return
        if self._pad is not None:
            self._pad.press(BACKSPACE)
        else:
            self._text = self._text[:-1]

    def _clear(self) -> None:
        self.composer.clear()
        if self._pad is not None:
            self._pad.press(CLEAR)
        else:
            self._text = ""

    def _append(self, text: str) -> None:
        self._text = (self._text + text)[:MAX_CHARS]
