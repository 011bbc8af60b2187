"""The pinyin composer behind the on-screen keyboard: letters in, chosen text out.

It holds the letters typed since the last choice and the candidate page on show. Choosing a
candidate that covers only the first letters (民间 for ``minjianjiedai``) commits it and keeps the
rest, so a phrase can be typed piece by piece. Words chosen during a visit rank first for the rest
of it; :meth:`Composer.reset` at the end of the visit forgets them, so nothing personal outlives
the visit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kiosk.textinput.lexicon import Lexicon
from kiosk.textinput.pinyin import Candidate, CandidatePager, normalise
from kiosk.textinput.syllables import SEPARATOR

MAX_LETTERS = 40


@dataclass(frozen=True)
class Choice:
    """The result of choosing a candidate: text for the field and the letters still typed."""

    committed: str
    remaining: str


class Composer:
    """State of one pinyin input session; one per keyboard, reset at the end of every visit."""

    def __init__(self, page_size: int = 8, lexicon: Lexicon | None = None) -> None:
        self.page_size = page_size
        self._lexicon = lexicon
        self._letters = ""
        self._chosen: Counter[str] = Counter()
        self._pager: CandidatePager | None = None

    @property
    def letters(self) -> str:
        """The letters typed and not yet turned into text."""
        return self._letters

    @property
    def active(self) -> bool:
        """Whether letters are waiting (the keyboard shows the candidate bar)."""
        return bool(self._letters)

    def type(self, letter: str) -> bool:
        """Adds a letter (a–z) or a syllable separator; False if refused."""
        letter = letter.lower()
        accepted = len(letter) == 1 and ("a" <= letter <= "z" or letter == SEPARATOR)
        if not accepted or len(self._letters) >= MAX_LETTERS:
            return False
        if letter == SEPARATOR and (not self._letters or self._letters.endswith(SEPARATOR)):
            return False
        self._set_letters(self._letters + letter)
        return True

    def backspace(self) -> bool:
        """Removes the last letter; False if there was none (the field deletes instead)."""
        if not self._letters:
            return False
        self._set_letters(self._letters[:-1])
        return True

    def candidates(self) -> list[Candidate]:
        """The candidates on the page on show."""
        return self._pager.page() if self._pager else []

    def next_page(self) -> list[Candidate]:
        """Shows the next page of candidates."""
        return self._pager.next() if self._pager else []

    def previous_page(self) -> list[Candidate]:
        """Shows the previous page of candidates."""
        return self._pager.previous() if self._pager else []

    @property
    def has_next_page(self) -> bool:
        return bool(self._pager and self._pager.has_next())

    @property
    def has_previous_page(self) -> bool:
        return bool(self._pager and self._pager.has_previous())

    def choose(self, index: int = 0) -> Choice:
        """Commits the candidate at ``index`` on the page; the letters it covers are used up."""
        page = self.candidates()
        if not 0 <= index < len(page):
            raise IndexError(f"no candidate {index} on this page")
        candidate = page[index]
        self._chosen[candidate.text] += 1
        remaining = self._letters[candidate.consumed :].lstrip(SEPARATOR)
        self._set_letters(remaining)
        return Choice(candidate.text, remaining)

    def commit_letters(self) -> str:
        """Gives up on conversion: the letters themselves go into the field (Enter key)."""
        letters = self._letters.replace(SEPARATOR, "")
        self._set_letters("")
        return letters

    def clear(self) -> None:
        """Drops the letters typed (the visitor leaves the field)."""
        self._set_letters("")

    def reset(self) -> None:
        """Forgets everything of this visit, including the words chosen."""
        self._chosen.clear()
        self._set_letters("")

    def _set_letters(self, letters: str) -> None:
        self._letters = normalise(letters)
        self._pager = (
            CandidatePager(
                self._letters, self.page_size, lexicon=self._lexicon, preferred=self._chosen
            )
            if self._letters
            else None
        )
