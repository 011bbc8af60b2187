"""``kiosk staff``: what a court's administrator needs to set up staff access, run off the kiosk.

* ``hash-pin`` prints the hash to paste into ``[staff.members.<id>] pin_hash``; the PIN is read
  without echo (or from stdin with ``--stdin``) and never printed.
* ``keygen`` writes the badge-signing private key (owner-only file) and prints the public key for
  ``staff.badge_public_keys``. Keep the private key off the kiosks.
* ``issue-badge`` prints a signed badge token and, with ``--pdf``, writes a printable badge with its QR.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.staff.badge import Badge, encode_public_key, issue_badge
from kiosk.staff.pins import PinFormatError, hash_pin
from kiosk.staff.roles import Role

DAY_S = 86400


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``kiosk staff``."""
    parser = subparsers.add_parser("staff", help="hash staff PINs, make badge keys, issue staff badges")
    actions = parser.add_subparsers(dest="staff_action", metavar="ACTION", required=True)

    pin = actions.add_parser("hash-pin", help="print the salted hash of a PIN for the configuration")
    pin.add_argument("--stdin", action="store_true", help="read the PIN from the first line of stdin")
    pin.set_defaults(func=run_hash_pin)

    keygen = actions.add_parser("keygen", help="create the badge-signing key pair")
    keygen.add_argument("--private-key", type=Path, required=True, help="where to write the private key (PEM)")
    keygen.set_defaults(func=run_keygen)

    issue = actions.add_parser("issue-badge", help="sign a staff badge")
    issue.add_argument("--private-key", type=Path, required=True, help="the badge-signing private key (PEM)")
    issue.add_argument("--staff-id", required=True, help="staff id (letters, digits, '-', '_')")
    issue.add_argument("--role", choices=[role.value for role in Role], required=True)
    issue.add_argument("--court", required=True, help="court code the badge is valid at, as in court.this_court_code")
    issue.add_argument("--days", type=int, default=180, help="validity in days (default 180)")
    issue.add_argument("--pdf", type=Path, help="also write a printable badge with the QR code")
    issue.set_defaults(func=run_issue_badge)


def run_hash_pin(args: argparse.Namespace) -> int:
    """Read a PIN (twice when typed) and print its hash."""
    if args.stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("PIN: ")
        if getpass.getpass("PIN again: ") != pin:
            print("the two PINs differ", file=sys.stderr)
            return 1
    try:
        print(hash_pin(pin))
    except PinFormatError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def run_keygen(args: argparse.Namespace) -> int:
    """Write a new private key readable by its owner only; print the public key."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    try:
        fd = os.open(args.private_key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        print(f"{args.private_key} exists; refusing to overwrite a signing key", file=sys.stderr)
        return 1
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    print(encode_public_key(key.public_key()))
    return 0


def run_issue_badge(args: argparse.Namespace) -> int:
    """Print the token on stdout and its badge id and expiry on stderr."""
    try:
        key = serialization.load_pem_private_key(args.private_key.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        print(f"cannot read the private key: {exc}", file=sys.stderr)
        return 1
    if not isinstance(key, Ed25519PrivateKey):
        print("the private key is not an Ed25519 key", file=sys.stderr)
        return 1
    try:
        token, badge = issue_badge(key, args.staff_id, Role(args.role), args.court, args.days * DAY_S, time.time())
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(token)
    print(f"badge id {badge.badge_id}, expires {_date(badge.expires_at)}", file=sys.stderr)
    if args.pdf:
        _write_badge_pdf(args.pdf, token, badge)
    return 0


def _date(stamp: int) -> str:
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d")


def _write_badge_pdf(path: Path, token: str, badge: Badge) -> None:
    """A card-sized page: the QR code, the staff id, the role and the expiry (Latin text only)."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    width, height = 54 * mm, 86 * mm
    qr = QrCodeWidget(token, barLevel="M")
    left, bottom, right, top = qr.getBounds()
    side = 46 * mm
    drawing = Drawing(side, side, transform=[side / (right - left), 0, 0, side / (top - bottom), 0, 0])
    drawing.add(qr)
    page = canvas.Canvas(str(path), pagesize=(width, height))
    renderPDF.draw(drawing, page, 4 * mm, height - side - 6 * mm)
    page.setFont("Helvetica-Bold", 11)
    page.drawString(5 * mm, 26 * mm, badge.staff_id)
    page.setFont("Helvetica", 9)
    page.drawString(5 * mm, 20 * mm, badge.role.value)
    page.drawString(5 * mm, 14 * mm, f"valid until {_date(badge.expires_at)}")
    page.drawString(5 * mm, 8 * mm, f"badge {badge.badge_id[:8]}")
    page.save()
