"""The device interfaces every driver implements, at capability level.

A driver knows its hardware and nothing of screens or flows. It talks outward only through the
``emit`` callback handed to :meth:`Driver.open`, from its own I/O thread; the kiosk's device manager
moves those events onto the UI thread. Health is a closed set so the router can decide on it.
"""

from __future__ import annotations

import abc
import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # numpy costs 0.3 s of cold start; only the camera's drivers need it at run time
    import numpy as np


class Health(enum.StrEnum):
    """How usable a device is right now."""

    OK = "ok"
    DEGRADED = "degraded"  # works, but something needs attention soon (paper low, slow decode)
    NEEDS_STAFF = "needs_staff"  # a person must act (paper out, jam, cover open)
    ABSENT = "absent"  # not connected or not found
    ERROR = "error"  # present but failing


#: Health values with which the device can still do its job.
WORKING = frozenset({Health.OK, Health.DEGRADED})


class DeviceKind(enum.StrEnum):
    """The capability families; a configured *role* (receipt printer, A4 printer) names one kind."""

    ID_READER = "id_reader"
    SCANNER = "scanner"
    CAMERA = "camera"
    PRINTER = "printer"
    SPEECH = "speech"
    HEADPHONES = "headphones"


@dataclass(frozen=True)
class DeviceStatus:
    """A device's health with a translatable message key and a staff-only technical detail.

    ``detail`` is shown only in maintenance mode and written to logs, so it must never hold
    personal data.
    """

    health: Health
    message_key: str
    detail: str = ""

    @property
    def working(self) -> bool:
        """True when the device can do its job."""
        return self.health in WORKING


@dataclass(frozen=True)
class SelfTestResult:
    """Outcome of a maintenance self-test (test print, test read)."""

    passed: bool
    message_key: str
    detail: str = ""


class DeviceError(Exception):
    """A device could not do what was asked; carries a message key the visitor can be shown."""

    def __init__(self, message_key: str, detail: str = "") -> None:
        super().__init__(f"{message_key}: {detail}" if detail else message_key)
        self.message_key = message_key
        self.detail = detail


# --- events a driver emits -------------------------------------------------------------------


@dataclass(frozen=True)
class DeviceEvent:
    """Base of everything a driver pushes outward."""


@dataclass(frozen=True)
class StatusChanged(DeviceEvent):
    """The driver's health changed (paper out, reader unplugged, camera back)."""

    status: DeviceStatus


@dataclass(frozen=True)
class ResidentCard:
    """The text fields of a second-generation resident ID card, as read from the chip.

    The photo is kept as the reader's opaque bytes (it needs the vendor's decoder) and is never
    written to disk.
    """

    name: str
    sex: str  # "男" / "女" as decoded from the card's sex code
    nation: str  # ethnic group name, decoded from the nation code
    birth_date: date
    address: str
    id_number: str
    issuing_authority: str
    valid_from: date
    valid_until: date | None  # None for cards valid for life (长期)
    photo: bytes = b""

    def __repr__(self) -> str:
        # Reprs end up in tracebacks and logs: show nothing personal.
        return f"ResidentCard(id_number={self.id_number[:4]}**********{self.id_number[-2:]})"


@dataclass(frozen=True)
class CardRead(DeviceEvent):
    """A card was placed on the reader and read completely."""

    card: ResidentCard


@dataclass(frozen=True)
class CardReadFailed(DeviceEvent):
    """A card was present but could not be read; ``message_key`` says what the visitor should do."""

    message_key: str
    detail: str = ""


@dataclass(frozen=True)
class CardRemoved(DeviceEvent):
    """The card was taken off the reader."""


@dataclass(frozen=True)
class CodeScanned(DeviceEvent):
    """A barcode or QR code was presented (reported once per presentation)."""

    symbology: str  # "QRCode", "Code128", "EAN13", …
    text: str


# --- the driver interfaces ---------------------------------------------------------------------

Emit = Callable[[DeviceEvent], None]


class Driver(abc.ABC):
    """What every device driver offers, whatever its role.

    Subclasses are constructed with the keyword options of their configuration section, so each
    names the options it understands in its ``__init__`` signature.
    """

    kind: ClassVar[DeviceKind]
    #: Short name used in configuration (``driver = "cups"``).
    name: ClassVar[str]
    #: Simulated twins list their named scenarios here; real drivers leave it empty.
    scenarios: ClassVar[tuple[str, ...]] = ()

    @classmethod
    @abc.abstractmethod
    def is_usable(cls) -> bool:
        """True when the libraries this driver needs import; never touches hardware."""

    @abc.abstractmethod
    def open(self, emit: Emit) -> None:
        """Start using the device; events go to ``emit`` from the driver's own thread. Idempotent."""

    @abc.abstractmethod
    def close(self) -> None:
        """Stop the driver's thread and release the device. Idempotent."""

    @abc.abstractmethod
    def status(self) -> DeviceStatus:
        """The current health; cheap and safe to poll."""

    @abc.abstractmethod
    def self_test(self) -> SelfTestResult:
        """A maintenance check that may actuate the device (a test page, a test read)."""

    @property
    def simulated(self) -> bool:
        """True for simulated twins, which a production configuration refuses."""
        return bool(self.scenarios)


class IdCardReader(Driver):
    """Reads resident ID cards; emits :class:`CardRead`, :class:`CardReadFailed`, :class:`CardRemoved`."""

    kind = DeviceKind.ID_READER

    @abc.abstractmethod
    def set_enabled(self, enabled: bool) -> None:
        """Poll for cards only while a screen asks for one, so a card left on the reader is not re-read."""


class CodeScanner(Driver):
    """Reads barcodes and QR codes; emits :class:`CodeScanned`."""

    kind = DeviceKind.SCANNER

    @abc.abstractmethod
    def set_enabled(self, enabled: bool) -> None:
        """Decode only while a screen expects a code."""


class DocumentCamera(Driver):
    """Photographs documents laid under it."""

    kind = DeviceKind.CAMERA

    @abc.abstractmethod
    def capture(self) -> np.ndarray:
        """One raw BGR frame; raises :class:`DeviceError` when the camera cannot deliver one."""


@dataclass(frozen=True)
class PrintOutcome:
    """How a print job ended: only ``completed`` means the paper is in the visitor's hands."""

    completed: bool
    message_key: str
    detail: str = ""
    job_id: int | None = None


class Printer(Driver):
    """Prints PDF files (receipt roll or A4)."""

    kind = DeviceKind.PRINTER

    @abc.abstractmethod
    def print_pdf(self, pdf: Path, *, title: str, copies: int = 1, timeout_s: float = 60.0) -> PrintOutcome:
        """Print and follow the job until it completes, fails or times out (then it is cancelled).

        Blocks: call it from a worker thread, never from the UI thread.
        """


DriverOptions = dict[str, Any]


# --- speech and the headphone jack ------------------------------------------------------------


class Route(enum.StrEnum):
    """Where speech is heard: the hall can hear the speaker, only the visitor hears the headphones."""

    SPEAKER = "speaker"
    HEADPHONES = "headphones"


@dataclass(frozen=True)
class SpeechStarted(DeviceEvent):
    """The first audio of utterance ``utterance`` is synthesised and handed to the audio device."""

    utterance: int


@dataclass(frozen=True)
class SpeechDone(DeviceEvent):
    """Utterance ``utterance`` ended: ``completed`` is False when it was stopped, replaced or not playable."""

    utterance: int
    completed: bool


@dataclass(frozen=True)
class HeadphonesChanged(DeviceEvent):
    """Headphones were plugged in (``present``) or pulled out."""

    present: bool


class Speaker(Driver):
    """Speaks text in a language; emits :class:`SpeechStarted` and :class:`SpeechDone`.

    Every method returns at once: synthesis and playback run on the driver's own thread, so the
    UI thread can call it freely.
    """

    kind = DeviceKind.SPEECH

    @abc.abstractmethod
    def say(self, text: str, language: str, *, route: Route = Route.SPEAKER, interrupt: bool = True) -> int:
        """Queue ``text`` (already translated into ``language``); returns the utterance's number.

        ``interrupt`` stops what is being spoken and drops what is queued, as any new screen or
        visitor action must (EN 301 549 5.1.3.5); otherwise the text waits its turn.
        """

    @abc.abstractmethod
    def stop(self) -> None:
        """Silence now and drop everything queued."""

    @abc.abstractmethod
    def pause(self) -> None:
        """Silence now but keep the place: :meth:`resume` starts again at the interrupted sentence."""

    @abc.abstractmethod
    def resume(self) -> None:
        """Continue after :meth:`pause`."""

    @abc.abstractmethod
    def set_rate(self, words_per_minute: int) -> None:
        """Speaking rate of the next sentence on."""

    @abc.abstractmethod
    def set_volume(self, volume: float) -> None:
        """Loudness of the next sentence on, 0.0 to 1.0 of the synthesiser's full scale."""


class HeadphoneSense(Driver):
    """Tells whether headphones are plugged in; emits :class:`HeadphonesChanged`."""

    kind = DeviceKind.HEADPHONES

    @abc.abstractmethod
    def present(self) -> bool:
        """True while headphones are plugged in (False when unknown)."""
