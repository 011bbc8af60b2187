"""The steps of a case lookup.

A case number alone shows what the court publishes; an ID card shows the visitor's own cases in
full, with the documents served on them, which can be printed here. Every court call goes through
``lookup_searching`` and every failure ends in ``lookup_problem``, which says what to do next.
"""

from statemachine import State


class lookup(State.Compound, name="lookup"):
    """Case lookup."""

    lookup_menu = State(initial=True)
    lookup_number = State()
    lookup_card = State()
    lookup_qr = State()
    lookup_searching = State()
    lookup_cases = State()
    lookup_case = State()
    lookup_filing = State()
    lookup_documents = State()
    lookup_printing = State()
    lookup_problem = State()

    by_number = lookup_menu.to(lookup_number)
    by_card = lookup_menu.to(lookup_card)
    by_qr = lookup_menu.to(lookup_qr)
    submit = lookup_number.to(lookup_searching, cond="case_number_ok")
    card_read = lookup_card.to(lookup_searching)
    code_read = lookup_qr.to(lookup_searching)
    open_case = lookup_cases.to(lookup_searching, cond="case_chosen")
    show_documents = lookup_case.to(lookup_searching, cond="is_party")
    print_document = lookup_documents.to(lookup_printing, cond="document_chosen")

    found_case = lookup_searching.to(lookup_case)
    found_cases = lookup_searching.to(lookup_cases)
    found_filing = lookup_searching.to(lookup_filing)
    found_documents = lookup_searching.to(lookup_documents)
    printed = lookup_printing.to(lookup_documents)
    failed = lookup_problem.from_(lookup_searching, lookup_printing)

    back = (
        lookup_menu.from_(lookup_number, lookup_card, lookup_qr, lookup_cases, lookup_filing, lookup_problem)
        | lookup_cases.from_(lookup_case, cond="came_from_card")
        | lookup_menu.from_(lookup_case)
        | lookup_case.from_(lookup_documents)
    )
