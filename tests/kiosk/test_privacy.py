"""The privacy sweep: after a visit with an ID card, nothing of the visitor is left on disk, in logs or in memory.

Three visits, each read by the real GA 467 driver over a pty: a case lookup (a served document fetched
into the visit's folder and printed); a full filing (the card holder and a defendant typed in by name
and ID number, every question answered, the fee computed, evidence photographed and made into PDFs,
submitted to the demo court, receipt and complaint printed, the visit rated); and a filing the
visitor walks away from in the middle of photographing evidence, ended by the time limit. Then the
kiosk's data directory, its temporary directory and everything logged are searched for the names (in
UTF-8 and UTF-16-LE) and the ID numbers (whole, and as a masked form's region and end).

Two things legitimately hold them and are left out, by name: the demo court's database in the data
directory (it stands in for the court's own server, which knows its parties) and the encrypted outbox
(sealed; its bytes are searched too). The simulated printer's output folder is the paper in the
visitor's hand, outside the kiosk's folders: the receipt on it shows the masked ID number by design. A
real printer's spool copy is CUPS's, not the kiosk's, and out of the kiosk's reach: CUPS keeps job
files a day by default, so the deployment must set ``PreserveJobFiles No`` (deploy/ does not yet).

Memory, honestly: Python strings cannot be wiped, and the same name also lives in the demo court's
fixtures (``kiosk.court.demo.seed``) and in the simulated card on the reader. So the memory check walks
everything reachable from the controller (minus the court gateway, the court's side) and requires that
none of it holds the name or number; a second, global scan of every object the garbage collector
tracks lists who still holds them, and must find only the known holders.

Then what the sweep showed needed more than the wipe: a kiosk that died mid-visit (its folder goes
when the next kiosk starts), a delivered submission's sealed bytes lingering in the outbox's log and
free pages, and a careless log line naming the visitor while the visit lasts (masked wholly).
"""

from __future__ import annotations

import gc
import io
import logging
import re
import sqlite3
import subprocess
import tempfile
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drivers.idcard.emulator import ReaderEmulator
from kiosk.controller import KioskController
from kiosk.court.demo.seed import LI, WANG
from kiosk.court.outbox import Outbox
from kiosk.court.sealing import new_key, parse_key
from kiosk.logs import RECENT, configure_logging
from kiosk.services import DEMO_COURT_FILE, OUTBOX_FILE
from kiosk.session import Visit
from kiosk.domain.masking import mask_id_number
from tests.kiosk.conftest import ManualClock, UiLoop
from tests.kiosk.court.samples import filing as sample_filing
from tests.kiosk.journeys.conftest import card_of, present_card, printed_text
from tests.kiosk.journeys.filing.driver import (
    Filing,
    answer_all,
    at,
    enter_parties,
    identify,
    scan_item,
    submit_and_print,
    to_review,
)

#: The visitor (the fixture card) and a party they type in: whose name and number must not stay behind.
PEOPLE = (LI, WANG)
NEEDLES = tuple(text for person in PEOPLE for text in (person.name, person.id_number))
#: Every needle as bytes: UTF-8, and UTF-16-LE (how Windows-born formats and some PDF strings hold text).
ENCODED_NEEDLES = tuple((needle, needle.encode(encoding)) for needle in NEEDLES for encoding in ("utf-8", "utf-16-le"))
#: An ID number masked (receipt, screens, the log filter) still shows its region and its end: no kiosk
#: file, log line or object may keep even those, whatever hides the middle.
MASKED_ID = re.compile("|".join(rf"{re.escape(p.id_number[:6])}[^\d]{{1,16}}{re.escape(p.id_number[-4:])}"
                                for p in PEOPLE))
#: Files of the data directory that are not the kiosk's own keeping (see the module docstring).
COURT_SIDE = (DEMO_COURT_FILE,)


@pytest.fixture
def kiosk_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary directory of the kiosk's own, so the sweep searches exactly what the kiosk wrote:
    Python's, and through ``TMPDIR`` that of C libraries (SQLite's spill files) and child processes."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


@pytest.fixture
def kiosk_log() -> Iterator[io.StringIO]:
    """Everything logged, at DEBUG, through the kiosk's own logging set-up (its redacting filter)."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    configure_logging(logging.DEBUG)
    stream = io.StringIO()
    root.handlers[0].setStream(stream)  # type: ignore[attr-defined]
    yield stream
    root.handlers[:] = saved_handlers
    root.setLevel(saved_level)


def lookup_and_print_with_the_card(controller: KioskController, loop: UiLoop) -> None:
    """Attract → lookup by ID card → a case → its documents → print one → end and rate the visit."""
    controller.intent("start_visit")
    controller.intent("choose_lookup")
    controller.intent("by_card")
    present_card(controller, card_of(LI))
    loop.pump(lambda: controller.flow.step == "lookup_cases")
    case = next(a for a in controller.model().actions if a.intent == "open_case")
    controller.intent(case.intent, **case.params)
    loop.pump(lambda: controller.flow.step == "lookup_case")
    controller.intent("show_documents")
    loop.pump(lambda: controller.flow.step == "lookup_documents")
    document = next(a for a in controller.model().actions if a.intent == "print_document")
    visit_folder = controller.visit.temp_dir
    controller.intent(document.intent, **document.params)
    loop.pump(lambda: controller.visit.journeys["lookup"].get("printed") is not None)
    assert any(visit_folder.iterdir())  # the served document was fetched into the visit's folder
    controller.intent("go_home")
    controller.intent("finish")
    rating = next(a for a in controller.model().actions if a.intent == "rate")
    controller.intent(rating.intent, **rating.params)
    assert controller.flow.step == "attract"
    assert not visit_folder.exists()


def exposed(data: bytes) -> list[str]:
    """The needles ``data`` holds, in either encoding, or as a masked ID number's visible parts."""
    found = [needle for needle, encoded in ENCODED_NEEDLES if encoded in data]
    masked = MASKED_ID.findall(data.decode("utf-8", errors="replace"))
    return sorted(set(found)) + [f"masked {m}" for m in masked]


def files_holding(folder: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """Files under ``folder`` that expose a needle, except those named in ``skip``."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if not path.name.startswith(skip):
            found += [f"{path.relative_to(folder)}: {needle}" for needle in exposed(path.read_bytes())]
    return found


def holds_needle(value: object) -> bool:
    if isinstance(value, str):
        return any(needle in value for needle in NEEDLES) or MASKED_ID.search(value) is not None
    if isinstance(value, bytes | bytearray):
        return exposed(bytes(value)) != []
    return False


WEAK_PROXIES = (weakref.ProxyType, weakref.CallableProxyType)


def reachable_holders(root: object, exclude: tuple[object, ...]) -> list[str]:
    """Paths (types) from ``root`` to any string or bytes holding a needle.

    ``exclude`` objects are not entered, nor the simulated reader's emulator: it is the plastic card
    still lying on the reader, not the kiosk's memory of it.
    """
    seen = {id(x) for x in exclude}
    queue: list[tuple[object, str]] = [(root, type(root).__name__)]
    found = []
    while queue:
        obj, path = queue.pop()
        if id(obj) in seen or isinstance(obj, ReaderEmulator):
            continue
        seen.add(id(obj))
        for ref in gc.get_referents(obj):
            if isinstance(ref, WEAK_PROXIES):
                continue  # a proxy owns nothing, and touching a dead one raises ReferenceError
            if holds_needle(ref):
                found.append(path)
            elif not isinstance(ref, type | str | bytes | int | float) and not callable(ref) or hasattr(ref, "__self__"):
                queue.append((ref, f"{path} > {type(ref).__name__}"))
    return found


def global_holders() -> list[object]:
    """Every GC-tracked object, other than plain containers and frames, that directly holds a string or
    bytes with a needle (plain dicts, lists and tuples are everywhere, the test's own frames included;
    which kiosk object owns them is what the walk above finds)."""
    gc.collect()
    return [obj for obj in gc.get_objects()
            if not isinstance(obj, WEAK_PROXIES) and type(obj).__module__ != "builtins"
            and any(holds_needle(ref) for ref in gc.get_referents(obj) if not isinstance(ref, WEAK_PROXIES))]


def type_names(objects: list[object]) -> list[str]:
    return sorted(f"{type(obj).__module__}.{type(obj).__qualname__}" for obj in objects)


def assert_nothing_of_the_visitor_is_left(controller: KioskController, kiosk_temp: Path, logged: str,
                                          before: list[object]) -> None:
    """The sweep: data directory (the outbox's sealed bytes included), temp directory, logs, memory."""
    data_dir = controller.settings.resolved_data_dir()
    assert files_holding(data_dir, skip=(*COURT_SIDE, OUTBOX_FILE)) == []
    assert files_holding(data_dir, skip=COURT_SIDE) == []  # the outbox's bytes are sealed too
    assert files_holding(kiosk_temp) == []
    assert list(kiosk_temp.glob("kiosk-visit-*")) == []
    assert [needle for needle in NEEDLES if needle in logged] == []
    assert MASKED_ID.findall(logged) == []

    reachable = reachable_holders(controller, exclude=(controller.services.court,))
    assert reachable == [], "\n".join(reachable)
    # What the visit left anywhere in memory: one card, the one still lying on the simulated reader.
    known = {id(obj) for obj in before}
    assert type_names([obj for obj in global_holders() if id(obj) not in known]) == ["drivers.base.ResidentCard"]


def everything_logged(stream: io.StringIO) -> str:
    return stream.getvalue() + "\n".join(RECENT.lines())


def test_after_a_card_lookup_no_file_log_or_kiosk_object_holds_the_visitors_name_or_id_number(
    controller: KioskController, loop: UiLoop, kiosk_temp: Path, kiosk_log: io.StringIO
) -> None:
    before = global_holders()  # the demo court's fixtures, other tests' samples: kept alive, so ids stay theirs
    lookup_and_print_with_the_card(controller, loop)
    loop.pump(lambda: not controller.services.tasks.busy)

    logged = everything_logged(kiosk_log)
    assert "lookup" in logged  # the run did log
    assert_nothing_of_the_visitor_is_left(controller, kiosk_temp, logged, before)


#: The fixture card's holder files for divorce against a person typed in by name and ID number, with
#: two evidence items scanned into PDFs; every answer given, the fee computed.
FILING = Filing("divorce", LI, defendants=(WANG,), yes=frozenset({"divide_property"}),
                answers={"property_value": "300000"}, evidence=(("identity", 1), ("marriage_certificate", 2)))


def test_after_a_full_filing_no_file_log_or_kiosk_object_holds_the_visitors_or_partys_name_or_id_number(
    controller: KioskController, loop: UiLoop, kiosk_temp: Path, kiosk_log: io.StringIO
) -> None:
    before = global_holders()
    to_review(controller, loop, FILING)
    visit_folder = controller.visit.temp_dir
    assert any(visit_folder.glob("*.jpg"))  # the evidence pages, photographed into the visit's folder
    submit_and_print(controller, loop)
    assert controller.flow.step == "filing_done"
    assert any(visit_folder.glob("*.pdf"))  # the receipt, the complaint and the evidence as PDFs
    receipt = printed_text(controller, "receipt_printer")
    assert mask_id_number(LI.id_number) in receipt and LI.id_number not in receipt  # the paper the visitor takes
    controller.intent("finish")
    controller.intent("rate", score=5)
    assert controller.flow.step == "attract"
    assert not visit_folder.exists()
    loop.pump(lambda: not controller.services.tasks.busy)

    logged = everything_logged(kiosk_log)
    assert "filing" in logged
    assert_nothing_of_the_visitor_is_left(controller, kiosk_temp, logged, before)


def test_after_a_filing_that_times_out_mid_evidence_nothing_of_the_visitor_is_left(
    controller: KioskController, loop: UiLoop, clock: ManualClock, kiosk_temp: Path, kiosk_log: io.StringIO
) -> None:
    before = global_holders()
    identify(controller, loop, LI)
    enter_parties(controller, FILING)
    controller.intent("parties_done")
    loop.pump(at(controller, "filing_court"))
    controller.intent("choose_court", code=FILING.court_code)
    controller.intent("choose_case_type", case_type=FILING.case_type)
    answer_all(controller, FILING.yes, FILING.answers)
    controller.intent("claim_done")
    scan_item(controller, loop, "identity", 1)
    visit_folder = controller.visit.temp_dir
    assert any(visit_folder.iterdir())
    controller.intent("new_item", slot="marriage_certificate")
    controller.intent("capture")
    loop.pump(at(controller, "filing_item"))  # a page photographed, the item not finished: the visitor walks away

    timeouts = controller.settings.timeouts
    for _ in range(timeouts.max_idle_extensions + 2):  # past every warning, never answered
        clock.advance(timeouts.idle_timeout_s * timeouts.assisted_factor + timeouts.idle_warning_s + 1)
        controller.tick()
    assert controller.flow.step == "attract"
    assert not visit_folder.exists()
    loop.pump(lambda: not controller.services.tasks.busy)

    logged = everything_logged(kiosk_log)
    assert "timed out" in logged
    assert_nothing_of_the_visitor_is_left(controller, kiosk_temp, logged, before)


def a_pid_that_is_gone() -> int:
    process = subprocess.run(["sh", "-c", "echo $$"], capture_output=True, text=True, check=True)
    return int(process.stdout)


def test_after_a_kiosk_died_mid_visit_the_next_one_to_start_deletes_that_visits_files(kiosk_temp: Path) -> None:
    """A crash or power cut skips the wipe: the visit's scans stay until the next kiosk starts."""
    orphan = kiosk_temp / f"kiosk-visit-{a_pid_that_is_gone()}-abc"
    orphan.mkdir()
    (orphan / "page-1.jpg").write_text(f"{LI.name} {LI.id_number}", encoding="utf-8")
    living = Visit()  # this process's visit, as another kiosk's would be: alive, so kept
    (living.temp_dir / "page-2.jpg").write_text("scan", encoding="utf-8")
    unknown = kiosk_temp / "kiosk-visit-x1y2z3"  # an older kiosk's naming: whether it lives is unknown
    unknown.mkdir()

    Visit()  # the kiosk starting again makes its visit

    assert files_holding(kiosk_temp) == []
    assert sorted(p.name for p in kiosk_temp.iterdir()) == sorted([living.temp_dir.name, unknown.name])
    living.wipe()


def test_a_delivered_submission_leaves_not_even_its_sealed_bytes_in_the_outbox_files(tmp_path: Path) -> None:
    """Deleting a row only unlinks it: its page images lie on in the write-ahead log (for as long as the
    kiosk runs, which keeps the outbox open) and, without secure delete, in free space of the database,
    readable by anyone with a disk image and the kiosk's key (it is in the kiosk's configuration)."""
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path, parse_key(new_key()))
    queued = outbox.submit(sample_filing("kiosk-1"))
    with sqlite3.connect(path) as db:
        (sealed,) = db.execute("SELECT sealed FROM outbox WHERE reference = ?", (queued.reference,)).fetchone()

    def on_disk() -> bytes:
        return b"".join(f.read_bytes() for f in tmp_path.iterdir() if f.is_file())

    assert sealed[12:60] in on_disk()
    outbox.acknowledge(queued.reference)
    assert sealed[12:60] not in on_disk()
    assert outbox.depth().pending == 0  # still open and working
    outbox.close()


def test_a_careless_log_line_during_a_visit_shows_nothing_of_the_card_holder(
        kiosk_temp: Path, kiosk_log: io.StringIO) -> None:
    """The backstop: the card's and typed persons' names (no pattern finds a name) and whole numbers are starred
    while the visit lasts."""
    visit = Visit()
    visit.card = card_of(LI)
    for typed in range(1, len(WANG.name) + 1):  # a party typed in, key by key
        visit.fields["filing.party.name"] = WANG.name[:typed]
    visit.fields["filing.answer"] = "5"  # not a person: not masked
    logging.getLogger("kiosk.careless").warning("read %s (%s)", LI.name, LI.id_number)
    logging.getLogger("kiosk.careless").warning("typed %s, answered %s", WANG.name, "5")
    logging.getLogger("kiosk.careless").warning("the %s", WANG.name[0])
    visit.wipe()
    logging.getLogger("kiosk.careless").warning("next visitor %s", LI.name)  # the mask ends with the visit

    logged = everything_logged(kiosk_log)
    assert f"read {'*' * len(LI.name)} ({'*' * len(LI.id_number)})" in logged
    assert f"typed {'*' * len(WANG.name)}, answered 5" in logged
    assert f"the {WANG.name[0]}" in logged  # what was typed on the way is no longer masked
    assert exposed(logged.encode()) == [LI.name]


def test_the_sweep_would_see_a_leak(controller: KioskController, loop: UiLoop, kiosk_temp: Path) -> None:
    """The search is not blind: a name left in the data directory or on the controller is found."""
    (controller.settings.resolved_data_dir() / "leak.txt").write_text(f"visitor {LI.name}", encoding="utf-8")
    assert files_holding(controller.settings.resolved_data_dir(), skip=COURT_SIDE) == [f"leak.txt: {LI.name}"]
    (kiosk_temp / "wide.txt").write_bytes(f"{WANG.name}".encode("utf-16-le"))
    (kiosk_temp / "masked.log").write_text(f"id {mask_id_number(LI.id_number)}", encoding="utf-8")
    assert files_holding(kiosk_temp) == [f"masked.log: masked {mask_id_number(LI.id_number)}", f"wide.txt: {WANG.name}"]
    leaked: Any = controller
    leaked.leftover = {"name": LI.name}
    assert reachable_holders(controller, exclude=(controller.services.court,)) != []
