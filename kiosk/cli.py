"""The ``kiosk`` console script: one sub-command per module in :mod:`kiosk.commands`.

Each command module has ``add_parser(subparsers)``, which adds its parser and sets ``func`` to a
callable taking the parsed arguments and returning the exit status. Modules are listed here
explicitly so a frozen build knows them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk import __version__

COMMANDS: tuple[str, ...] = (
    "kiosk.commands.run",
    "kiosk.commands.diagram",
    "kiosk.commands.screenshots",
    "kiosk.commands.doctor",
    "kiosk.commands.court_sim",
    "kiosk.commands.decode",
    "kiosk.commands.audit",
    "kiosk.commands.staff",
    "kiosk.commands.config_docs",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(prog="kiosk", description="Court self-service kiosk")
    parser.add_argument("--version", action="version", version=f"courtkiosk {__version__}")
    parser.add_argument("--config", metavar="PATH", help="configuration file (TOML)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this build (config, drivers, speech, receipt, every screen) and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMANDS:
        importlib.import_module(module_name).add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from kiosk import selftest  # noqa: PLC0415 - heavy imports only when asked

        return selftest.main(Path(args.config) if args.config else None)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
