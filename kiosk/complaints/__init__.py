"""Element-style complaints (要素式起诉状): templates per case type, the guided interview, the complaint."""

from kiosk.complaints.answers import AnswerProblem, InvalidAnswer, Value, check_answer, clean_text
from kiosk.complaints.complaint import (
    Complaint,
    EvidenceLine,
    IncompleteInterview,
    Party,
    Witness,
    build_complaint,
)
from kiosk.complaints.interview import Interview
from kiosk.complaints.parties import person_from_card
from kiosk.complaints.template import (
    CaseTemplate,
    LocalText,
    Question,
    QuestionKind,
    load_template,
    template_for,
    templates,
)

__all__ = [
    "AnswerProblem",
    "CaseTemplate",
    "Complaint",
    "EvidenceLine",
    "IncompleteInterview",
    "Interview",
    "InvalidAnswer",
    "LocalText",
    "Party",
    "Question",
    "QuestionKind",
    "Value",
    "Witness",
    "build_complaint",
    "check_answer",
    "clean_text",
    "load_template",
    "person_from_card",
    "template_for",
    "templates",
]
