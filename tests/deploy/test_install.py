"""deploy/install.sh and rollback.sh against a temporary root, with stand-in bundles.

The stand-in's `courtkiosk` only answers `--self-test` (passing or failing on demand), so these tests
check the scripts' logic in seconds; tests/deploy/test_chroot.py runs the real bundle in a Debian chroot.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def make_bundle(folder: Path, name: str, *, self_test_passes: bool = True) -> Path:
    """A folder shaped like dist/courtkiosk/: BUILD, the executable, deploy/."""
    bundle = folder / name
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "BUILD").write_text(f"name={name}\nversion=0.1.0\ncommit=test\n")
    (bundle / "courtkiosk").write_text(
        "#!/bin/sh\n"
        'case "$*" in *--self-test*) echo "self-test of $0 with $*"; '
        f'exit {0 if self_test_passes else 1} ;; esac\n'
        "exit 2\n"
    )
    (bundle / "courtkiosk").chmod(0o755)
    (bundle / "_internal" / "payload").write_text(name)
    shutil.copytree(DEPLOY, bundle / "deploy")
    shutil.copyfile(ROOT / "docs" / "deploy.md", bundle / "deploy" / "deploy.md")
    return bundle


def install(root: Path, bundle: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(bundle / "deploy" / "install.sh"), "--root", str(root), "--no-apt", str(bundle)],
                          capture_output=True, text=True, check=False)


def rollback(root: Path) -> subprocess.CompletedProcess[str]:
    current = os.readlink(root / "opt/courtkiosk/current")
    script = root / "opt/courtkiosk" / current / "deploy" / "rollback.sh"
    return subprocess.run(["bash", str(script), "--root", str(root)], capture_output=True, text=True, check=False)


def manifest(root: Path) -> list[tuple[str, ...]]:
    """Every path under ``root`` with its type, permissions and symlink target or content digest."""
    entries = []
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        kind = "link" if path.is_symlink() else "dir" if path.is_dir() else "file"
        detail = (os.readlink(path) if kind == "link"
                  else hashlib.sha256(path.read_bytes()).hexdigest() if kind == "file" else "")
        entries.append((str(path.relative_to(root)), kind, stat.filemode(info.st_mode), detail))
    return entries


def links(root: Path) -> tuple[str | None, str | None]:
    opt = root / "opt/courtkiosk"
    return tuple(os.readlink(opt / name) if (opt / name).is_symlink() else None  # type: ignore[return-value]
                 for name in ("current", "previous"))


@pytest.fixture
def target(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    root.mkdir()
    return root


def test_installing_twice_leaves_the_same_state(tmp_path: Path, target: Path) -> None:
    """GIVEN an empty root WHEN the same bundle is installed twice THEN the second run changes nothing."""
    bundle = make_bundle(tmp_path, "0.1.0-aaa")
    first = install(target, bundle)
    assert first.returncode == 0, first.stderr
    after_first = manifest(target)
    second = install(target, bundle)
    assert second.returncode == 0, second.stderr
    assert manifest(target) == after_first
    assert "already current" in second.stdout
    assert links(target) == ("0.1.0-aaa", None)
    for installed in ("etc/systemd/system/courtkiosk.service", "etc/udev/rules.d/60-courtkiosk.rules",
                      "etc/courtkiosk/kiosk.toml", "etc/courtkiosk/printers.conf"):
        assert (target / installed).is_file(), installed
    assert os.readlink(target / "usr/local/sbin/courtkiosk-rollback") == "/opt/courtkiosk/current/deploy/rollback.sh"


def test_the_self_test_runs_with_the_terminals_configuration(tmp_path: Path, target: Path) -> None:
    result = install(target, make_bundle(tmp_path, "0.1.0-aaa"))
    assert f"--config {target}/etc/courtkiosk/kiosk.toml --self-test" in result.stdout


def test_the_first_configuration_gets_its_own_outbox_key_and_is_not_world_readable(tmp_path: Path, target: Path) -> None:
    install(target, make_bundle(tmp_path, "0.1.0-aaa"))
    config = target / "etc/courtkiosk/kiosk.toml"
    assert "@OUTBOX_KEY@" not in config.read_text()
    key = next(line for line in config.read_text().splitlines() if line.startswith("outbox_key"))
    assert len(base64.urlsafe_b64decode(key.split('"')[1])) == 32
    assert stat.S_IMODE(config.stat().st_mode) == 0o640


def test_an_edited_configuration_survives_an_update(tmp_path: Path, target: Path) -> None:
    install(target, make_bundle(tmp_path, "0.1.0-aaa"))
    config = target / "etc/courtkiosk/kiosk.toml"
    config.write_text('kiosk_id = "hall-2"\n')
    install(target, make_bundle(tmp_path, "0.2.0-bbb"))
    assert config.read_text() == 'kiosk_id = "hall-2"\n'


def test_an_update_is_switched_to_and_the_old_bundle_kept_as_previous(tmp_path: Path, target: Path) -> None:
    install(target, make_bundle(tmp_path, "0.1.0-aaa"))
    result = install(target, make_bundle(tmp_path, "0.2.0-bbb"))
    assert result.returncode == 0, result.stderr
    assert links(target) == ("0.2.0-bbb", "0.1.0-aaa")
    install(target, make_bundle(tmp_path, "0.3.0-ccc"))
    assert links(target) == ("0.3.0-ccc", "0.2.0-bbb")
    assert not (target / "opt/courtkiosk/0.1.0-aaa").exists(), "only current and previous are kept"


def test_a_bundle_failing_its_self_test_is_refused_and_current_stays(tmp_path: Path, target: Path) -> None:
    """GIVEN a running 0.1.0 WHEN a bundle that fails its self-test is installed THEN nothing switches."""
    install(target, make_bundle(tmp_path, "0.1.0-aaa"))
    before = manifest(target)
    result = install(target, make_bundle(tmp_path, "0.2.0-broken", self_test_passes=False))
    assert result.returncode == 1
    assert "failed its self-test; staying on 0.1.0-aaa" in result.stderr
    assert links(target) == ("0.1.0-aaa", None)
    assert manifest(target) == before, "the refused bundle is removed again"


def test_rollback_switches_back_after_a_good_update_and_forward_again(tmp_path: Path, target: Path) -> None:
    install(target, make_bundle(tmp_path, "0.1.0-aaa"))
    install(target, make_bundle(tmp_path, "0.2.0-bbb"))
    back = rollback(target)
    assert back.returncode == 0, back.stderr
    assert links(target) == ("0.1.0-aaa", "0.2.0-bbb")
    assert rollback(target).returncode == 0
    assert links(target) == ("0.2.0-bbb", "0.1.0-aaa")


def test_rollback_without_a_previous_bundle_changes_nothing(tmp_path: Path, target: Path) -> None:
    install(target, make_bundle(tmp_path, "0.1.0-aaa"))
    result = rollback(target)
    assert result.returncode == 1 and "no previous bundle" in result.stderr
    assert links(target) == ("0.1.0-aaa", None)


def test_a_different_build_under_an_installed_name_is_refused(tmp_path: Path, target: Path) -> None:
    install(target, make_bundle(tmp_path, "0.1.0-aaa"))
    impostor = make_bundle(tmp_path / "other", "0.1.0-aaa")
    (impostor / "_internal" / "payload").write_text("something else")
    result = install(target, impostor)
    assert result.returncode == 1 and "different content" in result.stderr
