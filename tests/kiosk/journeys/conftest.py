"""Helpers for journey tests: people the demo court knows, as ID cards, and the printed output."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

from drivers.base import ResidentCard
from drivers.idcard.fixtures import FIXTURE_CARD
from kiosk.controller import KioskController
from kiosk.court.demo.seed import Person


def card_of(person: Person) -> ResidentCard:
    """A resident card for a demo-court person (the fixture card with their name and number)."""
    return replace(FIXTURE_CARD, name=person.name, id_number=person.id_number,
                   birth_date=date(int(person.id_number[6:10]), int(person.id_number[10:12]), int(person.id_number[12:14])))


def present_card(controller: KioskController, card: ResidentCard) -> None:
    """Put ``card`` on the simulated reader: the real GA 467 driver reads it over a pty."""
    reader = controller.devices.slots["id_reader"].driver
    reader.present_card(card)  # type: ignore[union-attr]


def printed_text(controller: KioskController, role: str) -> str:
    """All text of every PDF the simulated printer of ``role`` printed, via pdftotext."""
    printer = controller.devices.slots[role].driver
    texts = [subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
             for pdf in sorted(Path(printer.output_dir).glob("*.pdf"))]  # type: ignore[union-attr]
    return "\n".join(texts)
