"""``kiosk screenshots``: photograph the screens in every mode (under a virtual display if needed)."""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

from kiosk.config import load_settings
from kiosk.virtual_display import display_available

DEFAULT_OUT = Path("docs/screenshots")
#: Colours kept per picture: flat screens with anti-aliased text need no more, at half the size.
PALETTE_COLOURS = 256


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``kiosk screenshots``."""
    parser = subparsers.add_parser("screenshots", help="write screenshots of every screen in every mode")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"folder (default {DEFAULT_OUT})")
    parser.set_defaults(func=take)


def take(args: argparse.Namespace) -> int:
    """Run the tour; exit 1 and list them when any text does not fit."""
    settings = load_settings(Path(args.config) if args.config else None)
    with display_available(settings.display.width_px, settings.display.height_px):
        from screens.automation import run_script  # noqa: PLC0415 - the core never needs Kivy
        from screens.tour import full_tour  # noqa: PLC0415

        results, error = run_script(functools.partial(full_tour, out_dir=args.out), settings)
    if error:
        print(error)
        return 1
    shrink(args.out)
    problems = {name: found for name, found in results["layout_problems"].items() if found}
    for name, found in problems.items():
        print(f"{name}: " + "; ".join(found))
    print(f"{len(results['layout_problems'])} screenshots in {args.out}, {len(problems)} with layout problems")
    return 1 if problems else 0


def shrink(folder: Path) -> None:
    """Store the pictures with a palette, so the committed set stays small."""
    from PIL import Image  # noqa: PLC0415 - only this command needs it

    for path in folder.glob("*.png"):
        with Image.open(path) as picture:
            small = picture.convert("RGB").quantize(PALETTE_COLOURS)
        small.save(path, optimize=True)
