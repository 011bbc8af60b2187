"""Pinyin input method: typed letters to ranked hanzi candidates.

Letters become a lattice of syllable tokens (:mod:`kiosk.textinput.syllables`); every run of tokens
that spells a lexicon word, or a surname with a given name, is an edge scored by log frequency.
The best few paths through all the letters are the phrase candidates, so phrases that no dictionary
lists (机动车交通事故责任纠纷) are composed from words; then come words and characters for the first
part of the letters, which the visitor picks to type a phrase piece by piece.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass, replace

from kiosk.textinput import lexicon as lexicon_module
from kiosk.textinput.lexicon import Lexicon
from kiosk.textinput.syllables import SEPARATOR, Token

# Log-probability cost of each syllable given only by its first letters: a reading spelled out in
# full beats one that merely abbreviates, unless the abbreviated word is far more frequent.
ABBREVIATION_PENALTY = 4.0
# Each word boundary costs this much, so long words and names beat strings of frequent characters.
WORD_PENALTY = 2.0
# Each word typed only by initials costs this more, so ``rml`` is 人民路 rather than 人民+了.
INITIALS_WORD_PENALTY = 3.0
# And a function word (这种, 所以) typed by initials this much more: form fields want content words.
INITIALS_FUNCTION_WORD_PENALTY = 3.0
# Each syllable earns this, so ``xian`` also offers the two-syllable 西安.
SYLLABLE_BONUS = 2.0
# Phrase candidates kept per lattice position.
PATHS_KEPT = 5
# Phrases scoring this much below the best are not worth a place before the words.
PHRASE_MARGIN = 6.0
# Edges kept per span of letters: the start of the input keeps enough for paging through
# characters; inner spans only need enough for the best paths.
FIRST_SPAN_EDGES = 300
INNER_SPAN_EDGES = 8
NAME_CHARS_TRIED = 5
# The place (from 0) the best person name is given when it ranks lower.
NAME_SLOT = 3
# ... unless it scores this much below the first candidate (朱昂 for ``zhuang``).
NAME_SLOT_MARGIN = 4.0
# Bonus for a word the visitor already chose during this visit.
PREFERENCE_BONUS = 12.0
LOOKUP_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate text and how many of the typed letters it stands for."""

    text: str
    consumed: int
    score: float


@dataclass(frozen=True, slots=True)
class _Edge:
    start: int
    end: int
    text: str
    score: float
    is_name: bool = False


def normalise(letters: str) -> str:
    """Lower-case letters and separators only; leading separators dropped."""
    kept = "".join(c for c in letters.lower() if "a" <= c <= "z" or c == SEPARATOR)
    return kept.lstrip(SEPARATOR)


def lookup(
    letters: str,
    limit: int = LOOKUP_LIMIT,
    *,
    lexicon: Lexicon | None = None,
    preferred: Mapping[str, int] | None = None,
) -> list[Candidate]:
    """Candidates for ``letters`` (already normalised): phrases for all the letters first, then
    words for their first part; a person name is kept among the first few."""
    if not letters:
        return []
    lexicon = lexicon or lexicon_module.shared()
    lattice = lexicon.table.lattice(letters)
    if 0 not in lattice:
        return []
    edges = _edges(lexicon, lattice, preferred or {})
    end = len(letters)
    paths = _best_paths(edges, end)
    found: list[Candidate] = []
    seen: set[str] = set()
    phrases = paths.get(0, [])
    for score, text in phrases:
        if score >= phrases[0][0] - PHRASE_MARGIN and text not in seen:
            seen.add(text)
            found.append(Candidate(text, end, score))
    firsts = sorted(
        (e for e in edges.get(0, []) if e.end in paths and not (e.is_name and e.end != end)),
        key=lambda e: -(e.score + paths[e.end][0][0]),
    )
    for edge in firsts:
        if edge.text not in seen:
            seen.add(edge.text)
            found.append(Candidate(edge.text, edge.end, edge.score))
        if len(found) >= limit:
            break
    _give_a_name_its_slot(found, edges.get(0, []), end)
    return found[:limit]


def _give_a_name_its_slot(found: list[Candidate], firsts: list[_Edge], end: int) -> None:
    """Moves the likeliest person name for all the letters up to :data:`NAME_SLOT`.

    Visitors type the names of parties in nearly every journey, and a name rarely beats common
    words on frequency alone.
    """
    names = [e for e in firsts if e.is_name and e.end == end]
    if not names:
        return
    best = max(names, key=lambda e: e.score)
    if not found or best.score < found[0].score - NAME_SLOT_MARGIN:
        return
    position = next((i for i, c in enumerate(found) if c.text == best.text), len(found))
    if position > NAME_SLOT:
        if position < len(found):
            del found[position]
        found.insert(NAME_SLOT, Candidate(best.text, end, best.score))


def candidates(letters: str, limit: int = 10) -> list[str]:
    """Candidate texts for letters as typed (no tones, no separators needed), best first."""
    return [c.text for c in lookup(normalise(letters), limit)]


class CandidatePager:
    """Pages through the candidates of one input, as the keyboard's candidate bar shows them."""

    def __init__(
        self,
        letters: str,
        page_size: int = 8,
        *,
        lexicon: Lexicon | None = None,
        preferred: Mapping[str, int] | None = None,
    ) -> None:
        if page_size < 1:
            raise ValueError("page_size must be positive")
        self.page_size = page_size
        self.page_number = 0
        self._all = lookup(normalise(letters), lexicon=lexicon, preferred=preferred)

    @property
    def page_count(self) -> int:
        """Number of pages; at least one, even when there is nothing to show."""
        return max(1, -(-len(self._all) // self.page_size))

    def page(self) -> list[Candidate]:
        """The candidates on the current page."""
        first = self.page_number * self.page_size
        return self._all[first : first + self.page_size]

    def has_next(self) -> bool:
        """Whether a later page exists."""
        return self.page_number + 1 < self.page_count

    def has_previous(self) -> bool:
        """Whether an earlier page exists."""
        return self.page_number > 0

    def next(self) -> list[Candidate]:
        """Moves to the next page, staying on the last one."""
        self.page_number = min(self.page_number + 1, self.page_count - 1)
        return self.page()

    def previous(self) -> list[Candidate]:
        """Moves to the previous page, staying on the first one."""
        self.page_number = max(self.page_number - 1, 0)
        return self.page()


def _edges(
    lexicon: Lexicon, lattice: dict[int, list[Token]], preferred: Mapping[str, int]
) -> dict[int, list[_Edge]]:
    """Every word and name spelled by a run of tokens, grouped by start position."""
    by_start: dict[int, list[_Edge]] = {}
    for start in lattice:
        found: dict[tuple[int, str], _Edge] = {}
        cap = FIRST_SPAN_EDGES if start == 0 else INNER_SPAN_EDGES
        stack: list[tuple[int, str, tuple[Token, ...]]] = [(start, "", ())]
        while stack:
            position, key, tokens = stack.pop()
            for token in lattice.get(position, ()):
                longer_key = key + token.text[0]
                if not lexicon.continues(longer_key):
                    continue
                path = (*tokens, token)
                spelled = any(t.exact for t in path)
                spelling = sum(_token_score(t) for t in path) - WORD_PENALTY - _terse(spelled)
                for word, score in _spelled(lexicon, longer_key, path, cap):
                    if not spelled and word in lexicon.function_words:
                        score -= INITIALS_FUNCTION_WORD_PENALTY
                    _keep(found, _Edge(start, token.end, word, score + spelling))
                stack.append((token.end, longer_key, path))
        for edge in _names(lexicon, lattice, start):
            _keep(found, edge)
        by_start[start] = [
            replace(e, score=e.score + PREFERENCE_BONUS) if e.text in preferred else e
            for e in found.values()
        ]
    return by_start


def _spelled(
    lexicon: Lexicon, key: str, path: tuple[Token, ...], cap: int
) -> list[tuple[str, float]]:
    """The ``cap`` most frequent words whose reading the tokens spell."""
    if all(t.exact for t in path):
        return lexicon.words(tuple(t.text for t in path))[:cap]
    matching = [
        words[:cap]
        for reading, words in lexicon.readings(key)
        if all(t.matches(s) for t, s in zip(path, reading, strict=True))
    ]
    if len(matching) == 1:
        return matching[0]
    return heapq.nlargest(cap, (w for words in matching for w in words), key=lambda w: w[1])


def _keep(found: dict[tuple[int, str], _Edge], edge: _Edge) -> None:
    key = (edge.end, edge.text)
    if key not in found or found[key].score < edge.score:
        found[key] = edge


def _names(lexicon: Lexicon, lattice: dict[int, list[Token]], start: int) -> list[_Edge]:
    """Surname plus a one- or two-character given name, scored by a simple name model."""
    edges: list[_Edge] = []
    for surname, after, surname_score, surname_spelled in _surnames(lexicon, lattice, start):
        for first in lattice.get(after, ()):
            spelled = surname_spelled or first.exact
            for char, char_score in _given(lexicon, first):
                head = surname_score + char_score
                score = head - _terse(spelled)
                edges.append(_Edge(start, first.end, surname + char, score, is_name=True))
                for second in lattice.get(first.end, ()):
                    for char2, char2_score in _given(lexicon, second):
                        score = head + char2_score - _terse(spelled or second.exact)
                        text = surname + char + char2
                        edges.append(_Edge(start, second.end, text, score, is_name=True))
    return edges


def _surnames(
    lexicon: Lexicon, lattice: dict[int, list[Token]], start: int
) -> list[tuple[str, int, float, bool]]:
    """Surnames spelled from ``start``: text, end, score, whether any syllable is spelled out."""
    found = []
    for token in lattice.get(start, ()):
        paths = [(token,)] + [(token, t) for t in lattice.get(token.end, ())]
        for path in paths:
            key = "".join(t.text[0] for t in path)
            spelling = sum(_token_score(t) for t in path) - WORD_PENALTY
            spelled = any(t.exact for t in path)
            matching = [
                (surname, path[-1].end, lexicon.name_share + score + spelling, spelled)
                for surname, reading, score in lexicon.surnames(key)
                if all(t.matches(s) for t, s in zip(path, reading, strict=True))
            ]
            found.extend(matching[:NAME_CHARS_TRIED])
    return found


def _given(lexicon: Lexicon, token: Token) -> list[tuple[str, float]]:
    spelling = _token_score(token)
    return [
        (char, score + spelling)
        for char, score in lexicon.given_name_chars(token.text, token.exact, NAME_CHARS_TRIED)
    ]


def _terse(spelled: bool) -> float:
    """The extra cost of a word typed only by initials (yg): they match many words at random."""
    return 0.0 if spelled else INITIALS_WORD_PENALTY


def _token_score(token: Token) -> float:
    """What a token adds to the score of a word besides the word's frequency."""
    return SYLLABLE_BONUS - (0.0 if token.exact else ABBREVIATION_PENALTY)


def _best_paths(edges: dict[int, list[_Edge]], end: int) -> dict[int, list[tuple[float, str]]]:
    """For each position, the best few texts from there to the end of the letters."""
    paths: dict[int, list[tuple[float, str]]] = {end: [(0.0, "")]}
    for start in sorted(edges, reverse=True):
        options: dict[str, float] = {}
        per_end: dict[int, int] = {}
        for edge in sorted(edges[start], key=lambda e: -e.score):
            per_end[edge.end] = per_end.get(edge.end, 0) + 1
            if per_end[edge.end] > INNER_SPAN_EDGES:
                continue
            for rest_score, rest_text in paths.get(edge.end, ()):
                text = edge.text + rest_text
                score = edge.score + rest_score
                if score > options.get(text, float("-inf")):
                    options[text] = score
        if options:
            best = heapq.nlargest(PATHS_KEPT, options.items(), key=lambda item: item[1])
            paths[start] = [(score, text) for text, score in best]
    return paths
