"""Which characters the printed documents can show: those the embedded font draws (``fonts``).

The set is read from the font itself, so an answer is refused exactly when a character of it would
print as an empty box. Look-alikes of the middle dot of transliterated names (阿依古丽·买买提), most of
which the font lacks, print as U+00B7, the code point GB 18030 gives that 间隔号, so one name always
prints and reads back from the PDF's text the same way.
"""

from __future__ import annotations

_SUBSTITUTES = str.maketrans({"\u2022": "\u00b7", "\u2027": "\u00b7", "\u30fb": "\u00b7", "\uff65": "\u00b7"})


def for_print(text: str) -> str:
    """``text`` with the look-alike substitutions applied, ready for the document font."""
    return text.translate(_SUBSTITUTES)


def unprintable(text: str) -> str:
    """The distinct characters of ``text`` that would print as empty boxes, in order of appearance."""
    from kiosk.documents.fonts import drawn_characters  # noqa: PLC0415 - reportlab only once an answer is checked

    drawn = drawn_characters()
    return "".join(dict.fromkeys(c for c in for_print(text) if c not in drawn and c != "\n"))
