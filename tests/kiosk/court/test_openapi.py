"""The committed OpenAPI document is the generated one, and court-sim survives schemathesis."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.court.openapi import openapi_yaml
from tests.kiosk.court.courtsim import CourtSim, start_court_sim

DOCUMENT = Path(__file__).resolve().parents[3] / "docs" / "court-api.yaml"


def test_committed_document_is_the_generated_one() -> None:
    assert DOCUMENT.read_text(encoding="utf-8") == openapi_yaml(), (
        "docs/court-api.yaml is stale: run `kiosk court-sim --write-openapi docs/court-api.yaml`"
    )


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[CourtSim]:
    server = start_court_sim(tmp_path / "court.sqlite3")
    yield server
    server.stop()


def test_schemathesis_finds_no_server_error(sim: CourtSim) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [str(Path(sys.executable).with_name("st")), "run", str(DOCUMENT), "--url", sim.url,
         "--header", f"Authorization: Bearer {sim.token}", "--checks", "not_a_server_error",
         "--max-examples", "25", "--seed", "20240601", "--phases", "examples,coverage,fuzzing",
         "--generation-database", "none", "--workers", "2", "--no-color", "--request-timeout", "10"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    generated = re.search(r"(\d+) generated, (\d+) passed", result.stdout)
    print(f"schemathesis: {generated.group(0) if generated else '?'} in {time.monotonic() - started:.1f} s")
    assert result.returncode == 0, result.stdout[-3000:]
    assert generated and generated.group(1) == generated.group(2) and int(generated.group(1)) > 500
