"""The lexicon cache: a run of small records, read back whole, loaded without the collector's pauses."""

from __future__ import annotations

import gc
import marshal
from pathlib import Path
from typing import Any

import pytest

from kiosk.textinput import lexicon


def synthetic(keys: int) -> dict[str, Any]:
    """Lexicon data shaped like the built one, with an index of ``keys`` keys."""
    index = {f"k{n}": [((f"s{n}",), [(f"词{n}", -float(n)), (f"字{n}", -1.5)])] for n in range(keys)}
    return {"syllables": ["a", "ai", "zhang"], "index": index, "surnames": {"z": [("张", ("zhang",), -1.0)]},
            "given": {"w": [("伟", ("wei",), -2.0)]}, "name_share": -3.9, "function_words": ["的", "了"]}


def record_sizes(path: Path) -> list[int]:
    content = memoryview(path.read_bytes())
    header_size = lexicon._HEADER_SIZE.unpack_from(content)[0]  # noqa: SLF001 - the file's own layout
    return marshal.loads(content[lexicon._HEADER_SIZE.size:lexicon._HEADER_SIZE.size + header_size])["index_records"]  # noqa: SLF001


def test_the_cache_reads_back_what_was_written_across_many_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon, "RECORD_BYTES", 2048)
    data = synthetic(3000)
    path = tmp_path / "lexicon.marshal"
    lexicon.write_cache(path, data)  # type: ignore[arg-type]
    assert len(record_sizes(path)) > 20
    assert lexicon.read_cache(path) == data


def test_the_installed_cache_is_in_records_of_a_few_hundred_kilobytes() -> None:
    """The records are what lets the UI thread in during the warm-up: no one of them may hold it long."""
    lexicon.shared()
    sizes = record_sizes(lexicon.cache_file())
    assert len(sizes) > 20
    assert max(sizes) < 2 * lexicon.RECORD_BYTES


def test_loading_runs_no_automatic_collection_and_restores_the_collector(tmp_path: Path) -> None:
    lexicon.write_cache(lexicon.cache_file(tmp_path), synthetic(60_000))  # type: ignore[arg-type]
    full_collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            full_collections.append(info["generation"])

    threshold = gc.get_threshold()
    gc.set_threshold(100, 2, 2)  # eager: a load this size would otherwise be collected many times over
    gc.callbacks.append(count)
    try:
        loaded = lexicon.load(tmp_path)
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
        gc.unfreeze()
    assert loaded.readings("k59999")
    assert full_collections == []
    assert gc.isenabled()
