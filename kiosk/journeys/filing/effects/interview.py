"""The receiving court, the case type, the guided questions, and the fee-relief request."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kiosk.complaints import Interview, InvalidAnswer, Value, template_for, templates
from kiosk.complaints.compose import format_amount
from kiosk.court.contract import Court
from kiosk.journeys.filing import fields as f
from kiosk.journeys.filing.draft import RELIEFS, Refusal
from kiosk.journeys.filing.effects.base import FilingBase


def answer_as_typed(value: Value | None) -> str:
    """A kept answer as the visitor would type it again (dates as eight digits, as on the digit pad)."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, date):
        return f"{value.year:04d}{value.month:02d}{value.day:02d}"
    return str(value)


def refusal(problem: InvalidAnswer) -> Refusal:
    """The refusal with its parameters as display text (amounts with separators, ISO dates)."""
    params: dict[str, str] = {}
    for name, value in problem.params.items():
        if isinstance(value, Decimal):
            params[name] = format_amount(value)
        elif isinstance(value, date):
            params[name] = value.isoformat()
        elif not isinstance(value, list):
            params[name] = str(value)
    return Refusal(problem.key, params, problem.explanation)


def filing_courts(courts: list[Court]) -> list[Court]:
    """Courts a visitor may file with here: this court first, then those taking cross-court filings."""
    usable = [court for court in courts if court.this_court or court.accepts_cross_court_filing]
    return sorted(usable, key=lambda court: not court.this_court)


class InterviewEffects(FilingBase):
    """Court, case type, interview and claim."""

    def on_enter_filing_courts_loading(self) -> None:
        """Ask the court gateway which courts take filings, off the UI thread."""
        court = self.host.services.court
        draft = self.draft

        def keep(courts: list[Court]) -> None:
            draft.courts = filing_courts(courts)

        self.host.run_task("filing.courts", court.courts, "courts_loaded", "courts_failed", keep)

    def court_chosen(self, code: str = "") -> bool:
        """One of the listed courts: this one, or another for a cross-court filing."""
        chosen = next((court for court in self.draft.courts if court.code == code), None)
        if chosen is None:
            return False
        self.draft.court = chosen
        return True

    def case_type_chosen(self, case_type: str = "") -> bool:
        """A case type with a template; choosing the same one again keeps every answer."""
        if case_type not in templates():
            return False
        interview = self.draft.interview
        if interview is None or interview.template.case_type != case_type:
            self.draft.interview = Interview(template_for(case_type))
        else:
            self.interview_restarted()
        return True

    def on_enter_filing_question(self) -> None:
        """The current question's kept answer goes back into the answer field."""
        interview = self.draft.interview
        self.draft.answer_error = None
        question = interview.current if interview else None
        if interview is not None and question is not None:
            self.fill({f.ANSWER: answer_as_typed(interview.stored(question.id))})

    def answer_ok(self, value: str | None = None) -> bool:
        """Keep the answer (a button's ``value``, or what was typed) and move on; refused with a reason."""
        interview = self.draft.interview
        if interview is None or interview.current is None:
            return False
        try:
            interview.answer(value if value is not None else self.field_value(f.ANSWER))
        except InvalidAnswer as problem:
            self.draft.answer_error = refusal(problem)
            return False
        return True

    def question_skipped(self) -> bool:
        """An optional question left blank."""
        interview = self.draft.interview
        if interview is None or interview.current is None or interview.current.required:
            return False
        interview.skip()
        return True

    def interview_finished(self) -> bool:
        """Every question that applies has been passed (checked after each step of the machine)."""
        interview = self.draft.interview
        return interview is not None and interview.current is None

    def earlier_question(self) -> bool:
        """Back within the questions, answers kept; at the first one Back leaves for the case types."""
        interview = self.draft.interview
        if interview is None or interview.progress()[0] <= 1:
            return False
        interview.back()
        return True

    def last_question(self) -> bool:
        """Back from the claim screen returns to the last question."""
        interview = self.draft.interview
        if interview is None:
            return False
        interview.back()
        return True

    def interview_restarted(self) -> bool:
        """Walk the questions again from the first, every answer filled in."""
        interview = self.draft.interview
        if interview is None or not interview.visible():
            return False
        interview.go_to(interview.visible()[0].id)
        return True

    def relief_chosen(self, relief: str = "") -> bool:
        """Ask for fee deferral, reduction or waiver (缓减免), or none."""
        if relief not in RELIEFS:
            return False
        self.draft.relief = relief  # type: ignore[assignment]
        return True
