"""The pinyin lexicon in memory, loaded from a cache that is built once per set of sources.

The cache is a ``marshal`` file (fast to load, and unlike pickle it cannot run code) in the user
cache directory, named by a digest of everything it was built from: the versions of pypinyin and
jieba, the Python version, the shipped data files and the build code. A file lock keeps two
processes from building it at once; the file appears atomically.
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
import threading
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from kiosk.textinput.syllables import SyllableTable

if TYPE_CHECKING:
    from kiosk.textinput.lexicon_build import Entry, LexiconData, Reading, Scored


SOURCE_PACKAGES = ("pypinyin", "jieba", "ngender")
_DATA_FILES = ("court_words.txt", "surnames.txt")
_BUILD_SOURCES = ("lexicon_build.py", "syllables.py")


class Lexicon:
    """Words, characters and name statistics indexed by the first letters of their syllables."""

    def __init__(self, data: LexiconData) -> None:
        self.table = SyllableTable(data["syllables"])
        self._index = data["index"]
        self._surnames = data["surnames"]
        self._given = data["given"]
        self.name_share = data["name_share"]
        self.function_words = frozenset(data["function_words"])
        self._key_prefixes = frozenset(
            key[:k] for key in self._index for k in range(1, len(key) + 1)
        )
        self._by_reading = {
            reading: words for readings in self._index.values() for reading, words in readings
        }
        self._given_best: dict[tuple[str, bool, int], list[tuple[str, float]]] = {}

    def continues(self, key: str) -> bool:
        """Whether some word's key starts with ``key`` (prunes the search)."""
        return key in self._key_prefixes

    def readings(self, key: str) -> list[tuple[Reading, Scored]]:
        """Readings with exactly this key, each with its words, most frequent first."""
        return self._index.get(key, [])

    def words(self, reading: Reading) -> Scored:
        """Words read exactly so, most frequent first."""
        return self._by_reading.get(reading, [])

    def surnames(self, key: str) -> list[Entry]:
        """Surnames (one or two characters) with this key, most common first."""
        return self._surnames.get(key, [])

    def given_name_chars(self, spelled: str, exact: bool, count: int) -> list[tuple[str, float]]:
        """The ``count`` commonest given-name characters read ``spelled`` (or starting so)."""
        key = (spelled, exact, count)
        if key not in self._given_best:
            self._given_best[key] = [
                (char, score)
                for char, reading, score in self._given.get(spelled[0], [])
                if (reading[0] == spelled if exact else reading[0].startswith(spelled))
            ][:count]
        return self._given_best[key]


def default_cache_dir() -> Path:
    """Where the built lexicon lives unless the caller says otherwise."""
    return Path(platformdirs.user_cache_dir("courtkiosk")) / "pinyin"


def source_digest() -> str:
    """Names a cache file by everything that shapes its content."""
    digest = hashlib.sha256()
    try:
        versions = [metadata.version(p) for p in SOURCE_PACKAGES]
    except metadata.PackageNotFoundError as missing:
        raise RuntimeError(
            f"the pinyin lexicon is built from the packages {', '.join(SOURCE_PACKAGES)}; "
            f"{missing.name} is not installed"
        ) from None
    for part in (*versions, sys.version.split()[0]):
        digest.update(part.encode())
    package = resources.files("kiosk.textinput")
    for name in _DATA_FILES:
        digest.update(package.joinpath("data", name).read_bytes())
    for name in _BUILD_SOURCES:
        digest.update(package.joinpath(name).read_bytes())
    jieba_spec = importlib.util.find_spec("jieba")
    if jieba_spec is None or jieba_spec.origin is None:
        raise RuntimeError("jieba is not installed; the pinyin lexicon is built from its dictionary")
    jieba_dict = Path(jieba_spec.origin).with_name("dict.txt")
    digest.update(str(jieba_dict.stat().st_size).encode())
    return digest.hexdigest()[:16]


def cache_file(cache_dir: Path | None = None) -> Path:
    """The cache file for the installed sources."""
    return (cache_dir or default_cache_dir()) / f"lexicon-{source_digest()}.marshal"


def load(cache_dir: Path | None = None) -> Lexicon:
    """Loads the lexicon, building and caching it first if no cache matches the sources."""
    path = cache_file(cache_dir)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with (path.parent / "lexicon.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not path.exists():
                from kiosk.textinput import lexicon_build  # heavy: pypinyin's dictionaries

                _write_atomically(path, marshal.dumps(dict(lexicon_build.build())))
                for stale in path.parent.glob("lexicon-*.marshal"):
                    if stale != path:
                        stale.unlink(missing_ok=True)
    loaded = Lexicon(marshal.loads(path.read_bytes()))
    # A million lexicon objects would make every full garbage collection a keystroke-long pause;
    # they live as long as the process, so the collector may stop looking at them.
    gc.freeze()
    return loaded


def _write_atomically(path: Path, content: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


_shared: Lexicon | None = None
_shared_lock = threading.Lock()


def shared() -> Lexicon:
    """The process-wide lexicon, loaded on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = load()
        return _shared


def is_loaded() -> bool:
    """Whether this process holds the lexicon already (the first keystroke then finds it ready)."""
    return _shared is not None
