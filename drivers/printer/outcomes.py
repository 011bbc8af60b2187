"""The message keys a print job or a printer self-test ends with, shared by the CUPS driver and its twin.

Apart from the driver so that the simulated printer, the default, does not import pycups.
"""

COMPLETED = "print.completed"
SUBMIT_FAILED = "print.submit_failed"
JOB_FAILED = "print.failed"
JOB_CANCELLED = "print.cancelled"
TIMED_OUT = "print.timed_out"
SELF_TEST_PASSED = "selftest.printer.passed"
