"""`kiosk staff`: hash a PIN, make a signing key, issue a badge the kiosk then accepts."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.staff.badge import BadgeVerifier
from kiosk.staff.pins import verify_pin
from kiosk.staff.roles import Role
from kiosk.staff.settings import StaffSettings


def test_hash_pin_prints_a_hash_that_verifies_and_not_the_pin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("482916\n"))
    assert main(["staff", "hash-pin", "--stdin"]) == 0
    out = capsys.readouterr().out.strip()
    assert "482916" not in out
    assert verify_pin("482916", out)
    StaffSettings(members={"zhao01": {"role": "operator", "pin_hash": out}})


def test_hash_pin_refuses_a_short_pin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    assert main(["staff", "hash-pin", "--stdin"]) == 1
    assert capsys.readouterr().out == ""


def test_hash_pin_asks_twice_when_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["482916", "482917"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    assert main(["staff", "hash-pin"]) == 1


def test_keygen_then_issue_badge_gives_a_badge_the_kiosk_accepts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    private = tmp_path / "badge-signing.pem"
    assert main(["staff", "keygen", "--private-key", str(private)]) == 0
    public = capsys.readouterr().out.strip()
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert main(["staff", "keygen", "--private-key", str(private)]) == 1

    pdf = tmp_path / "badge.pdf"
    assert main(["staff", "issue-badge", "--private-key", str(private), "--staff-id", "admin1",
                 "--role", "administrator", "--court", "京0191", "--days", "30", "--pdf", str(pdf)]) == 0
    captured = capsys.readouterr()
    token = captured.out.strip()
    assert "badge id" in captured.err
    assert pdf.read_bytes().startswith(b"%PDF")

    badge = BadgeVerifier([public], "京0191", (), tmp_path / "seen.json").verify(token)
    assert (badge.staff_id, badge.role) == ("admin1", Role.ADMINISTRATOR)


def test_issue_badge_refuses_a_bad_staff_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    private = tmp_path / "key.pem"
    main(["staff", "keygen", "--private-key", str(private)])
    assert main(["staff", "issue-badge", "--private-key", str(private), "--staff-id", "张 三",
                 "--role", "operator", "--court", "京0191"]) == 1
