"""The steps of taking a queue number.

The visitor picks the service, then takes a regular or a priority number. An ID card read in this visit
(or laid on the reader at the priority step) that shows 60 or more offers the elderly priority by itself
(A11Y-55). The court gives the number and the people ahead; when it cannot be reached the kiosk's own
counter gives one. A court that answers nonsense ends in ``queue_ticket_problem``, whose Try again sends
the very same request (same idempotency key).
"""

from statemachine import State


class queue_ticket(State.Compound, name="queue_ticket"):
    """Queue tickets."""

    queue_ticket_service = State(initial=True)
    queue_ticket_priority = State()
    queue_ticket_taking = State()
    queue_ticket_printing = State()
    queue_ticket_done = State()
    queue_ticket_problem = State()

    choose_service = queue_ticket_service.to(queue_ticket_priority, cond="queue_service_ok")
    take_ticket = queue_ticket_priority.to(queue_ticket_taking, cond="queue_priority_ok")
    ticket_taken = queue_ticket_taking.to(queue_ticket_printing)
    ticket_failed = queue_ticket_taking.to(queue_ticket_problem)
    retry_ticket = queue_ticket_problem.to(queue_ticket_taking)
    ticket_printed = queue_ticket_printing.to(queue_ticket_done)
    ticket_print_failed = queue_ticket_printing.to(queue_ticket_done)
    print_ticket = queue_ticket_done.to(queue_ticket_printing, cond="queue_ticket_unprinted")

    back = queue_ticket_service.from_(queue_ticket_priority) | queue_ticket_priority.from_(queue_ticket_problem)
