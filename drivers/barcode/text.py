"""Turning a QR code's raw bytes into the text its author meant.

A QR byte segment without an ECI header does not say its character set. zxing-cpp then guesses
between UTF-8, Shift_JIS and ISO-8859-1, which garbles the GBK payloads many Chinese systems still
write (``北京市`` comes out as ``ｱｱｾｩﾊﾐ``). When zxing-cpp's text is exactly such a guess, the bytes are
re-read in the kiosk's legacy encoding (GB 18030, a superset of GBK and GB 2312), unless the
Shift_JIS reading is recognisably Japanese. Text from ECI-labelled, Kanji-mode or Hanzi-mode
segments is left as decoded.
"""

from __future__ import annotations

import re

#: Encoding assumed for unlabelled, non-UTF-8 QR byte segments; GB 18030 reads GBK and GB 2312 too.
DEFAULT_LEGACY_ENCODING = "gb18030"

_HALFWIDTH_KATAKANA = re.compile("[\uff61-\uff9f]")
_KANA = re.compile("[\u3041-\u30ff]")
# A halfwidth voiced or semi-voiced mark right after a kana that takes it: real Japanese, whereas
# GBK bytes read as Shift_JIS produce these marks after arbitrary kana.
_VOICED_HALFWIDTH = re.compile("[\uff73\uff76-\uff84\uff8a-\uff8e]\uff9e|[\uff8a-\uff8e]\uff9f")


def _decodes_as(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _is_misguessed(text: str, raw: bytes) -> bool:
    """True when ``text`` is zxing-cpp's Latin-1 or Shift_JIS guess that is unlikely to be meant."""
    if text == raw.decode("latin-1"):
        return True
    if text not in {_decodes_as(raw, "shift_jis"), _decodes_as(raw, "cp932")}:
        return False
    # Kanji-mode segments never hold halfwidth katakana; a GBK misreading nearly always does.
    if not _HALFWIDTH_KATAKANA.search(text):
        return False
    return not (_KANA.search(text) or _VOICED_HALFWIDTH.search(text))


def repair_qr_text(text: str, raw: bytes, legacy_encoding: str = DEFAULT_LEGACY_ENCODING) -> str:
    """The payload text of a QR code given zxing-cpp's plain-mode ``text`` and its raw ``bytes``."""
    if raw.isascii() or _decodes_as(raw, "utf-8") is not None:
        return text
    if not _is_misguessed(text, raw):
        return text
    return _decodes_as(raw, legacy_encoding) or text
