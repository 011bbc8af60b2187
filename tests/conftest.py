"""Run order for the whole suite: the longest tests start first.

`make test` runs on parallel workers (pytest-xdist, see pyproject.toml), which take the tests in
collection order as they become free; a long test collected last would run alone at the end. So the
slow ones (fault injection, every-mode layouts) come first, then those that start the real app, then
the rest, each group in its usual order (module fixtures stay together).
"""

from __future__ import annotations

import pytest


def _start_rank(item: pytest.Item) -> int:
    if item.get_closest_marker("slow") is not None:
        return 0
    if item.get_closest_marker("ui") is not None or "run_in_app" in getattr(item, "fixturenames", ()):
        return 1
    return 2


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_start_rank)  # stable: the order within each rank is kept
