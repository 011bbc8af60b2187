"""Templates load, every visitor-facing text exists in every language, and authoring mistakes are caught."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from kiosk.complaints import CaseTemplate, load_template, templates
from kiosk.complaints.template import TEMPLATES_DIR

CASE_TYPES = ["private_lending", "sale_contract", "labour_dispute", "divorce", "traffic_accident", "property_service"]
HANGUL_OR_LATIN = re.compile(r"[\uac00-\ud7afA-Za-z]")


def test_one_template_per_required_case_type() -> None:
    assert sorted(templates()) == sorted(CASE_TYPES)
    assert len(list(TEMPLATES_DIR.glob("*.toml"))) == len(CASE_TYPES)


@pytest.mark.parametrize("case_type", CASE_TYPES)
def test_every_visitor_text_has_chinese_english_and_korean(case_type: str) -> None:
    template = templates()[case_type]
    texts = [template.name, template.cause]
    for question in template.questions:
        texts += [question.prompt, *(o.text for o in question.options)]
        texts += [t for t in (question.help, question.refusal) if t]
    texts += [slot.name for slot in template.evidence]
    missing = [text.zh_CN for text in texts if text.languages() != {"zh_CN", "en", "ko"}]
    assert missing == []


@pytest.mark.parametrize("case_type", CASE_TYPES)
def test_complaint_text_is_chinese(case_type: str) -> None:
    """Claims, facts and evidence print in the court's language: no Korean or stray Latin slipped in."""
    template = templates()[case_type]
    document = [c.text for c in template.claims + template.facts] + [s.purpose for s in template.evidence]
    document += [slot.name.zh_CN for slot in template.evidence]
    without_placeholders = [re.sub(r"\{[a-z_:]+\}", "", text) for text in document]
    assert [text for text in without_placeholders if HANGUL_OR_LATIN.search(text)] == []


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(fee_kind="lending"), "unknown fee kind"),
        (lambda d: d["claims"].append({"text": "判令被告支付{penalty}元"}), "placeholder {penalty}"),
        (lambda d: d["questions"][0].update(when={"has_iou": True}), "not an earlier question"),
        (lambda d: d["questions"][4].update(when={"has_iou": "yes"}), "must be true or false"),
        (lambda d: d["questions"][2].update(options=d["questions"][2]["options"][:1]), "two distinct option values"),
        (lambda d: d.update(claim_amount=["loan_date"]), "not an amount question"),
        (lambda d: d["questions"][1].update(id="loan_date"), "used twice"),
        (lambda d: d["questions"][10].update(not_above="loan_date"), "not_above names no earlier amount"),
        (lambda d: d["questions"][3].update(refusal={"zh_CN": "不行"}), "must_be and refusal go together"),
    ],
)
def test_authoring_mistakes_are_refused(edit, message: str) -> None:
    data = tomllib.loads((TEMPLATES_DIR / "private_lending.toml").read_text(encoding="utf-8"))
    edit(data)
    with pytest.raises(ValueError) as raised:
        CaseTemplate.model_validate(data)
    assert message in str(raised.value)


@pytest.mark.parametrize("content", ["case_type = ", 'case_type = "private_lending"'])
def test_a_broken_file_is_refused_with_its_name(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="bad.toml"):
        load_template(path)
