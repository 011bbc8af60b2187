"""The core must run where Kivy cannot: every kiosk module imports with Kivy unavailable."""

import subprocess
import sys

PROBE = """
import importlib, pkgutil, sys
sys.modules["kivy"] = None  # any `import kivy...` now raises ImportError
import kiosk
failures = []
for info in pkgutil.walk_packages(kiosk.__path__, "kiosk."):
    if info.name.endswith("__main__"):
        continue
    try:
        importlib.import_module(info.name)
    except Exception as exc:
        failures.append(f"{info.name}: {type(exc).__name__}: {exc}")
print("\\n".join(failures))
print("modules:", sum(1 for _ in pkgutil.walk_packages(kiosk.__path__, "kiosk.")))
"""


def test_every_kiosk_module_imports_without_kivy() -> None:
    """GIVEN Kivy blocked WHEN every kiosk.* module is imported THEN none fails."""
    probe = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    *failures, count = probe.stdout.strip().splitlines()
    assert [line for line in failures if line] == []
    assert int(count.split()[-1]) >= 15


def test_core_never_imports_screens() -> None:
    """The arrows point one way: screens → kiosk, never kiosk → screens at import time."""
    probe = subprocess.run(
        [sys.executable, "-c", PROBE.replace('sys.modules["kivy"] = None', 'sys.modules["screens"] = None')],
        capture_output=True, text=True, check=True,
    )
    *failures, _count = probe.stdout.strip().splitlines()
    assert [line for line in failures if line] == []
