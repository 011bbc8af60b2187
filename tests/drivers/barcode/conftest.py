"""Shared helpers for the barcode tests: the public corpus (skipped when absent) and condition waits."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.barcodes import CORPUS_DIR


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The public barcode corpus beside the repository; the test is skipped when it is missing."""
    if not CORPUS_DIR.is_dir():
        pytest.skip(f"barcode corpus not found at {CORPUS_DIR}")
    return CORPUS_DIR


def wait_for(condition: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    """Poll ``condition`` until it holds or the time is up; returns its last value."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()
