"""``kiosk audit verify [PATH]``: check the audit trail's hash chain and name the first break.

Exit status 0 when the chain holds, 1 when it does not, 2 when the file or the key cannot be read.
Without PATH the kiosk's own trail in its data directory is checked.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.audit import verify
from kiosk.config import ConfigError, load_settings
from kiosk.staff.settings import AuditSettings, parse_audit_key


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``kiosk audit``."""
    parser = subparsers.add_parser("audit", help="check the tamper-evident audit trail")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    check = actions.add_parser("verify", help="verify the hash chain; exit 1 at the first break")
    check.add_argument("path", nargs="?", type=Path, help="audit file (default: the kiosk's, in its data directory)")
    check.add_argument("--key-file", type=Path, help="file holding the audit HMAC key, for a keyed trail")
    check.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    """Print one line with the verdict; the exit status says it too."""
    try:
        path = args.path or _default_path(args.config)
        key = parse_audit_key(args.key_file.read_text(encoding="utf-8")) if args.key_file else None
        result = verify(path, key)
    except (ConfigError, OSError, ValueError) as exc:
        print(f"audit: {exc}")
        return 2
    print(f"{path}: {result.finding.value}: {result.detail}")
    return 0 if result.ok else 1


def _default_path(config: str | None) -> Path:
    settings = load_settings(Path(config) if config else None)
    return settings.resolved_data_dir() / AuditSettings().file_name
