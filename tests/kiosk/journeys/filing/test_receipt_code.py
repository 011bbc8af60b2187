"""The QR code printed on a filing receipt, read back from the paper, opens that filing in the lookup journey."""

from __future__ import annotations

import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image

from kiosk.controller import KioskController
from kiosk.court.demo.seed import WANG, ZHANG
from tests.kiosk.conftest import UiLoop
from tests.kiosk.journeys.filing.driver import Filing, at, draft, submit_and_print, to_review


def codes_on(pdf: Path, directory: Path) -> list[str]:
    """Every QR code on the printed page, rendered at 200 dpi as a scanner would see the paper."""
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(pdf), str(directory / "receipt")], check=True)
    return [code.text for png in sorted(directory.glob("receipt*.png"))
            for code in zxingcpp.read_barcodes(Image.open(png), formats=zxingcpp.BarcodeFormat.QRCode)]


def test_the_receipts_qr_code_shows_the_filings_status_in_the_lookup(
        controller: KioskController, loop: UiLoop, tmp_path: Path) -> None:
    to_review(controller, loop, Filing("private_lending", ZHANG, defendants=(WANG,)))
    submit_and_print(controller, loop)
    reference = draft(controller).outcome.receipt.reference
    printer = controller.devices.slots["receipt_printer"].driver
    (printed,) = printer.printed()  # type: ignore[union-attr]
    (code,) = codes_on(printed, tmp_path)
    controller.intent("finish")
    controller.intent("rate", score=4)

    controller.intent("start_visit")
    controller.intent("choose_lookup")
    controller.intent("by_qr")
    controller.devices.slots["scanner"].driver.present(code)  # type: ignore[union-attr]
    loop.pump(at(controller, "lookup_filing"))
    status = controller.visit.journeys["lookup"]["filing"]
    assert (status.reference, status.status, status.receiving_court_code) == (reference, "received", "京0191")
    assert [t.params.get("value") for t in controller.model().body[:1]] == [reference]
