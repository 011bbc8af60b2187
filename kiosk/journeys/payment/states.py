"""The steps of paying a case's fees (缴费), and of applying for their deferral, reduction or waiver (缓减免).

The case is found by number or by ID card; its due items are chosen; then the visitor pays by scanning
the court's payment order shown on screen (the kiosk polls the order until it is paid, cancelled or
expired) or by showing their own payer's code to the scanner. "Paid" is only ever reached from a
court reply that says so, and leads straight to the printed receipt. A court call that fails lands in
``payment_problem``, whose Try again resends the very same request (same idempotency key).
"""

from statemachine import State


class payment(State.Compound, name="payment"):
    """Fee payment and fee relief."""

    payment_menu = State(initial=True)
    payment_number = State()
    payment_card = State()
    payment_loading = State()
    payment_cases = State()
    payment_items = State()
    payment_ordering = State()
    payment_qr = State()
    payment_cancelling = State()
    payment_code = State()
    payment_charging = State()
    payment_declined = State()
    payment_ended = State()
    payment_printing = State()
    payment_done = State()
    payment_relief_card = State()
    payment_relief_kind = State()
    payment_relief_reason = State()
    payment_relief_scan = State()
    payment_capturing = State()
    payment_relief_sending = State()
    payment_relief_done = State()
    payment_problem = State()

    # Finding the case and its items.
    by_number = payment_menu.to(payment_number)
    by_card = payment_menu.to(payment_card)
    submit = (
        payment_number.to(payment_loading, cond="payment_case_number_ok")
        | payment_relief_reason.to(payment_relief_scan, cond="payment_reason_ok")
    )
    card_read = payment_card.to(payment_loading) | payment_relief_card.to(payment_relief_kind)
    choose_case = payment_cases.to(payment_loading, cond="payment_case_chosen")
    found_cases = payment_loading.to(payment_cases)
    found_items = payment_loading.to(payment_items)
    toggle_item = payment_items.to.itself(internal=True, cond="payment_item_toggled")

    # Paying by the court's QR code, polled until it is settled.
    pay_by_qr = payment_ordering.from_(payment_items, payment_ended, payment_declined, cond="payment_items_chosen")
    order_created = payment_ordering.to(payment_qr)
    polled = (
        payment_qr.to.itself(cond=["payment_poll_fresh", "payment_order_pending"])
        | payment_qr.to(payment_printing, cond=["payment_poll_fresh", "payment_order_paid"])
        | payment_qr.to(payment_ended, cond="payment_poll_fresh")
    )
    cancel_payment = payment_qr.to(payment_cancelling)
    cancelled = (
        payment_cancelling.to(payment_printing, cond="payment_order_paid")
        | payment_cancelling.to(payment_ended)
    )

    # Paying by the payer's code.
    pay_by_code = payment_code.from_(payment_items, payment_ended, cond="payment_items_chosen")
    retry_code = payment_declined.to(payment_code)
    code_read = payment_code.to(payment_charging)
    charged = payment_charging.to(payment_printing, cond="payment_charge_paid") | payment_charging.to(payment_declined)

    # The receipt.
    printed = payment_printing.to(payment_done)
    print_failed = payment_printing.to(payment_done)
    print_receipt = payment_done.to(payment_printing, cond="payment_receipt_missing")

    # Fee relief with scanned proof.
    apply_relief = (
        payment_items.to(payment_relief_kind, cond="payment_applicant_known")
        | payment_items.to(payment_relief_card)
    )
    choose_relief = payment_relief_kind.to(payment_relief_reason, cond="payment_relief_chosen")
    capture_page = payment_relief_scan.to(payment_capturing, cond="payment_room_for_page")
    captured = payment_capturing.to(payment_relief_scan)
    capture_failed = payment_capturing.to(payment_relief_scan)
    remove_page = payment_relief_scan.to.itself(internal=True, cond="payment_page_removed")
    send_relief = payment_relief_scan.to(payment_relief_sending, cond="payment_has_proof")
    relief_sent = payment_relief_sending.to(payment_relief_done)

    # Failures, and trying again with the same request.
    failed = payment_problem.from_(
        payment_loading, payment_ordering, payment_cancelling, payment_charging, payment_relief_sending
    )
    retry = (
        payment_problem.to(payment_loading, cond="payment_resumes_loading")
        | payment_problem.to(payment_ordering, cond="payment_resumes_ordering")
        | payment_problem.to(payment_cancelling, cond="payment_resumes_cancelling")
        | payment_problem.to(payment_charging, cond="payment_resumes_charging")
        | payment_problem.to(payment_relief_sending, cond="payment_resumes_relief")
    )

    back = (
        payment_menu.from_(payment_number, payment_card, payment_cases)
        | payment_cases.from_(payment_items, cond="payment_came_with_card")
        | payment_menu.from_(payment_items)
        | payment_cancelling.from_(payment_qr)
        | payment_items.from_(payment_code, payment_declined, payment_ended, payment_relief_card,
                              payment_relief_kind)
        | payment_relief_kind.from_(payment_relief_reason)
        | payment_relief_reason.from_(payment_relief_scan)
        | payment_items.from_(payment_problem, cond="payment_has_items")
        | payment_menu.from_(payment_problem)
    )
