"""The guided interview: one question at a time, in template order, skipping those that do not apply.

Answers are never thrown away while the visitor moves around: a refused answer leaves the earlier ones
as they were, going back keeps every answer, and an answer to a question that stops applying (the
visitor changed "written IOU?" to no) is kept aside and comes back if the visitor changes their mind;
only the answers of questions that apply reach the complaint.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from kiosk.complaints.answers import AnswerProblem, InvalidAnswer, Value, check_answer
from kiosk.complaints.template import CaseTemplate, ConditionValue, Question


def condition_holds(when: Mapping[str, ConditionValue], answers: Mapping[str, Value]) -> bool:
    """Whether every named answer has the expected value (or one of the listed values)."""
    for question_id, expected in when.items():
        actual = answers.get(question_id)
        if isinstance(expected, list):
            if actual not in expected:
                return False
        elif actual is None or actual != expected or type(actual) is not type(expected):
            return False
    return True


class Interview:
    """The state of one visitor's answers to one template."""

    def __init__(
        self, template: CaseTemplate, *, today: date | None = None, answers: Mapping[str, Value] | None = None
    ) -> None:
        self.template = template
        self.today = today or date.today()
        self._stored: dict[str, Value] = dict(answers or {})
        visible = self.visible()
        self._cursor: str | None = visible[0].id if visible else None

    def visible(self) -> list[Question]:
        """The questions that apply given the answers so far, in order."""
        shown: list[Question] = []
        effective: dict[str, Value] = {}
        for question in self.template.questions:
            if condition_holds(question.when, effective):
                shown.append(question)
                if question.id in self._stored:
                    effective[question.id] = self._stored[question.id]
        return shown

    @property
    def answers(self) -> dict[str, Value]:
        """The answers to the questions that apply: what the complaint is built from."""
        return {q.id: self._stored[q.id] for q in self.visible() if q.id in self._stored}

    @property
    def current(self) -> Question | None:
        """The question being asked; ``None`` once the walk has passed the last one."""
        return self.template.question(self._cursor) if self._cursor else None

    def progress(self) -> tuple[int, int]:
        """(Position of the current question counting from 1, number of questions that apply)."""
        ids = [q.id for q in self.visible()]
        position = ids.index(self._cursor) + 1 if self._cursor in ids else len(ids)
        return position, len(ids)

    def answer(self, raw: object) -> Question | None:
        """Check and keep the answer to the current question, then move on; returns the next question.

        ``InvalidAnswer`` leaves every answer and the position as they were.
        """
        question = self._require_current()
        self._stored[question.id] = check_answer(question, raw, today=self.today, answers=self.answers)
        return self._advance(question)

    def skip(self) -> Question | None:
        """Leave an optional question unanswered (forgetting any earlier answer to it) and move on."""
        question = self._require_current()
        if question.required:
            raise InvalidAnswer(question.id, AnswerProblem.REQUIRED)
        self._stored.pop(question.id, None)
        return self._advance(question)

    def back(self) -> Question | None:
        """Go to the previous question that applies; answers stay. At the first question, stay there."""
        ids = [q.id for q in self.visible()]
        if not ids:
            return None
        if self._cursor not in ids:
            self._cursor = ids[-1]
        else:
            self._cursor = ids[max(ids.index(self._cursor) - 1, 0)]
        return self.current

    def go_to(self, question_id: str) -> Question:
        """Jump to a question (from the review screen, to change one answer)."""
        if question_id not in {q.id for q in self.visible()}:
            raise InvalidAnswer(question_id, AnswerProblem.NOT_ASKED)
        self._cursor = question_id
        return self.template.question(question_id)

    def stored(self, question_id: str) -> Value | None:
        """The kept answer to a question, whether or not it applies now (to pre-fill the input)."""
        return self._stored.get(question_id)

    def problems(self) -> list[InvalidAnswer]:
        """What stops the complaint: required questions unanswered, answers broken by later changes."""
        found: list[InvalidAnswer] = []
        effective: dict[str, Value] = {}
        for question in self.visible():
            if question.id not in self._stored:
                if question.required:
                    found.append(InvalidAnswer(question.id, AnswerProblem.REQUIRED))
                continue
            try:
                effective[question.id] = check_answer(
                    question, self._stored[question.id], today=self.today, answers=effective
                )
            except InvalidAnswer as problem:
                found.append(problem)
        return found

    @property
    def complete(self) -> bool:
        """Every question that applies is answered (or optional) and every answer still holds."""
        return not self.problems()

    def _require_current(self) -> Question:
        question = self.current
        if question is None:
            raise InvalidAnswer("", AnswerProblem.NOT_ASKED)
        return question

    def _advance(self, answered: Question) -> Question | None:
        order = [q.id for q in self.template.questions]
        later = order[order.index(answered.id) + 1 :]
        visible_ids = {q.id for q in self.visible()}
        self._cursor = next((qid for qid in later if qid in visible_ids), None)
        return self.current
