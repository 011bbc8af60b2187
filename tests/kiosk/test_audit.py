"""The audit trail: a hash chain that `kiosk audit verify` checks, with no room for personal data."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from pathlib import Path

import pytest
from pydantic import ValidationError

from kiosk.audit import GENESIS, AuditEvent, AuditLog, Finding, verify
from kiosk.audit.schema import seal
from kiosk.cli import main
from kiosk.staff.roles import Role, StaffAction

KEY = bytes(range(32))
T0 = 1_750_000_000.0


def write_trail(path: Path, entries: int = 6, key: bytes | None = None) -> None:
    with AuditLog(path, key=key, clock=lambda: T0) as audit:
        audit.append(AuditEvent.KIOSK_STARTED)
        for n in range(entries - 1):
            audit.append(AuditEvent.STAFF_ACTION, actor="zhao01", role=Role.OPERATOR, action=StaffAction.DEVICE_SELF_TEST,
                         device="receipt_printer", status="ok", count=n)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def rewrite(path: Path, new_lines: list[str]) -> None:
    path.write_text("".join(new_lines), encoding="utf-8")


def reseal(line: str, key: bytes | None = None, **changes: object) -> str:
    """The line with fields changed and its own hash recomputed, as an attacker without the key would."""
    data = json.loads(line)
    data.update(changes)
    data.pop("hash")
    data["hash"] = seal(data, key)
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


@pytest.fixture
def trail(tmp_path: Path) -> Path:
    path = tmp_path / "audit.jsonl"
    write_trail(path)
    return path


def test_an_intact_trail_verifies(trail: Path) -> None:
    result = verify(trail)
    assert result.ok and result.entries == 6
    first = json.loads(lines(trail)[0])
    assert first["prev"] == GENESIS and first["seq"] == 1


def test_entries_carry_the_hash_of_the_previous_one(trail: Path) -> None:
    entries = [json.loads(line) for line in lines(trail)]
    for before, after in zip(entries, entries[1:]):
        assert after["prev"] == before["hash"]
        body = {k: v for k, v in before.items() if k != "hash"}
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        assert before["hash"] == hashlib.sha256(canonical).hexdigest()


def test_a_changed_entry_is_named(trail: Path) -> None:
    content = lines(trail)
    content[2] = content[2].replace('"status":"ok"', '"status":"failed"')
    rewrite(trail, content)
    result = verify(trail)
    assert (result.finding, result.line) == (Finding.CHANGED, 3)


def test_a_changed_entry_with_its_hash_recomputed_is_named_by_its_successor(trail: Path) -> None:
    content = lines(trail)
    content[2] = reseal(content[2], status="failed")
    rewrite(trail, content)
    result = verify(trail)
    assert (result.finding, result.line) == (Finding.CHANGED, 3)


def test_a_removed_entry_is_named(trail: Path) -> None:
    content = lines(trail)
    del content[3]
    rewrite(trail, content)
    result = verify(trail)
    assert (result.finding, result.line, result.count) == (Finding.REMOVED, 4, 1)


def test_removing_the_first_entry_is_detected(trail: Path) -> None:
    rewrite(trail, lines(trail)[1:])
    assert (verify(trail).finding, verify(trail).line) == (Finding.REMOVED, 1)


def test_a_pasted_copy_of_an_entry_is_named_as_inserted(trail: Path) -> None:
    content = lines(trail)
    content.insert(3, content[1])
    rewrite(trail, content)
    result = verify(trail)
    assert (result.finding, result.line, result.count) == (Finding.INSERTED, 4, 1)


def test_a_forged_entry_chained_in_without_the_key_is_named_as_inserted(trail: Path) -> None:
    content = lines(trail)
    previous = json.loads(content[2])
    forged = reseal(content[2], seq=previous["seq"] + 1, prev=previous["hash"], status="forged")
    content.insert(3, forged)
    rewrite(trail, content)
    result = verify(trail)
    assert (result.finding, result.line, result.count) == (Finding.INSERTED, 4, 1)


def test_a_copied_line_at_the_end_is_named_as_inserted(trail: Path) -> None:
    content = lines(trail)
    rewrite(trail, content + [content[2]])
    result = verify(trail)
    assert (result.finding, result.line) == (Finding.INSERTED, 7)


def test_garbage_in_a_line_is_a_change(trail: Path) -> None:
    content = lines(trail)
    content[1] = "hello\n"
    rewrite(trail, content)
    assert (verify(trail).finding, verify(trail).line) == (Finding.CHANGED, 2)


def test_with_a_key_a_fully_recomputed_chain_is_still_caught(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_trail(path, key=KEY)
    assert verify(path, KEY).ok
    content = lines(path)
    previous = GENESIS
    rebuilt = []
    for n, line in enumerate(content):
        changes = {"prev": previous, "alg": "sha256"} | ({"status": "failed"} if n == 2 else {})
        line = reseal(line, None, **changes)
        previous = json.loads(line)["hash"]
        rebuilt.append(line)
    rewrite(path, rebuilt)
    assert not verify(path, KEY).ok
    assert verify(path, KEY).line == 1


def test_a_keyed_trail_needs_the_key(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    write_trail(path, key=KEY)
    assert verify(path).finding is Finding.UNVERIFIABLE
    assert verify(path, bytes(32)).finding is Finding.CHANGED


def test_reopening_continues_the_chain(trail: Path) -> None:
    with AuditLog(trail, clock=lambda: T0) as audit:
        entry = audit.append(AuditEvent.KIOSK_STARTED)
    assert entry.seq == 7
    assert verify(trail).ok


def test_a_line_torn_by_a_power_cut_is_cut_off_and_the_repair_recorded(trail: Path) -> None:
    with trail.open("ab") as handle:
        handle.write(b'{"seq":7,"ts":"2025')
    with AuditLog(trail, clock=lambda: T0) as audit:
        assert audit.head()[0] == 7
    last = json.loads(lines(trail)[-1])
    assert last["event"] == "audit.tail_repaired" and last["count"] == 19
    assert verify(trail).ok


def test_an_unusable_last_line_moves_the_file_aside_and_starts_a_new_chain(trail: Path) -> None:
    rewrite(trail, lines(trail) + ["not an entry\n"])
    with AuditLog(trail, clock=lambda: T0):
        pass
    assert [p.name for p in trail.parent.glob("audit.jsonl.damaged-*")] == [f"audit.jsonl.damaged-{int(T0)}"]
    assert json.loads(lines(trail)[0])["event"] == "audit.restarted"
    assert verify(trail).ok


def test_concurrent_appends_from_threads_keep_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    with AuditLog(path) as audit:
        def work() -> None:
            for _ in range(50):
                audit.append(AuditEvent.DEVICE_FAULT, device="scanner", status="scanner.absent")

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    result = verify(path)
    assert result.ok and result.entries == 400


@pytest.mark.parametrize(
    "fields",
    [
        {"actor": "110101199003074514"},  # a resident ID number as the actor
        {"actor": "13812345678"},  # a mobile number
        {"ref": "110101199003074514"},
        {"status": "a110101199003074514"},
        {"actor": "张三"},  # a name
        {"status": "printed for Zhang San"},  # free text
        {"note": "anything"},  # a field the schema does not have
        {"action": "phoned the visitor"},
    ],
)
def test_personal_data_and_free_text_are_refused(tmp_path: Path, fields: dict[str, str]) -> None:
    with AuditLog(tmp_path / "audit.jsonl") as audit, pytest.raises(ValidationError):
        audit.append(AuditEvent.SUBMISSION_QUEUED, **fields)
    assert (tmp_path / "audit.jsonl").read_text() == ""


# --- the command ----------------------------------------------------------------------------------


def test_kiosk_audit_verify_passes_an_intact_trail(trail: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", str(trail)]) == 0
    assert "intact" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("tamper", "finding"),
    [
        (lambda content: content[:2] + [content[2].replace('"count":1', '"count":9')] + content[3:], "changed"),
        (lambda content: content[:2] + content[3:], "removed"),
        (lambda content: content[:3] + [content[1]] + content[3:], "inserted"),
    ],
    ids=["changed", "removed", "inserted"],
)
def test_kiosk_audit_verify_detects_tampering(trail: Path, capsys: pytest.CaptureFixture[str], tamper, finding: str) -> None:
    rewrite(trail, tamper(lines(trail)))
    assert main(["audit", "verify", str(trail)]) == 1
    out = capsys.readouterr().out
    assert f": {finding}: " in out and "line" in out


def test_kiosk_audit_verify_uses_a_key_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, key_file = tmp_path / "audit.jsonl", tmp_path / "audit.key"
    write_trail(path, key=KEY)
    key_file.write_text(base64.urlsafe_b64encode(KEY).decode())
    assert main(["audit", "verify", str(path)]) == 1
    assert "unverifiable" in capsys.readouterr().out
    assert main(["audit", "verify", str(path), "--key-file", str(key_file)]) == 0


def test_kiosk_audit_verify_defaults_to_the_kiosks_own_trail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_dir = "{data}"\n')
    write_trail(data / "audit.jsonl")
    assert main(["--config", str(config), "audit", "verify"]) == 0
    assert str(data / "audit.jsonl") in capsys.readouterr().out


def test_kiosk_audit_verify_reports_a_missing_file(tmp_path: Path) -> None:
    assert main(["audit", "verify", str(tmp_path / "none.jsonl")]) == 2
