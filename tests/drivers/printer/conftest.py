"""The CUPS server fixture: the real scheduler with a cups-pdf queue and queues in failure states."""

from __future__ import annotations

import pytest

from tests.drivers.printer import cups_server


@pytest.fixture(scope="session")
def cups_test_server() -> cups_server.CupsTestServer:
    reason = cups_server.why_unavailable()
    if reason is not None:
        pytest.skip(reason)
    return cups_server.start()
