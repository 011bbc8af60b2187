"""The payment journey in the real app under Xvfb, by simulated touches."""

from __future__ import annotations

import pytest

from tests.screens.conftest import RunScript

pytestmark = pytest.mark.ui


def test_a_visitor_pays_the_acceptance_fee_by_payer_code_with_touches_alone(run_in_app: RunScript) -> None:
    results = run_in_app("tests.screens.scripts_payment:pay_acceptance_fee_by_payer_code")
    assert results["chosen"] == ["F1001"]
    assert results["screen"] == "payment_done"
    assert "finish" in results["buttons"]
    assert results["fees"] == {"F1001": "paid", "F1002": "due"}
    (text,) = results["receipts"]
    assert "案件受理费" in text and "¥2,300.00" in text and "微信付款码" in text and "公告费" not in text
