"""``kiosk diagram``: draw the visitor state machine itself (not a hand-kept picture of it)."""

from __future__ import annotations

import argparse
from pathlib import Path

from statemachine.contrib.diagram import DotGraphMachine

from kiosk.flow import KioskFlow

DEFAULT_OUTPUT = Path("docs/flow.png")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``kiosk diagram``."""
    parser = subparsers.add_parser("diagram", help="render the state machine to a PNG (needs graphviz)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help=f"image file (default {DEFAULT_OUTPUT})")
    parser.set_defaults(func=draw)


def draw(args: argparse.Namespace) -> int:
    """Render the machine with graphviz's dot."""
    args.output.parent.mkdir(parents=True, exist_ok=True)
    graph = DotGraphMachine(KioskFlow)
    graph.graph_rankdir = "TB"
    dot = graph()
    dot.set("newrank", "true")  # dot's older ranking fails ("trouble in init_rank") on this many nested clusters
    dot.write_png(str(args.output))
    print(args.output)
    return 0
