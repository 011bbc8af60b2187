"""The ``kiosk`` console script: one sub-command per module in :mod:`kiosk.commands`.

Each command module has ``add_parser(subparsers)``, which adds its parser and sets ``func`` to a
callable taking the parsed arguments and returning the exit status. Modules are listed here
explicitly so a frozen build knows them; each registers the command named after it
(``court_sim`` → ``court-sim``). A command line naming one command imports only that command's
module: some import heavy libraries (``decode`` loads OpenCV), and ``kiosk run`` starts the kiosk.
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


def command_name(module_name: str) -> str:
    """The command a module of :data:`COMMANDS` registers: ``kiosk.commands.court_sim`` → ``court-sim``."""
    return module_name.rpartition(".")[2].replace("_", "-")


def _options_parser(*, add_help: bool) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Court self-service kiosk", add_help=add_help)
    parser.add_argument("--version", action="version", version=f"courtkiosk {__version__}")
    parser.add_argument("--config", metavar="PATH", help="configuration file (TOML)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this build (config, drivers, speech, receipt, every screen) and exit")
    return parser


def chosen_command(argv: Sequence[str] | None = None) -> str | None:
    """The command ``argv`` names, read before any command's module is imported; None if it names none."""
    _, rest = _options_parser(add_help=False).parse_known_args(argv)
    return next((word for word in rest if not word.startswith("-")), None)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with ``command``'s sub-command only, or every one when it names none we know."""
    parser = _options_parser(add_help=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = [name for name in COMMANDS if command_name(name) == command] or COMMANDS
    for module_name in modules:
        importlib.import_module(module_name).add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser(chosen_command(argv))
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
