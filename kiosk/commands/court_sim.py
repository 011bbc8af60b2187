"""``kiosk court-sim``: serve the demo court over HTTP on the contract (needs the ``court-sim`` extra)."""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path

import platformdirs

TOKEN_ENV = "KIOSK_COURT_TOKEN"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``court-sim``."""
    parser = subparsers.add_parser("court-sim", help="serve the demo court over HTTP (reference server)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", type=Path, help="SQLite file of the demo court (default: in the user data dir)")
    parser.add_argument("--token", help=f"bearer token kiosks must present (default: ${TOKEN_ENV}, else random)")
    parser.add_argument("--auto-pay-after-s", type=float, help="demo: payment orders pay themselves after this")
    parser.add_argument("--access-log", action="store_true", help="log every request line")
    parser.add_argument("--write-openapi", type=Path, metavar="PATH", help="write the OpenAPI document and exit")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Start the server (blocking) or write the OpenAPI document."""
    if args.write_openapi:
        from kiosk.court.openapi import openapi_yaml

        args.write_openapi.write_text(openapi_yaml(), encoding="utf-8")
        return 0
    import uvicorn

    from kiosk.court.demo import DemoCourt
    from kiosk.court.server import create_app

    token = args.token or os.environ.get(TOKEN_ENV)
    if not token:
        token = secrets.token_urlsafe(24)
        print(f"court-sim: no token given; kiosks must use this one: {token}", file=sys.stderr)
    db = args.db or Path(platformdirs.user_data_dir("courtkiosk")) / "court-sim.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    auto_pay = None if args.auto_pay_after_s is None else timedelta(seconds=args.auto_pay_after_s)
    app = create_app(DemoCourt(db, auto_pay_after=auto_pay), token)
    uvicorn.run(app, host=args.host, port=args.port, access_log=args.access_log, log_level="warning")
    return 0
