"""packaging/ holds the spec's helpers as plain scripts (a `packaging` package would shadow the PyPI one)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
