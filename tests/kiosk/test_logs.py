"""The logging backstop masks personal numbers."""

import logging

from kiosk.logs import RedactingFilter, redact


def test_id_numbers_and_mobile_numbers_are_masked() -> None:
    assert redact("card 11010119900307123X read") == "card 110101********123X read"
    assert redact("phone 13812345678") == "phone 138****5678"
    assert redact("case （2024）京0105民初12345号") == "case （2024）京0105民初12345号"


def test_the_filter_masks_arguments_too() -> None:
    record = logging.LogRecord("kiosk", logging.INFO, __file__, 1, "id %s", ("110101199003071233",), None)
    RedactingFilter().filter(record)
    assert record.getMessage() == "id 110101********1233"


def test_a_malformed_log_call_from_a_library_does_not_break_logging() -> None:
    record = logging.LogRecord("lib", logging.INFO, __file__, 1, "depth %d", (object(),), None)
    assert RedactingFilter().filter(record) is True
