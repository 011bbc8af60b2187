"""One visit: what the visitor chose and entered, held in memory and wiped when the visit ends.

Nothing here is written to disk except into the visit's own temporary directory (scans, PDFs to
print), which :meth:`Visit.wipe` deletes. A kiosk that died mid-visit (a crash, a kill, a power cut)
never wiped: the next kiosk to start deletes the folders of visits whose process is gone. Display
preferences live here too, because they belong to the visitor and return to the defaults when the
next visitor comes.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drivers.base import ResidentCard
from kiosk.display import TextSize
from kiosk.logs import VISITOR_SECRETS

log = logging.getLogger("kiosk.session")

#: A visit folder is named ``kiosk-visit-<pid>-<random>``: the process id tells whether its owner lives.
VISIT_PREFIX = "kiosk-visit-"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's live process
    return True


def remove_orphaned_visit_folders(temp_root: Path | None = None) -> int:
    """Delete visit folders left by kiosk processes that are gone; those of live ones stay.

    A folder without a process id in its name (an older kiosk's) is left alone: whether its owner
    lives cannot be told, and deleting a live visit's scans would break it.
    """
    root = Path(temp_root or tempfile.gettempdir())
    removed = 0
    for folder in root.glob(f"{VISIT_PREFIX}*"):
        owner = folder.name[len(VISIT_PREFIX):].split("-", 1)[0]
        if not owner.isdigit() or _process_alive(int(owner)):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    if removed:
        log.warning("removed %d visit folder(s) left by a kiosk that did not end its visits", removed)
    return removed


#: Typed fields that name or number a person: masked in the logs like the card until the wipe.
PERSONAL_FIELD_SUFFIXES = (".name", ".visitor_name", ".id_number", ".representative")


class TypedFields(dict[str, str]):
    """What the visitor typed, by field id; a person's name or number typed in joins the log mask."""

    def __setitem__(self, field_id: str, value: str) -> None:
        if field_id.endswith(PERSONAL_FIELD_SUFFIXES):
            VISITOR_SECRETS.remember(field_id, value)
        super().__setitem__(field_id, value)


@dataclass
class ChoicePage:
    """The page of choices an elderly-mode visitor turned to, and on which screen (see
    :mod:`kiosk.simplified`).

    Like keypad focus it is forgotten when the screen changes, so every screen opens on its most-used
    choices; a page whose first choice is no longer on the screen (the next question) is the first page.
    """

    screen: str = ""
    first: str = ""  # the widget id of the page's first choice; "" for the first page

    def follow(self, screen: str) -> str:
        """The page's first choice on ``screen``, forgetting the page of another screen."""
        if screen != self.screen:
            self.screen, self.first = screen, ""
        return self.first


@dataclass
class Preferences:
    """How this visitor wants the kiosk to look and sound."""

    language: str = "zh_CN"
    text_size: TextSize = TextSize.NORMAL
    high_contrast: bool = False
    voice: bool = False
    elderly_mode: bool = False
    #: Where elderly mode's paged choices stand; it ends with the visit, like every preference.
    choice_page: ChoicePage = field(default_factory=ChoicePage)

    @property
    def assisted(self) -> bool:
        """Voice or enlarged text: time limits are lengthened."""
        return self.voice or self.text_size is not TextSize.NORMAL


@dataclass
class Visit:
    """The data of one visitor's time at the kiosk."""

    default_language: str = "zh_CN"
    visit_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    preferences: Preferences = field(default_factory=Preferences)
    card: ResidentCard | None = None
    #: Journey data by journey name (the filing draft, the looked-up case …).
    journeys: dict[str, Any] = field(default_factory=dict)
    #: What the visitor typed, by field id (``lookup.case_number``): kept when a value is refused.
    fields: dict[str, str] = field(default_factory=TypedFields)
    #: Why a field's value was refused, as a message key, by field id.
    field_errors: dict[str, str] = field(default_factory=dict)
    _temp_dir: Path | None = None

    def __post_init__(self) -> None:
        """The kiosk's visit starts: what an earlier, crashed kiosk left of its visitors goes first."""
        self.preferences.language = self.default_language
        remove_orphaned_visit_folders()

    def __setattr__(self, name: str, value: Any) -> None:
        """A card laid on the reader: its name and number are masked in the logs until the wipe."""
        if name == "card" and value is not None:
            VISITOR_SECRETS.remember("card.name", value.name)
            VISITOR_SECRETS.remember("card.id_number", value.id_number)
        super().__setattr__(name, value)

    @property
    def temp_dir(self) -> Path:
        """A private directory for this visit's files, created on first use."""
        if self._temp_dir is None:
            self._temp_dir = Path(tempfile.mkdtemp(prefix=f"{VISIT_PREFIX}{os.getpid()}-"))
            self._temp_dir.chmod(0o700)
        return self._temp_dir

    def wipe(self) -> None:
        """Forget everything about this visitor and delete the visit's files."""
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None
        self.card = None
        VISITOR_SECRETS.clear()
        self.journeys.clear()
        self.fields.clear()
        self.field_errors.clear()
        self.preferences = Preferences(language=self.default_language)
        self.visit_id = uuid.uuid4().hex
