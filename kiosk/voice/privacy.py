"""Marking what is personal, so it is spoken only where the visitor alone can hear it.

Names, ID numbers, case details and amounts are private (EN 301 549 5.1.3.9). A presenter marks a
value by wrapping it — ``Text("body.case", {"party": Private(name)})`` — and every text holding a
private value is private as a whole; a screen still shows it, since :class:`Private` is a ``str``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.i18n import Text


class Private(str):
    """A personal value: displayed as is, spoken only through headphones or by the visitor's choice."""

    __slots__ = ()


@dataclass(frozen=True)
class Spoken:
    """One thing to say: a message key (translated at speaking time) or literal text, and whether
    it is personal. A :class:`Text` with a :class:`Private` parameter is personal by itself."""

    text: Text | str
    private: bool = False

    @property
    def personal(self) -> bool:
        """True when this must not reach the hall speaker without the visitor's choice."""
        return self.private or isinstance(self.text, Private) or (isinstance(self.text, Text) and _has_private(self.text.params))


def _has_private(params: Mapping[str, Any]) -> bool:
    return any(isinstance(v, Private) or (isinstance(v, Text) and _has_private(v.params)) for v in params.values())


def spoken(item: Spoken | Text | str) -> Spoken:
    """``item`` as a :class:`Spoken` (a bare string counts as literal, not private unless marked)."""
    return item if isinstance(item, Spoken) else Spoken(item)
