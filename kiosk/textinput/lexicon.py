"""The pinyin lexicon in memory, loaded from a cache that is built once per set of sources.

The cache is a ``marshal`` file (fast to load, and unlike pickle it cannot run code) in the user
cache directory, named by a digest of everything it was built from: the versions of pypinyin and
jieba, the Python version, the shipped data files, the build code and the file's layout. A file
lock keeps two processes from building it at once; the file appears atomically.

The file is a run of records, not one object: reading 17 MB in one ``marshal.loads`` held the
interpreter for half a second, so a touch during the background warm-up froze the screen that
long. Between two records of a few thousand keys the reader pauses and the UI thread gets its turn.
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import importlib.util
import marshal
import os
import struct
import sys
import tempfile
import threading
import time
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from kiosk.textinput.syllables import SyllableTable

if TYPE_CHECKING:
    from kiosk.textinput.lexicon_build import Entry, LexiconData, Reading, Scored


SOURCE_PACKAGES = ("pypinyin", "jieba", "ngender")
#: The cache file's layout (part of its name): the header's size, the header, the index's records.
CACHE_FORMAT = "records-2"
#: About this much of the index per record: some 7 ms of the UI thread's time on a development machine.
RECORD_BYTES = 256 * 1024
_HEADER_SIZE = struct.Struct("<I")
#: A pause after each record: the UI thread, waiting for the interpreter, gets it then (a frame's
#: worth of work), rather than once in a while between records.
YIELD_S = 0.001
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
    for part in (*versions, sys.version.split()[0], CACHE_FORMAT):
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

                write_cache(path, lexicon_build.build())
                for stale in path.parent.glob("lexicon-*.marshal"):
                    if stale != path:
                        stale.unlink(missing_ok=True)
    # A million new objects would set off full collections on the way, each over everything the
    # app holds (a tenth of a second and more of a frozen screen); they live as long as the process,
    # so the collector sits out the load and stops looking at them after it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        loaded = Lexicon(read_cache(path))
        gc.freeze()
    finally:
        if enabled:
            gc.enable()
    return loaded


def write_cache(path: Path, data: LexiconData) -> None:
    """Write ``data`` as a header (all but the index, and its records' sizes), then the index in records."""
    records: list[bytes] = []
    part: dict[str, Any] = {}
    size = 0
    for key, readings in data["index"].items():
        part[key] = readings
        size += len(marshal.dumps(readings))
        if size >= RECORD_BYTES:
            records.append(marshal.dumps(part))
            part, size = {}, 0
    records.append(marshal.dumps(part))
    header = {name: value for name, value in data.items() if name != "index"}
    header["index_records"] = [len(record) for record in records]
    encoded = marshal.dumps(header)
    _write_atomically(path, b"".join((_HEADER_SIZE.pack(len(encoded)), encoded, *records)))


def read_cache(path: Path) -> LexiconData:
    """Read what :func:`write_cache` wrote: the file at once (the read lets other threads run), then a record at a time."""
    content = memoryview(path.read_bytes())
    offset = _HEADER_SIZE.size + _HEADER_SIZE.unpack_from(content)[0]
    data = marshal.loads(content[_HEADER_SIZE.size:offset])
    index: dict[str, Any] = {}
    for size in data.pop("index_records"):
        index.update(marshal.loads(content[offset:offset + size]))
        offset += size
        time.sleep(YIELD_S)
    data["index"] = index
    return data  # type: ignore[no-any-return]


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
