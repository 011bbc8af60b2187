"""The one font of printed documents: reportlab's built-in CID font for simplified Chinese.

``STSong-Light`` needs no font file (the PDF viewer or printer supplies the glyphs), so the kiosk ships
nothing for Chinese text in PDFs. It covers the GB character sets; answers are checked against GBK
before they get here (``kiosk.complaints.answers``).
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.lib import textsplit
from reportlab.platypus import paragraph

CJK_FONT = "STSong-Light"
CANNOT_START_LINE = "，；：？！）》」』】〉”’"
"""Chinese closing punctuation, which must hang at the end of a line rather than start the next."""


@cache
def cjk_font() -> str:
    """Register the CID font once per process and return its name.

    Also completes reportlab's tables of characters that may not start a line (one for one-style
    paragraphs, one for mixed ones): they list the Japanese set and the ASCII comma but not the
    full-width comma or semicolon, so Chinese text wrapped with a line opening on "，", a typesetting
    error no court document has.
    """
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    for module in (textsplit, paragraph):
        module.ALL_CANNOT_START += "".join(c for c in CANNOT_START_LINE if c not in module.ALL_CANNOT_START)
    return CJK_FONT
