"""The OpenAPI document of the contract, as committed in ``docs/court-api.yaml``."""

from __future__ import annotations

import yaml

from kiosk.court.demo import DemoCourt
from kiosk.court.server import create_app


def openapi_yaml() -> str:
    """The document generated from the reference server's routes and the contract models."""
    app = create_app(DemoCourt(":memory:"), token="unused")
    return str(yaml.safe_dump(app.openapi(), sort_keys=False, allow_unicode=True, width=120))
