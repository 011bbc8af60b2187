"""The guided interview: order and conditions, refusals with reasons, answers that are never lost."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kiosk.complaints import AnswerProblem, Interview, InvalidAnswer, template_for
from tests.kiosk.complaints.scenarios import SCENARIOS, TODAY, walk


def lending(**answers: object) -> Interview:
    """A private-lending interview answered in order up to (and including) the given answers."""
    interview = Interview(template_for("private_lending"), today=TODAY)
    for question_id, answer in answers.items():
        assert interview.current is not None and interview.current.id == question_id
        interview.answer(answer)
    return interview


START = {"loan_date": "2023-05-01", "principal": "100000", "delivery_method": "cash"}


@pytest.mark.parametrize("case_type", sorted(SCENARIOS))
def test_each_scenario_walks_to_a_complete_interview(case_type: str) -> None:
    interview = walk(case_type)
    assert interview.complete
    assert interview.problems() == []


def test_a_written_iou_brings_its_date_question_and_no_iou_skips_it() -> None:
    with_iou = lending(**START, has_iou=True)
    assert with_iou.current.id == "iou_date"
    without = lending(**START, has_iou=False)
    assert without.current.id == "due_agreed"
    assert "iou_date" not in {q.id for q in without.visible()}


def test_a_choice_condition_with_several_values() -> None:
    sale = Interview(template_for("labour_dispute"), today=TODAY)
    sale.answer(True)
    sale.answer("overdue")
    assert sale.current.id == "start_date"
    assert "award_number" not in {q.id for q in sale.visible()}


@pytest.mark.parametrize(
    ("answers", "raw", "problem"),
    [
        ({}, "明天", AnswerProblem.NOT_A_DATE),
        ({}, "2023-02-30", AnswerProblem.NOT_A_DATE),
        ({}, "2025-03-15", AnswerProblem.DATE_IN_FUTURE),
        ({}, "1949-12-31", AnswerProblem.DATE_TOO_EARLY),
        ({}, "   ", AnswerProblem.REQUIRED),
        ({}, None, AnswerProblem.REQUIRED),
        ({"loan_date": "2023-05-01"}, "十万", AnswerProblem.NOT_AN_AMOUNT),
        ({"loan_date": "2023-05-01"}, "-500", AnswerProblem.AMOUNT_TOO_SMALL),
        ({"loan_date": "2023-05-01"}, "0", AnswerProblem.AMOUNT_TOO_SMALL),
        ({"loan_date": "2023-05-01"}, "100.005", AnswerProblem.TOO_MANY_DECIMALS),
        ({"loan_date": "2023-05-01"}, "99999999999", AnswerProblem.AMOUNT_TOO_LARGE),
        ({"loan_date": "2023-05-01"}, "NaN", AnswerProblem.NOT_AN_AMOUNT),
        ({"loan_date": "2023-05-01"}, "1e30", AnswerProblem.AMOUNT_TOO_LARGE),
        ({"loan_date": "2023-05-01"}, True, AnswerProblem.NOT_AN_AMOUNT),
        ({"loan_date": "2023-05-01", "principal": "1000"}, "cheque", AnswerProblem.NOT_AN_OPTION),
        ({**START}, "maybe", AnswerProblem.NOT_YES_NO),
    ],
)
def test_bad_answers_are_refused_with_a_reason(answers: dict, raw: object, problem: AnswerProblem) -> None:
    interview = lending(**answers)
    before = (interview.current.id, dict(interview.answers))
    with pytest.raises(InvalidAnswer) as refused:
        interview.answer(raw)
    assert refused.value.problem is problem
    assert refused.value.key == f"complaints.answer.{problem.value}"
    assert (interview.current.id, interview.answers) == before


def test_reasons_carry_what_the_screen_needs_to_explain_them() -> None:
    interview = lending(**START, has_iou=False, due_agreed=True)
    with pytest.raises(InvalidAnswer) as refused:
        interview.answer("2023-04-30")
    assert refused.value.problem is AnswerProblem.DATE_BEFORE_OTHER
    assert refused.value.params == {"other": "loan_date", "date": date(2023, 5, 1)}
    interview.answer("2024-05-01")
    interview.answer(True)
    with pytest.raises(InvalidAnswer) as refused:
        interview.answer("150")
    assert refused.value.problem is AnswerProblem.NUMBER_TOO_LARGE and refused.value.params == {"max": 100}
    with pytest.raises(InvalidAnswer) as refused:
        interview.answer("12.5.1")
    assert refused.value.problem is AnswerProblem.NOT_A_NUMBER
    interview.answer("15.40")
    assert interview.answers["interest_rate"] == Decimal("15.4")


def test_an_amount_may_not_exceed_the_one_it_is_part_of() -> None:
    interview = lending(**START, has_iou=False, due_agreed=False, interest_agreed=False, repaid=False)
    with pytest.raises(InvalidAnswer) as refused:
        interview.answer("120000")
    assert refused.value.problem is AnswerProblem.AMOUNT_ABOVE_OTHER
    assert interview.answer("100000").id == "interest_claimed"


def test_labour_dispute_without_arbitration_is_refused_with_the_explanation() -> None:
    interview = Interview(template_for("labour_dispute"), today=TODAY)
    with pytest.raises(InvalidAnswer) as refused:
        interview.answer("否")
    assert refused.value.problem is AnswerProblem.REFUSED
    assert "劳动仲裁" in refused.value.explanation.get("zh_CN")
    assert "arbitration" in refused.value.explanation.get("en")
    assert interview.current.id == "arbitration_done"


def test_amounts_and_dates_are_read_as_people_type_them() -> None:
    interview = Interview(template_for("private_lending"), today=TODAY)
    interview.answer("２０２３年５月１日")
    interview.answer("¥１００，０００．５")
    assert interview.answers == {"loan_date": date(2023, 5, 1), "principal": Decimal("100000.50")}


def test_going_back_keeps_every_answer_and_answering_again_replaces_one() -> None:
    interview = lending(**START, has_iou=True, iou_date="2023-05-01")
    assert interview.back().id == "iou_date"
    assert interview.back().id == "has_iou"
    assert interview.back().id == "delivery_method"
    assert interview.answers["iou_date"] == date(2023, 5, 1)
    interview.answer("bank_transfer")
    assert interview.current.id == "has_iou"
    assert interview.stored("has_iou") is True
    assert interview.answers["delivery_method"] == "bank_transfer"
    for _ in range(10):
        interview.back()
    assert interview.current.id == "loan_date"


def test_an_answer_hidden_by_a_changed_condition_is_kept_and_comes_back() -> None:
    interview = lending(**START, has_iou=True, iou_date="2023-05-02")
    interview.go_to("has_iou")
    interview.answer(False)
    assert "iou_date" not in interview.answers
    assert interview.stored("iou_date") == date(2023, 5, 2)
    interview.go_to("has_iou")
    interview.answer(True)
    assert interview.answers["iou_date"] == date(2023, 5, 2)


def test_a_change_that_breaks_a_later_answer_shows_as_a_problem() -> None:
    interview = walk("private_lending")
    interview.go_to("principal")
    interview.answer("50000")
    problems = {p.question_id: p.problem for p in interview.problems()}
    assert problems == {"outstanding": AnswerProblem.AMOUNT_ABOVE_OTHER}
    assert not interview.complete


def test_missing_required_answers_are_listed() -> None:
    interview = lending(**START)
    assert [p.question_id for p in interview.problems()][:3] == ["has_iou", "due_agreed", "interest_agreed"]
    assert {p.problem for p in interview.problems()} == {AnswerProblem.REQUIRED}


def test_only_optional_questions_can_be_skipped() -> None:
    interview = lending()
    with pytest.raises(InvalidAnswer) as refused:
        interview.skip()
    assert refused.value.problem is AnswerProblem.REQUIRED
    finished = walk("private_lending")
    finished.go_to("other_facts")
    finished.answer("另查明被告已搬离原住址。")
    finished.go_to("other_facts")
    finished.skip()
    assert "other_facts" not in finished.answers and finished.complete


def test_questions_not_asked_cannot_be_jumped_to_or_answered_after_the_end() -> None:
    interview = lending(**START, has_iou=False)
    with pytest.raises(InvalidAnswer) as refused:
        interview.go_to("iou_date")
    assert refused.value.problem is AnswerProblem.NOT_ASKED
    finished = walk("divorce")
    with pytest.raises(InvalidAnswer):
        finished.answer("extra")


def test_progress_counts_the_questions_that_apply() -> None:
    interview = lending(**START)
    position, total = interview.progress()
    assert position == 4
    interview.answer(True)
    assert interview.progress() == (5, total + 1)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("借款用于买房😀", AnswerProblem.UNPRINTABLE_CHARACTERS),
        ("借款\x07用于买房", AnswerProblem.CONTROL_CHARACTERS),
        ("借款\u200b用于买房", AnswerProblem.CONTROL_CHARACTERS),
        ("借" * 5000, AnswerProblem.TOO_LONG),
        ("ไทย", AnswerProblem.UNPRINTABLE_CHARACTERS),
        (12345, AnswerProblem.NOT_TEXT),
    ],
)
def test_odd_text_is_refused_with_a_reason(raw: object, problem: AnswerProblem) -> None:
    interview = walk("private_lending")
    interview.go_to("other_facts")
    with pytest.raises(InvalidAnswer) as refused:
        interview.answer(raw)
    assert refused.value.problem is problem
    if problem is AnswerProblem.TOO_LONG:
        assert refused.value.params == {"max": 1000, "length": 5000}
    if problem is AnswerProblem.UNPRINTABLE_CHARACTERS:
        assert refused.value.params["characters"] in {"😀", "ไทย"}


def test_text_is_tidied_not_refused_for_ordinary_whitespace() -> None:
    interview = walk("divorce")
    interview.go_to("children")
    interview.answer("  王小明\r\n（2014年5月3日出生）\t ")
    assert interview.answers["children"] == "王小明 （2014年5月3日出生）"
    interview.go_to("details")
    interview.answer("第一段\r\n第二段")
    assert interview.answers["details"] == "第一段\n第二段"
