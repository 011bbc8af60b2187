"""The steps of a self-filing.

Identity (card or typed number, confirmed together with the visitor's role) → the parties → the receiving
court (from the court gateway) → case type → one question per screen → claim amount and fee → evidence
pages → review → submit (outbox) → print → done. From the review screen each part can be edited; the
edited part's "next" returns to the review. Court calls go through waiting steps; a court that fails
while listing courts leads to ``filing_problem``, which offers to try again with nothing lost.
"""

from statemachine import State


class filing(State.Compound, name="filing"):
    """Self-filing (自助立案)."""

    filing_identity = State(initial=True)
    filing_id_typed = State()
    filing_confirm = State()
    filing_agent = State()
    filing_parties = State()
    filing_party_kind = State()
    filing_party = State()
    filing_courts_loading = State()
    filing_problem = State()
    filing_court = State()
    filing_case_type = State()
    filing_question = State()
    filing_claim = State()
    filing_evidence = State()
    filing_item = State()
    filing_item_name = State()
    filing_capturing = State()
    filing_review = State()
    filing_submitting = State()
    filing_printing = State()
    filing_print_problem = State()
    filing_done = State()

    # identity and role
    card_read = filing_identity.to(filing_confirm)
    type_id = filing_identity.to(filing_id_typed)
    submit_identity = filing_id_typed.to(filing_confirm, cond="typed_identity_ok")
    choose_role = (
        filing_confirm.to(filing_party, cond="files_in_person") | filing_confirm.to(filing_agent, cond="files_as_agent")
    )
    submit_agent = filing_agent.to(filing_parties, cond="agent_ok")

    # parties
    add_party = filing_parties.to(filing_party_kind, cond="party_role_chosen")
    party_kind = filing_party_kind.to(filing_party, cond="party_kind_chosen")
    edit_party = filing_parties.to(filing_party, cond="party_to_edit")
    remove_party = filing_parties.to.itself(cond="party_removed")
    save_party = filing_party.to(filing_parties, cond="party_ok")
    parties_done = (
        filing_parties.to(filing_review, cond=["both_sides", "reviewing"])
        | filing_parties.to(filing_courts_loading, cond="both_sides")
    )

    # court
    courts_loaded = filing_courts_loading.to(filing_court)
    courts_failed = filing_courts_loading.to(filing_problem)
    retry = filing_problem.to(filing_courts_loading)
    choose_court = (
        filing_court.to(filing_review, cond=["court_chosen", "reviewing"])
        | filing_court.to(filing_case_type, cond="court_chosen")
    )

    # case type, interview, claim and fee
    choose_case_type = filing_case_type.to(filing_question, cond="case_type_chosen")
    answer = filing_question.to.itself(cond="answer_ok")
    skip_question = filing_question.to.itself(cond="question_skipped")
    filing_question.to(filing_claim, cond="interview_finished")
    set_relief = filing_claim.to.itself(cond="relief_chosen")
    claim_done = filing_claim.to(filing_review, cond="reviewing") | filing_claim.to(filing_evidence)

    # evidence
    new_item = filing_evidence.to(filing_item, cond="item_added")
    open_item = filing_evidence.to(filing_item, cond="item_opened")
    remove_item = filing_evidence.to.itself(cond="item_removed")
    capture = filing_item.to(filing_capturing)
    retake_page = filing_item.to(filing_capturing, cond="retake_chosen")
    delete_page = filing_item.to.itself(cond="page_deleted")
    captured = filing_capturing.to(filing_item)
    capture_failed = filing_capturing.to(filing_item)
    rename_item = filing_item.to(filing_item_name)
    save_item_name = filing_item_name.to(filing_item, cond="item_name_ok")
    item_done = filing_item.to(filing_evidence, cond="item_ok")
    evidence_done = filing_evidence.to(filing_review)

    # review, submit, print
    edit_parties = filing_review.to(filing_parties)
    edit_court = filing_review.to(filing_courts_loading)
    edit_answers = filing_review.to(filing_question, cond="interview_restarted")
    edit_claim = filing_review.to(filing_claim)
    edit_evidence = filing_review.to(filing_evidence)
    submit_filing = filing_review.to(filing_submitting, cond="complaint_ready")
    submitted = filing_submitting.to(filing_printing)
    submit_failed = filing_submitting.to(filing_review)
    printed = filing_printing.to(filing_done)
    print_failed = filing_printing.to(filing_print_problem)
    print_again = filing_print_problem.to(filing_printing)

    back = (
        filing_identity.from_(filing_id_typed, filing_confirm)
        | filing_confirm.from_(filing_agent)
        | filing_review.from_(filing_parties, filing_court, filing_claim, filing_evidence, cond="reviewing")
        | filing_confirm.from_(filing_parties)
        | filing_parties.from_(filing_party_kind, filing_party, filing_problem, filing_court)
        | filing_court.from_(filing_case_type)
        | filing_question.to.itself(cond="earlier_question")
        | filing_case_type.from_(filing_question)
        | filing_question.from_(filing_claim, cond="last_question")
        | filing_claim.from_(filing_evidence)
        | filing_evidence.from_(filing_item)
        | filing_item.from_(filing_item_name)
        | filing_evidence.from_(filing_review)
    )
