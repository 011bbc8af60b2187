"""The console script's parser: a command line naming one command imports only that command's module."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from kiosk.cli import COMMANDS, build_parser, chosen_command, command_name


@pytest.mark.parametrize("module_name", COMMANDS)
def test_each_module_registers_the_command_named_after_it(module_name: str) -> None:
    parser = build_parser(command_name(module_name))
    subparsers = next(a for a in parser._actions if a.dest == "command")  # noqa: SLF001
    assert list(subparsers.choices) == [command_name(module_name)]
    assert importlib.import_module(module_name)


@pytest.mark.parametrize(("argv", "command"), [
    (["run"], "run"),
    (["--config", "kiosk.toml", "decode", "--symbologies", "QRCode", "a.png"], "decode"),
    (["court-sim", "-h"], "court-sim"),
    (["-h"], None),
    ([], None),
])
def test_the_command_is_read_past_the_global_options(argv: list[str], command: str | None) -> None:
    assert chosen_command(argv) == command


@pytest.mark.parametrize("command", [None, "no-such-command"])
def test_without_a_known_command_every_command_is_offered(command: str | None) -> None:
    subparsers = next(a for a in build_parser(command)._actions if a.dest == "command")  # noqa: SLF001
    assert list(subparsers.choices) == [command_name(m) for m in COMMANDS]


def test_kiosk_run_does_not_import_the_other_commands() -> None:
    code = ("import sys; from kiosk.cli import build_parser, chosen_command; build_parser(chosen_command(['run'])); "
            "print(sorted(m for m in sys.modules if m.startswith('kiosk.commands.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['kiosk.commands.run']"
