"""The configuration reference in docs/deploy.md is the one the typed settings generate today."""

from __future__ import annotations

from pathlib import Path

from kiosk.commands.config_docs import committed_reference, reference_markdown
from kiosk.config import Settings

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"


def test_committed_reference_equals_the_generated_one() -> None:
    """After changing kiosk/config.py, run `kiosk config-docs --write docs/deploy.md`."""
    assert committed_reference(GUIDE.read_text(encoding="utf-8")) == reference_markdown()


def test_every_settings_section_and_field_is_documented() -> None:
    reference = reference_markdown()
    for section, model in Settings.model_fields.items():
        assert f"`{section}`" in reference or f"[{section}" in reference, section
        for name in getattr(model.annotation, "model_fields", {}):
            assert f"`{name}`" in reference or f"[{section}." in reference, f"{section}.{name}"
