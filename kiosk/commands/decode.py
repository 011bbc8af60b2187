"""``kiosk decode IMAGE...``: the scanner's decoding pipeline on image files, one JSON line per image."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from drivers.barcode.decode import DEFAULT_SYMBOLOGIES, DecodePipeline
from drivers.barcode.images import load_image


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``decode`` sub-command."""
    parser = subparsers.add_parser(
        "decode",
        help="decode barcodes and QR codes in image files",
        description="Print one JSON line per image: the codes found (format, text, position).",
    )
    parser.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    parser.add_argument(
        "--symbologies",
        default=",".join(DEFAULT_SYMBOLOGIES),
        help="comma-separated symbologies to read (default: %(default)s), e.g. QRCode,Code128,EAN13",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Decode each image; exit status 1 when an image could not be read, else 0."""
    try:
        pipeline = DecodePipeline([s.strip() for s in args.symbologies.split(",") if s.strip()])
    except ValueError as exc:
        print(f"kiosk decode: {exc}", file=sys.stderr)
        return 2
    status = 0
    for path in args.images:
        line: dict[str, object] = {"image": str(path)}
        try:
            line["codes"] = [code.as_json() for code in pipeline.decode(load_image(path))]
        except ValueError as exc:
            line["error"] = str(exc)
            status = 1
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return status
