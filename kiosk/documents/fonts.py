"""The one font of printed documents: WenQuanYi Zen Hei, embedded in every PDF the kiosk renders.

A font the PDF only names (reportlab's CID font ``STSong-Light``) is substituted by Ghostscript in the
CUPS filter chain and prints as the wrong glyphs, so the documents carry their own. reportlab embeds
TrueType outlines only (Noto Sans CJK is CFF), and of the TrueType fonts Debian packages for Chinese,
Zen Hei is the one that covers all of GB 18030's mandatory ideographs (the basic block and extension A,
which rare characters in names need): AR PL UMing lacks about 2,200 of GBK's ideographs, WenQuanYi
Micro Hei all of extension A.

The file is the copy the frozen build ships in ``assets/fonts/``, else the one fontconfig knows.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kiosk.paths import ASSETS_DIR

CJK_FONT = "WenQuanYiZenHei"
"""The name the font is registered under in reportlab (and the PostScript name it has in the PDF)."""
FONT_FAMILY = "WenQuanYi Zen Hei"
FONT_PACKAGE = "fonts-wqy-zenhei"
SHIPPED_FONT = ASSETS_DIR / "fonts" / "wqy-zenhei.ttc"
"""Where the packaging step puts a copy; the proportional face is the first of the collection."""
CANNOT_START_LINE = "，；：？！）》」』】〉”’"
"""Chinese closing punctuation, which must hang at the end of a line rather than start the next."""


class FontMissing(RuntimeError):
    """The document font is neither shipped nor installed, so no document can be printed."""


def find_font() -> tuple[Path, int]:
    """The font file and the index of the Zen Hei face in it: the shipped copy, else fontconfig's."""
    if SHIPPED_FONT.is_file():
        return SHIPPED_FONT, 0
    if shutil.which("fc-list"):
        found = subprocess.run(
            ["fc-list", "-f", "%{file}|%{index}\n", f":family={FONT_FAMILY}"],
            capture_output=True, text=True, check=False,
        )
        for line in sorted(found.stdout.splitlines()):
            file, _, index = line.partition("|")
            if Path(file).is_file():
                return Path(file), int(index or 0)
    raise FontMissing(
        f"no document font: install the Debian package {FONT_PACKAGE} (scripts/install-system-packages.sh) "
        f"or ship its wqy-zenhei.ttc as {SHIPPED_FONT}"
    )


@cache
def _font() -> TTFont:
    path, index = find_font()
    return TTFont(CJK_FONT, str(path), subfontIndex=index)


@cache
def cjk_font() -> str:
    """Register the embedded font once per process and return its name.

    Also completes reportlab's tables of characters that may not start a line (one for one-style
    paragraphs, one for mixed ones): they list the Japanese set and the ASCII comma but not the
    full-width comma or semicolon, so Chinese text wrapped with a line opening on "，", a typesetting
    error no court document has.
    """
    from reportlab.lib import textsplit  # noqa: PLC0415 - platypus only when a document is laid out
    from reportlab.platypus import paragraph  # noqa: PLC0415 - likewise

    pdfmetrics.registerFont(_font())
    for module in (textsplit, paragraph):
        module.ALL_CANNOT_START += "".join(c for c in CANNOT_START_LINE if c not in module.ALL_CANNOT_START)
    return CJK_FONT


@cache
def drawn_characters() -> frozenset[str]:
    """The characters the font draws: in its cmap with an outline, or a space (which has none).

    Read from the font rather than listed by hand, so what a visitor may enter is exactly what prints;
    a few cmap entries point at empty glyphs and would print as nothing.
    """
    face = _font().face
    long_offsets = struct.unpack(">h", face.get_table("head")[50:52])[0] == 1
    loca = face.get_table("loca")
    offsets = struct.unpack(f">{face.numGlyphs + 1}{'L' if long_offsets else 'H'}",
                            loca[: (face.numGlyphs + 1) * (4 if long_offsets else 2)])
    drawn = set()
    for code, glyph in face.charToGlyph.items():
        char = chr(code)
        category = unicodedata.category(char)
        if category[0] == "C":
            continue
        if category == "Zs" or (glyph < face.numGlyphs and offsets[glyph + 1] > offsets[glyph]):
            drawn.add(char)
    return frozenset(drawn)


class CjkCanvas(Canvas):
    """A canvas whose initial font is the embedded one, so no PDF names an unembedded Helvetica.

    Platypus document templates pass ``initialFontName=None``, hence the replacement of a None too.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = kwargs.get("initialFontName") or cjk_font()
        super().__init__(*args, **kwargs)
