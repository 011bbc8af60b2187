"""Logging set-up with a privacy backstop.

Log what happened, never who: code logs event types, states and health, never personal data.
As a backstop, a filter masks anything shaped like a resident ID number or a mobile phone number
before a record is written, and, while a visit lasts, the name and number on the visitor's card
wholly (a name has no shape a pattern could find; a number's masked form still shows region and end).
"""

from __future__ import annotations

import collections
import logging
import re
import threading

_ID_NUMBER = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")


def redact(text: str) -> str:
    """``text`` with ID numbers and mobile numbers masked."""
    text = _ID_NUMBER.sub(r"\1********\2", text)
    return _MOBILE.sub(r"\1****\2", text)


class VisitorSecrets:
    """The present visitor's own strings, by where they came from, masked in every log line until the wipe.

    One value per source (``card.name``, a field id): a field typed key by key replaces its value, so
    the partial values of each keystroke are not masked forever after. A single character is not kept:
    masking every "1" or "王" in the log would hide more than it protects.
    """

    def __init__(self) -> None:
        self._values: dict[str, str] = {}
        self._guard = threading.Lock()

    def remember(self, source: str, value: str) -> None:
        """Mask ``value`` from now on, instead of what ``source`` held before."""
        with self._guard:
            if len(value.strip()) > 1:
                self._values[source] = value
            else:
                self._values.pop(source, None)

    def clear(self) -> None:
        """The visit is over: forget them."""
        with self._guard:
            self._values = {}

    def mask(self, text: str) -> str:
        """``text`` with every known value replaced by stars, longest first (a number before its parts)."""
        with self._guard:
            values = sorted(set(self._values.values()), key=len, reverse=True)
        for value in values:
            text = text.replace(value, "*" * len(value))
        return text


#: The one register the kiosk's visit fills (see :class:`kiosk.session.Visit`).
VISITOR_SECRETS = VisitorSecrets()


class RedactingFilter(logging.Filter):
    """Masks the visitor's known strings and personal numbers in every record's final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message once, redacted, so arguments cannot smuggle numbers past."""
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            # A library's malformed log call: the handler reports it; it holds no kiosk data.
            return True
        cleaned = redact(VISITOR_SECRETS.mask(message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class RecentLogs(logging.Handler):
    """The last lines logged, in memory only, for the maintenance log viewer (redacted like stderr)."""

    def __init__(self, capacity: int = 200) -> None:
        super().__init__()
        self._lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self._guard = threading.Lock()
        self.addFilter(RedactingFilter())
        self.setFormatter(logging.Formatter(LOG_FORMAT, "%H:%M:%S"))

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the formatted line (formatting after the filter, so it is redacted)."""
        line = self.format(record)
        with self._guard:
            self._lines.append(line)

    def lines(self) -> list[str]:
        """The kept lines, oldest first."""
        with self._guard:
            return list(self._lines)


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: The kiosk's one buffer of recent lines; :func:`configure_logging` attaches it.
RECENT = RecentLogs()


def configure_logging(level: int = logging.INFO) -> None:
    """Log to stderr and to the recent-lines buffer, both through the redacting filter."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler, RECENT]
    root.setLevel(level)
