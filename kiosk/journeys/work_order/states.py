"""The steps of a work order: contact the judge, complaint or suggestion, file borrowing, visitor reception.

The visitor picks a kind, is identified by ID card (once per visit), fills in the kind's fields one at a
time (each with its own keyboard, so the screen fits the largest text), picks a file-borrowing slot when
borrowing files, reviews, and sends. The slip printed at the end carries a QR code;
scanning it in ``work_order_track`` (or typing the tracking number or the slip's reference) shows the progress
and the reply. Court calls go through a waiting step; each failure ends in ``work_order_problem``, whose Back
returns to the step before with everything entered kept.
"""

from statemachine import State


class work_order(State.Compound, name="work_order"):
    """Work orders and their tracking."""

    work_order_menu = State(initial=True)
    work_order_card = State()
    work_order_form = State()
    work_order_loading = State()
    work_order_slots = State()
    work_order_review = State()
    work_order_sending = State()
    work_order_printing = State()
    work_order_done = State()
    work_order_track = State()
    work_order_searching = State()
    work_order_progress = State()
    work_order_problem = State()

    choose_kind = (
        work_order_menu.to(work_order_form, cond=["work_order_kind_ok", "work_order_requester_known"])
        | work_order_menu.to(work_order_card, cond="work_order_kind_ok")
    )
    card_read = work_order_card.to(work_order_form)
    submit = (
        work_order_form.to.itself(internal=True, cond=["work_order_field_ok", "work_order_next_field"])
        | work_order_form.to(work_order_loading,
                             cond=["work_order_on_last_field", "work_order_form_ok", "work_order_needs_slot"])
        | work_order_form.to(work_order_review, cond=["work_order_on_last_field", "work_order_form_ok"])
        | work_order_track.to(work_order_searching, cond="work_order_number_ok")
    )
    slots_loaded = work_order_loading.to(work_order_slots)
    choose_slot = work_order_slots.to(work_order_review, cond="work_order_slot_ok")
    slot_day = work_order_slots.to.itself(internal=True, cond="work_order_day_ok")
    send_work_order = work_order_review.to(work_order_sending)
    sent = work_order_sending.to(work_order_printing)
    printed = work_order_printing.to(work_order_done)
    print_failed = work_order_printing.to(work_order_done)
    print_slip = work_order_done.to(work_order_printing, cond="work_order_slip_unprinted")

    track = work_order_menu.to(work_order_track)
    code_read = work_order_track.to(work_order_searching)
    found = work_order_searching.to(work_order_progress)
    failed = work_order_problem.from_(work_order_loading, work_order_sending, work_order_searching)

    back = (
        work_order_form.to.itself(internal=True, cond="work_order_earlier_field")
        | work_order_menu.from_(work_order_card, work_order_form, work_order_track, work_order_progress, work_order_done)
        | work_order_form.from_(work_order_slots)
        | work_order_slots.from_(work_order_review, cond="work_order_needs_slot")
        | work_order_form.from_(work_order_review)
        | work_order_form.from_(work_order_problem, cond="work_order_failed_loading")
        | work_order_review.from_(work_order_problem, cond="work_order_failed_sending")
        | work_order_track.from_(work_order_problem)
    )
