"""install.sh on a fresh Debian 12 chroot: twice gives the same state, and the service's command starts the kiosk.

Needs root, a debootstrap'ed bookworm (COURTKIOSK_CHROOT) and a built bundle (dist/courtkiosk or
COURTKIOSK_BUNDLE); takes a few minutes, most of it apt. The work is in chroot_check.sh.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROOT = os.environ.get("COURTKIOSK_CHROOT", "")
BUNDLE = Path(os.environ.get("COURTKIOSK_BUNDLE", ROOT / "dist" / "courtkiosk"))


@pytest.mark.slow
@pytest.mark.timeout(1800)
@pytest.mark.skipif(not CHROOT or os.geteuid() != 0 or not (BUNDLE / "courtkiosk").is_file(),
                    reason="needs root, COURTKIOSK_CHROOT (a bookworm chroot) and a built bundle")
def test_install_twice_in_a_chroot_and_start_the_service_command() -> None:
    result = subprocess.run(["bash", str(ROOT / "tests/deploy/chroot_check.sh"), CHROOT, str(BUNDLE)],
                            capture_output=True, text=True, timeout=1800, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "second install left the same state" in result.stdout
    assert "CUPS keeps no printed job's file" in result.stdout
    assert "drew the kiosk's first frame" in result.stdout
