"""Pinyin syllables and the token lattice of a string of typed letters.

Visitors type letters without tones or separators, so one string splits into syllables in several
ways (``xian`` is 先 or 西安) and any consonant may stand for a whole syllable (``yg`` → 原告).
The lattice keeps every reading; the lexicon decides which ones make words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

INITIALS: frozenset[str] = frozenset(
    "b p m f d t n l g k h j q x zh ch sh r z c s y w".split()
)

# Interjection-only readings (嗯 n, 呣 m, 哼 hng) would shadow the initials n and m.
_EXCLUDED = frozenset({"m", "n", "ng", "hm", "hng"})

# ü after n and l is typed as v by the book but as u by many visitors.
ALIASES: dict[str, str] = {"lue": "lve", "nue": "nve"}

SEPARATOR = "'"
_VOWELS = frozenset("aeiouv")


def toneless_syllables(readings: Iterable[str]) -> frozenset[str]:
    """The typeable syllables among toneless readings (ü written v)."""
    return frozenset(
        r for r in readings if r.isascii() and r.isalpha() and r not in _EXCLUDED
    )


@dataclass(frozen=True, slots=True)
class Token:
    """Letters ``start:end`` read as ``text``: a whole syllable, or the start of one."""

    start: int
    end: int
    text: str
    exact: bool

    def matches(self, syllable: str) -> bool:
        """Whether a lexicon syllable is what the visitor meant by these letters."""
        return syllable == self.text if self.exact else syllable.startswith(self.text)


class SyllableTable:
    """Splits typed letters into tokens; built once from the lexicon's syllable inventory."""

    def __init__(self, syllables: Iterable[str]) -> None:
        self.syllables = frozenset(syllables)
        spelled = self.syllables | ALIASES.keys()
        self._longest = max(len(s) for s in spelled)
        self._proper_prefixes = frozenset(
            s[:k] for s in self.syllables for k in range(1, len(s))
        )
        self._spelled = {s: ALIASES.get(s, s) for s in spelled}
        self._spelling_starts = self._proper_prefixes | spelled

    def tokens_from(self, letters: str, start: int) -> list[Token]:
        """Every token that begins at ``start``; a prefix token only where the letters end.

        An initial alone abbreviates a syllable, except before a vowel that continues its spelling
        (``dai`` is not d+ai, but ``xa`` is x+a: 西安, and ``sh`` may be s+h: 上海).
        A token swallows the separators that follow it, so ``xi'an`` has no gap in its lattice.
        """
        found: list[Token] = []
        end_of_input = len(letters.rstrip(SEPARATOR))
        for end in range(start + 1, min(end_of_input, start + self._longest) + 1):
            piece = letters[start:end]
            if SEPARATOR in piece:
                break
            after = end
            while after < len(letters) and letters[after] == SEPARATOR:
                after += 1
            syllable = self._spelled.get(piece)
            if syllable is not None:
                found.append(Token(start, after, syllable, exact=True))
            if piece in INITIALS and not self._spells_on(letters, start, end):
                found.append(Token(start, after, piece, exact=False))
            elif end == end_of_input and piece in self._proper_prefixes:
                found.append(Token(start, after, piece, exact=False))
        return found

    def _spells_on(self, letters: str, start: int, end: int) -> bool:
        """Whether the vowel after an initial continues its syllable (d+ai is dai; x+a is not)."""
        return letters[end : end + 1] in _VOWELS and letters[start : end + 1] in self._spelling_starts

    def lattice(self, letters: str) -> dict[int, list[Token]]:
        """Tokens by start position, keeping only those on some path through all the letters."""
        start = len(letters) - len(letters.lstrip(SEPARATOR))
        by_start: dict[int, list[Token]] = {}
        reachable = {start}
        for position in range(start, len(letters)):
            if position in reachable:
                tokens = self.tokens_from(letters, position)
                by_start[position] = tokens
                reachable.update(t.end for t in tokens)
        completes = {len(letters)}
        for position in sorted(by_start, reverse=True):
            if any(t.end in completes for t in by_start[position]):
                completes.add(position)
        return {
            position: [t for t in tokens if t.end in completes]
            for position, tokens in by_start.items()
            if position in completes
        }
