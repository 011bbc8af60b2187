"""``kiosk decode IMAGE...`` prints one JSON line per image with the codes found."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np

from drivers.barcode.synth import camera_frame, render_linear, render_qr
from kiosk.cli import main


def test_prints_one_json_line_per_image(tmp_path: Path, capsys) -> None:
    qr, slip, blank = tmp_path / "qr.png", tmp_path / "slip.jpg", tmp_path / "blank.png"
    cv2.imwrite(str(qr), camera_frame(render_qr("（2024）京0105民初12345号"), np.random.default_rng(1)))
    cv2.imwrite(str(slip), camera_frame(render_linear("GD2024-000815"), np.random.default_rng(2)))
    cv2.imwrite(str(blank), np.full((100, 100), 255, np.uint8))
    assert main(["decode", str(qr), str(slip), str(blank)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["image"] for line in lines] == [str(qr), str(slip), str(blank)]
    assert [(c["format"], c["text"]) for c in lines[0]["codes"]] == [("QRCode", "（2024）京0105民初12345号")]
    assert [(c["format"], c["text"]) for c in lines[1]["codes"]] == [("Code128", "GD2024-000815")]
    assert lines[2]["codes"] == []
    assert len(lines[0]["codes"][0]["position"]) == 4
    assert all(len(point) == 2 for point in lines[0]["codes"][0]["position"])


def test_unreadable_image_gives_an_error_line_and_exit_status_1(tmp_path: Path, capsys) -> None:
    bogus = tmp_path / "not-an-image.png"
    bogus.write_text("hello")
    assert main(["decode", str(bogus), str(tmp_path / "missing.png")]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all("error" in line for line in lines)


def test_symbologies_option_widens_what_is_read(tmp_path: Path, capsys) -> None:
    ean = tmp_path / "ean.png"
    cv2.imwrite(str(ean), render_linear("6901234567892", "EAN13"))
    assert main(["decode", "--symbologies", "QRCode,EAN13", str(ean)]) == 0
    (line,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [c["text"] for c in line["codes"]] == ["6901234567892"]
    assert main(["decode", "--symbologies", "Bogus", str(ean)]) == 2
