"""Which characters the printed documents can show, without importing reportlab.

The documents use reportlab's ``STSong-Light`` CID font, whose Unicode map (Adobe ``UniGB-UCS2-H``)
covers GBK except for a few code points; a character outside it prints as an empty box. The middle dot
of transliterated names (阿依古丽·买买提) is one of them as U+00B7, so it and its look-alikes print as
the katakana middle dot U+30FB, which the map has; the other gaps are refused when the text is entered.
"""

from __future__ import annotations

_SUBSTITUTES = str.maketrans({"\u00b7": "\u30fb", "\u2022": "\u30fb", "\u2027": "\u30fb", "\uff65": "\u30fb"})
_GBK_GAPS = frozenset(
    chr(code)
    for code in (
        0x7F, 0x144, 0x148, 0x251, 0x261, 0xF979, 0xF995, 0xF9E7, 0xF9F1, 0xFA0C,
        *range(0xFE31, 0xFE45),
    )
)
"""GBK characters without a mapping in UniGB-UCS2-H (read from poppler-data's copy of the CMap)."""


def for_print(text: str) -> str:
    """``text`` with the look-alike substitutions applied, ready for the document font."""
    return text.translate(_SUBSTITUTES)


def unprintable(text: str) -> str:
    """The distinct characters of ``text`` that would print as empty boxes, in order of appearance."""
    return "".join(dict.fromkeys(c for c in for_print(text) if not _printable(c)))


def _printable(char: str) -> bool:
    if char == "\u30fb":
        return True
    if char in _GBK_GAPS:
        return False
    try:
        char.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True
