"""The built bundle (`make bundle`) passes its self-test; a broken copy fails it and is not switched to.

Runs only when dist/courtkiosk/courtkiosk exists (or COURTKIOSK_BUNDLE names a bundle): building takes
a minute or two, so CI decides whether to build. Each self-test draws every screen on its own Xvfb.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = Path(os.environ.get("COURTKIOSK_BUNDLE", ROOT / "dist" / "courtkiosk"))
CHECKS = ("config", "drivers", "speech", "receipt", "lexicon", "screens")

pytestmark = [
    pytest.mark.ui,
    pytest.mark.slow,
    pytest.mark.xdist_group("built-bundle"),  # one worker, so its home (and the lexicon built there) is shared
    pytest.mark.skipif(not (BUNDLE / "courtkiosk").is_file(), reason=f"no bundle at {BUNDLE} (make bundle)"),
]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One kiosk user's home for all runs: the pinyin lexicon is built once, as on a terminal."""
    return tmp_path_factory.mktemp("home")


def production_config(folder: Path) -> Path:
    """deploy/kiosk.toml as install.sh writes it: every real driver, the court's HTTP API, an outbox key."""
    config = folder / "kiosk.toml"
    config.write_text((ROOT / "deploy" / "kiosk.toml").read_text().replace("@OUTBOX_KEY@", "A" * 43 + "="))
    return config


def self_test(bundle: Path, config: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8"}
    return subprocess.run([str(bundle / "courtkiosk"), "--config", str(config), "--self-test"],
                          capture_output=True, text=True, env=env, timeout=600, check=False)


def copy_bundle(folder: Path, name: str) -> Path:
    """A copy of the bundle under another build name (an "update")."""
    copy = folder / name
    shutil.copytree(BUNDLE, copy, symlinks=True)
    (copy / "BUILD").write_text(f"name={name}\nversion=0.0.0\ncommit=test\n")
    return copy


def test_the_bundle_passes_its_self_test_with_a_production_configuration(tmp_path: Path, home: Path) -> None:
    result = self_test(BUNDLE, production_config(tmp_path), home)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines if line.startswith("PASS")] == list(CHECKS)
    assert lines[-1] == "self-test passed"


def test_the_camera_scanner_driver_is_usable_in_the_bundle_too(tmp_path: Path, home: Path) -> None:
    config = production_config(tmp_path)
    config.write_text(config.read_text().replace('driver = "hid"\noptions = { device = "/dev/input/barcode-scanner" }',
                                                 'driver = "camera"\noptions = { source = 0 }'))
    result = self_test(BUNDLE, config, home)
    assert "PASS drivers" in result.stdout, result.stdout + result.stderr


def test_a_broken_update_is_refused_and_rollback_returns_after_a_good_one(tmp_path: Path, home: Path) -> None:
    """GIVEN the bundle installed WHEN a copy missing its translations is installed THEN it fails its
    self-test and current stays; WHEN a good update is installed and rolled back THEN the first is current."""
    root = tmp_path / "root"
    (root / "etc" / "courtkiosk").mkdir(parents=True)
    shutil.copyfile(production_config(tmp_path), root / "etc" / "courtkiosk" / "kiosk.toml")
    env = {**os.environ, "HOME": str(home)}

    def install(bundle: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", str(ROOT / "deploy" / "install.sh"), "--root", str(root), "--no-apt", str(bundle)],
                              capture_output=True, text=True, env=env, timeout=900, check=False)

    def current() -> str:
        return os.readlink(root / "opt" / "courtkiosk" / "current")

    first = install(copy_bundle(tmp_path, "1.0.0-good"))
    assert first.returncode == 0, first.stdout + first.stderr
    broken = copy_bundle(tmp_path, "1.1.0-broken")
    shutil.rmtree(broken / "_internal" / "locales")
    refused = install(broken)
    assert refused.returncode == 1 and "FAIL screens" in refused.stdout, refused.stdout + refused.stderr
    assert current() == "1.0.0-good"
    assert not (root / "opt" / "courtkiosk" / "1.1.0-broken").exists()
    assert install(copy_bundle(tmp_path, "1.2.0-good")).returncode == 0
    assert current() == "1.2.0-good"
    rollback = subprocess.run(["bash", str(root / "opt/courtkiosk/1.2.0-good/deploy/rollback.sh"), "--root", str(root)],
                              capture_output=True, text=True, check=False)
    assert rollback.returncode == 0, rollback.stderr
    assert current() == "1.0.0-good"
