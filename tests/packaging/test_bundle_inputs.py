"""What kiosk.spec puts in the bundle follows the code that loads things by name; trimming removes nothing used."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import bundle_inputs
import pytest

from drivers.registry import BUILTIN
from kiosk.cli import COMMANDS
from kiosk.journeys import registry

ROOT = Path(__file__).resolve().parents[2]


def test_every_command_and_builtin_driver_is_a_hidden_import() -> None:
    assert bundle_inputs.command_modules() == list(COMMANDS)
    for target in BUILTIN.values():
        assert target.partition(":")[0] in bundle_inputs.driver_modules()


def test_libraries_drivers_import_by_name_are_hidden_imports() -> None:
    """The HID scanner's evdev and the barcode decoders are imported with importlib, which PyInstaller misses."""
    assert {"evdev", "zxingcpp", "pyzbar.pyzbar"} <= set(bundle_inputs.dynamic_imports())


def test_each_journey_has_the_sample_data_the_self_test_renders_with() -> None:
    modules = bundle_inputs.journey_sample_modules()
    assert len(modules) == len(registry.JOURNEYS)
    for name in modules:
        assert callable(importlib.import_module(name).sample_data)


def test_lexicon_sources_and_text_input_data_are_shipped_as_files() -> None:
    destinations = {(Path(src).name, dest) for src, dest in bundle_inputs.package_files()}
    assert ("lexicon_build.py", "kiosk/textinput") in destinations
    assert ("court_words.txt", "kiosk/textinput/data") in destinations
    assert all(Path(src).is_file() for src, _ in bundle_inputs.package_files())


def test_fonts_are_staged_under_the_names_the_kiosk_looks_for(tmp_path: Path) -> None:
    staged = {Path(src).name for src, dest in bundle_inputs.stage_fonts(tmp_path) if dest == "assets/fonts"}
    assert "wqy-zenhei.ttc" in staged
    assert any(name.startswith("NotoSansCJK") for name in staged)


def test_build_names_are_safe_directory_names() -> None:
    assert bundle_inputs.BuildInfo("0.1.0", "9aa1c4d-dirty").name == "0.1.0-9aa1c4d-dirty"
    assert "/" not in bundle_inputs.BuildInfo("1.0", "a/b c").name


def _imported_top_levels(folder: Path) -> set[str]:
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
    return found


@pytest.mark.parametrize("package", ["drivers", "screens"])
def test_trimming_excludes_nothing_the_kiosk_imports(package: str) -> None:
    """kiosk/ is checked too, but its court simulator (fastapi, uvicorn) is a developer tool left out on purpose."""
    imported = _imported_top_levels(ROOT / package) | (_imported_top_levels(ROOT / "kiosk") - {
        "uvicorn", "fastapi", "fastapi.exceptions", "fastapi.responses", "fastapi.security"})
    excluded = set(bundle_inputs.EXCLUDED_MODULES)
    assert {name for name in imported if name in excluded or name.split(".")[0] in excluded} == set()
