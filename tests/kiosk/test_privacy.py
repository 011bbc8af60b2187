"""The privacy sweep: after a visit with an ID card, nothing of the visitor is left on disk, in logs or in memory.

A full case lookup by ID card (the card read by the real GA 467 driver over a pty, a served document
fetched into the visit's folder and printed), then the visit ends. The kiosk's data directory, its
temporary directory and everything logged are searched for the visitor's name and ID number.

Two things legitimately hold them and are left out, by name: the demo court's database in the data
directory (it stands in for the court's own server, which knows its parties) and the encrypted outbox
(sealed; its bytes are searched too). The printer's output folder is the paper in the visitor's hand.

Memory, honestly: Python strings cannot be wiped, and the same name also lives in the demo court's
fixtures (``kiosk.court.demo.seed``) and in the simulated card on the reader. So the memory check walks
everything reachable from the controller (minus the court gateway, the court's side) and requires that
none of it holds the name or number; a second, global scan of every object the garbage collector
tracks lists who still holds them, and must find only the known holders.
"""

from __future__ import annotations

import gc
import weakref
import io
import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drivers.idcard.emulator import ReaderEmulator
from kiosk.controller import KioskController
from kiosk.court.demo.seed import LI
from kiosk.logs import RECENT, configure_logging
from kiosk.services import DEMO_COURT_FILE, OUTBOX_FILE
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.conftest import card_of, present_card

NEEDLES = (LI.name, LI.id_number)
#: Files of the data directory that are not the kiosk's own keeping (see the module docstring).
COURT_SIDE = (DEMO_COURT_FILE,)


@pytest.fixture
def kiosk_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary directory of the kiosk's own, so the sweep searches exactly what the kiosk wrote."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
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


def files_holding(folder: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """Files under ``folder`` whose bytes contain a needle (UTF-8), except those named in ``skip``."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.startswith(skip):
            continue
        data = path.read_bytes()
        found += [f"{path.relative_to(folder)}: {needle}" for needle in NEEDLES if needle.encode() in data]
    return found


def holds_needle(value: object) -> bool:
    if isinstance(value, str):
        return any(needle in value for needle in NEEDLES)
    if isinstance(value, bytes | bytearray):
        return any(needle.encode() in value for needle in NEEDLES)
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


def test_after_a_card_lookup_no_file_log_or_kiosk_object_holds_the_visitors_name_or_id_number(
    controller: KioskController, loop: UiLoop, kiosk_temp: Path, kiosk_log: io.StringIO
) -> None:
    before = global_holders()  # the demo court's fixtures, other tests' samples: kept alive, so ids stay theirs
    lookup_and_print_with_the_card(controller, loop)
    loop.pump(lambda: not controller.services.tasks.busy)

    data_dir = controller.settings.resolved_data_dir()
    assert files_holding(data_dir, skip=(*COURT_SIDE, OUTBOX_FILE)) == []
    assert files_holding(data_dir, skip=COURT_SIDE) == []  # the outbox's bytes are sealed too
    assert files_holding(kiosk_temp) == []
    assert list(kiosk_temp.glob("kiosk-visit-*")) == []
    logged = kiosk_log.getvalue() + "\n".join(RECENT.lines())
    assert "lookup" in logged  # the run did log
    assert [needle for needle in NEEDLES if needle in logged] == []

    reachable = reachable_holders(controller, exclude=(controller.services.court,))
    assert reachable == [], "\n".join(reachable)
    # What the visit left anywhere in memory: one card, the one still lying on the simulated reader.
    known = {id(obj) for obj in before}
    assert type_names([obj for obj in global_holders() if id(obj) not in known]) == ["drivers.base.ResidentCard"]


def test_the_sweep_would_see_a_leak(controller: KioskController, loop: UiLoop, kiosk_temp: Path) -> None:
    """The search is not blind: a name left in the data directory or on the controller is found."""
    (controller.settings.resolved_data_dir() / "leak.txt").write_text(f"visitor {LI.name}", encoding="utf-8")
    assert files_holding(controller.settings.resolved_data_dir(), skip=COURT_SIDE) == [f"leak.txt: {LI.name}"]
    leaked: Any = controller
    leaked.leftover = {"name": LI.name}
    assert reachable_holders(controller, exclude=(controller.services.court,)) != []
