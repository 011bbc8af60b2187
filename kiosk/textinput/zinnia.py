"""A small ctypes binding to zinnia, the handwriting recognizer Debian ships as ``libzinnia0``.

No maintained Python binding exists for Python 3.11; the C API is seven functions. The model is
the one of ``tegaki-zinnia-simplified-chinese``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from collections.abc import Sequence
from pathlib import Path

DEFAULT_MODEL = Path("/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model")
_LIBRARY_NAMES = ("zinnia", "libzinnia.so.0")

Point = tuple[float, float]


class HandwritingUnavailable(RuntimeError):
    """The recognizer library or its model is missing; the message says which package to install."""


def _load_library(path: str | None) -> ctypes.CDLL:
    candidates = [path] if path else [ctypes.util.find_library("zinnia"), *_LIBRARY_NAMES]
    for name in candidates:
        if not name:
            continue
        try:
            library = ctypes.CDLL(name)
        except OSError:
            continue
        _declare(library)
        return library
    raise HandwritingUnavailable(
        "the zinnia library was not found: install the Debian package libzinnia0"
    )


def _declare(library: ctypes.CDLL) -> None:
    pointer, size = ctypes.c_void_p, ctypes.c_size_t
    signatures = {
        "zinnia_recognizer_new": ([], pointer),
        "zinnia_recognizer_open": ([pointer, ctypes.c_char_p], ctypes.c_int),
        "zinnia_recognizer_strerror": ([pointer], ctypes.c_char_p),
        "zinnia_recognizer_classify": ([pointer, pointer, size], pointer),
        "zinnia_recognizer_destroy": ([pointer], None),
        "zinnia_character_new": ([], pointer),
        "zinnia_character_set_width": ([pointer, size], None),
        "zinnia_character_set_height": ([pointer, size], None),
        "zinnia_character_add": ([pointer, size, ctypes.c_int, ctypes.c_int], ctypes.c_int),
        "zinnia_character_destroy": ([pointer], None),
        "zinnia_result_size": ([pointer], size),
        "zinnia_result_value": ([pointer, size], ctypes.c_char_p),
        "zinnia_result_score": ([pointer, size], ctypes.c_float),
        "zinnia_result_destroy": ([pointer], None),
    }
    for name, (arguments, result) in signatures.items():
        function = getattr(library, name)
        function.argtypes = arguments
        function.restype = result


class Recognizer:
    """One loaded zinnia model; ``classify`` may be called from any thread."""

    def __init__(self, model: Path = DEFAULT_MODEL, library: str | None = None) -> None:
        if not model.is_file():
            raise HandwritingUnavailable(
                f"the handwriting model {model} is missing: install the Debian package "
                "tegaki-zinnia-simplified-chinese"
            )
        self._lib = _load_library(library)
        self._lock = threading.Lock()
        self._handle = self._lib.zinnia_recognizer_new()
        if not self._lib.zinnia_recognizer_open(self._handle, str(model).encode()):
            reason = self._lib.zinnia_recognizer_strerror(self._handle) or b""
            self._lib.zinnia_recognizer_destroy(self._handle)
            raise HandwritingUnavailable(f"zinnia cannot open {model}: {reason.decode()}")

    def classify(
        self, strokes: Sequence[Sequence[Point]], width: int, height: int, limit: int
    ) -> list[tuple[str, float]]:
        """The ``limit`` likeliest characters for strokes in a ``width`` × ``height`` box."""
        lib = self._lib
        if not self._handle:
            raise HandwritingUnavailable("the recognizer was closed")
        character = lib.zinnia_character_new()
        try:
            lib.zinnia_character_set_width(character, width)
            lib.zinnia_character_set_height(character, height)
            for stroke_id, stroke in enumerate(strokes):
                for x, y in stroke:
                    lib.zinnia_character_add(character, stroke_id, round(x), round(y))
            with self._lock:
                if not self._handle:
                    raise HandwritingUnavailable("the recognizer was closed")
                result = lib.zinnia_recognizer_classify(self._handle, character, limit)
            if not result:
                return []
            try:
                return [
                    (lib.zinnia_result_value(result, i).decode(), lib.zinnia_result_score(result, i))
                    for i in range(lib.zinnia_result_size(result))
                ]
            finally:
                lib.zinnia_result_destroy(result)
        finally:
            lib.zinnia_character_destroy(character)

    def close(self) -> None:
        """Frees the model; the recognizer cannot be used afterwards."""
        with self._lock:
            if self._handle:
                self._lib.zinnia_recognizer_destroy(self._handle)
                self._handle = None
