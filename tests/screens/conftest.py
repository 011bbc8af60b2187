"""UI tests run the real app in a child process on a private virtual display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.virtual_display import virtual_display

ROOT = Path(__file__).resolve().parents[2]
RunScript = Callable[..., dict[str, Any]]


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    """One Xvfb for the session, the size of the default portrait panel."""
    with virtual_display(1080, 1920) as name:
        yield name


@pytest.fixture
def run_in_app(display: str, tmp_path: Path) -> RunScript:
    """Run a script (``module:function``, or a name in ``tests.screens.scripts``) in the app; return its results."""

    def run(name: str, timeout_s: float = 180, **env: str) -> dict[str, Any]:
        target = name if ":" in name else f"tests.screens.scripts:{name}"
        result_file = tmp_path / f"{target.rpartition(':')[2]}.json"
        result_file.unlink(missing_ok=True)  # a second run of the same script must not read the first one's
        environment = {**os.environ, "DISPLAY": display, "XDG_DATA_HOME": str(tmp_path / "data"),
                       "XDG_CONFIG_HOME": str(tmp_path / "config"), **env}
        child = subprocess.run(
            [sys.executable, "-m", "screens.automation", target, "--result", str(result_file)],
            cwd=ROOT, env=environment, capture_output=True, text=True, timeout=timeout_s, check=False,
        )
        if not result_file.exists():
            pytest.fail(f"the app did not run (exit {child.returncode}):\n{child.stderr[-3000:]}")
        outcome = json.loads(result_file.read_text())
        assert outcome["error"] is None, outcome["error"]
        return outcome["results"]

    return run
