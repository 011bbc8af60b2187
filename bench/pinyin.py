"""Pinyin IME: lexicon load time and candidate lookup time per keystroke.

Every phrase of the court phrase list is typed letter by letter, in full pinyin and by initials,
and each prefix is looked up as the keyboard would after each key. Prints the load time of the
cached lexicon (and the build time if it had to be built) and the median and 95th percentile per
keystroke. Run: ``.venv/bin/python -m bench.pinyin``.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from kiosk.textinput import lexicon, pinyin

PHRASES = Path(__file__).resolve().parent.parent / "tests/kiosk/textinput/data/court_phrases.txt"


def typed_forms() -> list[str]:
    """Each phrase's full pinyin and its initials, as a visitor would type them."""
    forms = []
    for line in PHRASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            syllables = line.split()[1:]
            forms += ["".join(syllables), "".join(s[0] for s in syllables)]
    return forms


def main() -> None:
    built = not lexicon.cache_file().exists()
    started = time.perf_counter()
    loaded = lexicon.load()
    print(f"lexicon {'built and ' if built else ''}loaded in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    lexicon.load()
    print(f"lexicon load from cache: {time.perf_counter() - started:.2f} s")
    timings = []
    for form in typed_forms():
        for end in range(1, len(form) + 1):
            started = time.perf_counter()
            pinyin.lookup(form[:end], lexicon=loaded)
            timings.append(time.perf_counter() - started)
    timings.sort()
    print(
        f"{len(timings)} keystrokes: median {statistics.median(timings) * 1000:.1f} ms, "
        f"95th percentile {timings[int(len(timings) * 0.95)] * 1000:.1f} ms, "
        f"max {timings[-1] * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
