"""The 80 mm filing receipt: masked parties, court, fee, status, a QR code that scans back, and its speech."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pyzbar import pyzbar
from reportlab.lib.units import mm

from kiosk.complaints import build_complaint
from kiosk.court.contract import new_reference
from kiosk.documents.receipt import Receipt, fee_basis, render_receipt
from kiosk.documents.receipt_code import decode_receipt_code, encode_receipt_code
from kiosk.documents.receipt_speech import spoken_summary
from tests.kiosk.complaints.scenarios import INSURER_D, MINGHU, QINGCHUAN, SCENARIOS, WANG_D, ZHANG_P, walk

BEIJING = timezone(timedelta(hours=8))
SUBMITTED = datetime(2025, 3, 14, 10, 32, tzinfo=BEIJING)
REFERENCE = "K7Q2M-9XBD-4H0T"
QR_ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def receipt_for(case_type: str, *, queued: bool = False, court=MINGHU, reference: str = REFERENCE) -> Receipt:
    scenario = SCENARIOS[case_type]
    complaint = build_complaint(walk(case_type), scenario.parties, court)
    return Receipt.for_complaint(complaint, reference, SUBMITTED, queued=queued, kiosk_court=MINGHU)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_count_and_size(path: Path) -> tuple[int, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    width = float(fields["Page size"].split()[0])
    return int(fields["Pages"]), width


# --- the QR payload ---------------------------------------------------------------------------


def test_receipt_codes_round_trip_and_stay_in_the_qr_alphanumeric_set() -> None:
    for _ in range(500):
        reference = new_reference()
        code = encode_receipt_code(reference)
        assert code.startswith("CKR1:") and set(code) <= QR_ALPHANUMERIC
        assert decode_receipt_code(code) == reference
        assert decode_receipt_code(f"  {code.lower()}\r\n") == reference


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "not a kiosk receipt code"),
        ("https://example.com/K7Q2M-9XBD-4H0T", "not a kiosk receipt code"),
        ("（2024）京0191民初1024号", "not a kiosk receipt code"),
        ("134567890123456789", "not a kiosk receipt code"),
        ("K7Q2M-9XBD-4H0T", "not a kiosk receipt code"),
        ("CKR2:K7Q2M-9XBD-4H0T:R2", "unsupported receipt code version"),
        ("CKR1:K7Q2M9XBD4H0T:R2", "no valid reference"),
        ("CKR1:K7Q2M-9XBD-4H0T:R3", "check characters do not match"),
        ("CKR1:K7Q2M-9XBD-4H0A:R2", "check characters do not match"),
        ("CKR1:K7Q2M-9XBD-4H0T:R2:extra", "not a kiosk receipt code"),
    ],
)
def test_anything_but_a_receipt_code_is_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        decode_receipt_code(text)


def test_only_kiosk_references_can_be_encoded() -> None:
    with pytest.raises(ValueError):
        encode_receipt_code("110105198503122317")


# --- the printed receipt -----------------------------------------------------------------------


def test_receipt_prints_masked_parties_court_fee_and_reference(tmp_path: Path) -> None:
    path = render_receipt(receipt_for("private_lending"), tmp_path)
    text = pdf_text(path)
    flat = "".join(text.split())
    assert "自助立案回执" in flat and REFERENCE in flat and "已提交法院" in flat
    assert "受理法院：北京市明湖区人民法院" in flat
    assert "原告：张**（110105********2317）" in flat
    assert "被告：王**（110101********1530）" in flat
    assert ZHANG_P.id_number not in flat and WANG_D.id_number not in flat
    assert ZHANG_P.name not in flat and WANG_D.name not in flat
    assert "民间借贷（民间借贷纠纷）" in flat
    assert "请求金额：¥97,920.00" in flat
    assert "预估诉讼费：¥2,248.00" in flat
    assert "《诉讼费用交纳办法》第十三条第（一）项" in flat
    assert "下一步" in flat and "跨域立案" not in flat
    assert "待发送" not in flat


def test_queued_cross_court_receipt_says_so(tmp_path: Path) -> None:
    receipt = receipt_for("traffic_accident", queued=True, court=QINGCHUAN)
    flat = "".join(pdf_text(render_receipt(receipt, tmp_path)).split())
    assert "状态：已保存，待发送" in flat and "本机参考号：" + REFERENCE in flat
    assert "法院系统暂时无法连接" in flat and "恢复连接后自动发送" in flat
    assert "受理法院：北京市青川区人民法院" in flat
    assert "跨域立案：由北京市明湖区人民法院代为提交" in flat
    assert f"被告：{INSURER_D.name}" in flat
    assert "提交时间：2025年3月14日10:32" in flat


def test_a_fee_range_prints_as_a_range(tmp_path: Path) -> None:
    flat = "".join(pdf_text(render_receipt(receipt_for("divorce"), tmp_path)).split())
    assert "预估诉讼费：¥12,050.00–¥12,300.00" in flat
    assert "离婚案件按件交纳" in flat


def test_labour_fee_basis() -> None:
    assert fee_basis(receipt_for("labour_dispute").fee) == "《诉讼费用交纳办法》第十三条第（四）项，劳动争议案件，每件10元"


@pytest.mark.parametrize("case_type", sorted(SCENARIOS))
def test_receipt_is_one_80mm_page_and_nothing_else_is_written(tmp_path: Path, case_type: str) -> None:
    path = render_receipt(receipt_for(case_type, queued=True, court=QINGCHUAN), tmp_path)
    pages, width = page_count_and_size(path)
    assert (pages, round(width / mm)) == (1, 80)
    assert list(tmp_path.iterdir()) == [path]


def test_receipt_qr_scans_back_to_the_reference(tmp_path: Path) -> None:
    reference = new_reference()
    path = render_receipt(receipt_for("sale_contract", reference=reference), tmp_path)
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(path), str(tmp_path / "page")], check=True)
    image = Image.open(tmp_path / "page-1.png")
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [decode_receipt_code(code.text) for code in found] == [reference]
    assert [decode_receipt_code(code.data.decode()) for code in pyzbar.decode(image)] == [reference]


# --- what voice mode says ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh_CN", ["已提交法院", "北京市明湖区人民法院", "民间借贷", "97920元", "2248元"]),
        ("en", ["sent to the court", "Private loan", "97920 yuan", "2248 yuan"]),
        ("ko", ["제출되었습니다", "민간 대출", "97920위안", "2248위안"]),
    ],
)
def test_spoken_summary_in_each_language_without_personal_data(language: str, words: list[str]) -> None:
    lines = spoken_summary(receipt_for("private_lending"), language)
    spoken = " ".join(lines)
    for word in words:
        assert word in spoken
    assert "K 7 Q 2 M, 9 X B D, 4 H 0 T" in spoken
    for secret in (ZHANG_P.name, WANG_D.name, ZHANG_P.id_number, "110105", "2317"):
        assert secret not in spoken


def test_spoken_summary_of_a_queued_cross_court_filing_with_a_fee_range() -> None:
    lines = spoken_summary(receipt_for("divorce", queued=True, court=QINGCHUAN), "en")
    assert lines[0].startswith("The court's system cannot be reached")
    assert any("cross-court" in line for line in lines)
    assert any("between 12050 and 12300 yuan" in line for line in lines)
    assert spoken_summary(receipt_for("divorce"), "fr")[0] == "您的立案申请已提交法院。"
