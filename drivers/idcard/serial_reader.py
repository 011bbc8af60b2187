"""The resident ID-card reader on a serial line (GA 467 protocol), over pyserial.

One I/O thread owns the port. It asks "is a card there?" every poll interval; when a new card
appears while reading is enabled it selects and reads it and emits :class:`CardRead` once for that
presentation, or :class:`CardReadFailed`. Lifting the card emits :class:`CardRemoved`. A port that
vanishes, or a reader that stops answering, turns into a status change and is retried until it
comes back. Logs and status details name commands, codes and ports, never card contents.
"""

from __future__ import annotations

import errno
import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from drivers.base import (
    CardRead,
    CardReadFailed,
    CardRemoved,
    DeviceEvent,
    DeviceStatus,
    Emit,
    Health,
    IdCardReader,
    ResidentCard,
    SelfTestResult,
    StatusChanged,
)
from drivers.idcard.ga467 import (
    BadPayload,
    Command,
    FrameError,
    FrameSplitter,
    MalformedTextBlock,
    NoCard,
    ReaderFault,
    Response,
    UnsupportedCardType,
    decode_response,
    encode_request,
    format_sam_id,
)

try:
    import serial  # type: ignore[import-untyped]
except ImportError:  # the registry lists this driver even where pyserial is missing
    serial = None

try:
    import termios

    #: What a vanished port raises besides SerialException (pyserial lets termios errors through).
    _LINE_ERRORS: tuple[type[Exception], ...] = (OSError, termios.error)
except ImportError:  # Windows: no termios, pyserial wraps its errors
    _LINE_ERRORS = (OSError,)

log = logging.getLogger(__name__)

#: pyserial's read timeout: how often the I/O thread looks up from a read to check deadlines.
_READ_SLICE_S = 0.05


def _where(exc: BaseException) -> str:
    """Exception type and innermost source line: enough for staff, and no message that could hold card data."""
    frames = traceback.extract_tb(exc.__traceback__)
    place = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return f"{type(exc).__name__}{place}"


class ReaderTimeout(Exception):
    """The reader sent no complete frame in time."""


class Ga467Reader(IdCardReader):
    """A GA 467 ID-card reader on a serial port (USB-serial or RS-232)."""

    name = "ga467"

    def __init__(
        self,
        *,
        port: str,
        baudrate: int = 115200,
        poll_interval_s: float = 0.3,
        timeout_s: float = 1.0,
        read_timeout_s: float = 3.0,
        reconnect_interval_s: float = 2.0,
        read_attempts: int = 2,
        missed_answers_limit: int = 2,
    ) -> None:
        """``timeout_s`` bounds short commands, ``read_timeout_s`` the card read (the SAM is slow)."""
        self._port_name = port
        self._baudrate = baudrate
        self._poll_interval_s = poll_interval_s
        self._timeout_s = timeout_s
        self._read_timeout_s = read_timeout_s
        self._reconnect_interval_s = reconnect_interval_s
        self._read_attempts = max(1, read_attempts)
        self._missed_answers_limit = missed_answers_limit
        self._emit: Emit | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._enabled = threading.Event()
        self._jobs: queue.Queue[tuple[Callable[[], Any], Future[Any]]] = queue.Queue()
        self._lock = threading.Lock()
        self._status = DeviceStatus(Health.ABSENT, "idcard.status.closed")
        # Owned by the I/O thread only:
        self._port: Any = None
        self._splitter = FrameSplitter()
        self._answered_since_open = False
        self._missed_answers = 0
        self._card_on_reader = False

    @classmethod
    def is_usable(cls) -> bool:
        """True when pyserial imports."""
        return serial is not None

    # --- the Driver interface ----------------------------------------------------------------

    def open(self, emit: Emit) -> None:
        """Start the I/O thread; it opens the port and keeps retrying while the port is missing."""
        if self._thread is not None and self._thread.is_alive():
            return
        if serial is None:
            self._set_status(Health.ERROR, "idcard.status.unusable", "pyserial is not installed")
            return
        self._emit = emit
        self._stop.clear()
        self._set_status(Health.ABSENT, "idcard.status.connecting", f"opening {self._port_name}")
        self._thread = threading.Thread(target=self._run, name=f"idcard-{self.name}", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop the I/O thread (waiting at most one card-read timeout) and release the port."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stop.set()
        self._wake.set()
        thread.join(timeout=self._read_timeout_s + 1.0)
        if thread.is_alive():
            log.error("ID-card reader thread did not stop within its timeout")
        with self._lock:
            self._status = DeviceStatus(Health.ABSENT, "idcard.status.closed")

    def status(self) -> DeviceStatus:
        """The last known health; never touches the port."""
        with self._lock:
            return self._status

    def set_enabled(self, enabled: bool) -> None:
        """Read cards only while enabled; presence (and removal) is tracked either way."""
        if enabled:
            self._enabled.set()
        else:
            self._enabled.clear()
        self._wake.set()

    def self_test(self) -> SelfTestResult:
        """Ask the reader's SAM for its status and identity, through the I/O thread."""
        if self._thread is None or not self._thread.is_alive():
            return SelfTestResult(False, "idcard.self_test.not_open")
        future: Future[SelfTestResult] = Future()
        self._jobs.put((self._test_sam, future))
        self._wake.set()
        budget = 2 * self._timeout_s + max(self._poll_interval_s, self._reconnect_interval_s) + self._read_timeout_s
        try:
            return future.result(timeout=budget)
        except FutureTimeout:
            return SelfTestResult(False, "idcard.self_test.timeout", f"no result within {budget:.1f} s")

    # --- the I/O thread ----------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                if self._port is None:
                    self._guarded(self._connect)
                self._guarded(self._run_jobs)
                if self._port is not None:
                    self._guarded(self._poll)
                pause = self._poll_interval_s if self._port is not None else self._reconnect_interval_s
                self._wake.wait(pause)
                self._wake.clear()
        finally:
            self._disconnect()
            self._cancel_jobs()

    def _guarded(self, step: Callable[[], None]) -> None:
        """Run one step of the loop; a lost port or an unexpected failure becomes a status."""
        try:
            step()
        except (serial.SerialException, *_LINE_ERRORS) as exc:
            self._lost(exc)
        except Exception as exc:  # failsafe: report and keep the thread alive
            self._set_status(Health.ERROR, "idcard.status.driver_failed", _where(exc))

    def _connect(self) -> None:
        try:
            self._port = serial.Serial(
                self._port_name, self._baudrate, timeout=_READ_SLICE_S, write_timeout=self._timeout_s
            )
        except (serial.SerialException, OSError) as exc:
            self._port = None
            reason = errno.errorcode.get(getattr(exc, "errno", None) or 0, type(exc).__name__)
            self._set_status(Health.ABSENT, "idcard.status.absent", f"cannot open {self._port_name}: {reason}")
            return
        self._answered_since_open = False
        self._missed_answers = 0
        log.info("ID-card reader port %s opened", self._port_name)

    def _lost(self, exc: BaseException) -> None:
        self._disconnect()
        self._set_status(Health.ABSENT, "idcard.status.absent", f"{self._port_name} lost: {type(exc).__name__}")

    def _disconnect(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, *_LINE_ERRORS) as exc:
                log.debug("closing %s failed: %s", self._port_name, type(exc).__name__)
        self._splitter.clear()

    def _run_jobs(self) -> None:
        while True:
            try:
                job, future = self._jobs.get_nowait()
            except queue.Empty:
                return
            try:
                future.set_result(job())
            except (serial.SerialException, *_LINE_ERRORS) as exc:
                future.set_exception(exc)
                raise
            except Exception as exc:  # a failing job is reported to its caller, not fatal to the thread
                future.set_exception(exc)

    def _cancel_jobs(self) -> None:
        while not self._jobs.empty():
            _, future = self._jobs.get_nowait()
            future.set_result(SelfTestResult(False, "idcard.self_test.not_open"))

    def _poll(self) -> None:
        try:
            present = self._card_present()
        except ReaderTimeout:
            if not self._stop.is_set():
                self._missed_answer(Command.FIND_CARD)
            return
        except ReaderFault as exc:
            self._set_status(Health.ERROR, "idcard.status.reader_fault", exc.code_name)
            return
        except FrameError as exc:
            log.warning("garbled answer to FIND_CARD: %s", type(exc).__name__)
            return
        self._answered()
        if not present:
            if self._card_on_reader:
                self._card_on_reader = False
                self._send(CardRemoved())
            return
        if self._card_on_reader or not self._enabled.is_set():
            return
        self._card_on_reader = True
        self._send(self._read_card())

    def _card_present(self) -> bool:
        try:
            self._exchange(Command.FIND_CARD, self._timeout_s)
        except NoCard:
            return False
        return True

    def _read_card(self) -> DeviceEvent:
        """Select and read the card, retrying a garbled or failed read once or twice."""
        failure: CardReadFailed | None = None
        for _ in range(self._read_attempts):
            try:
                self._exchange(Command.SELECT_CARD, self._timeout_s)
                card = self._exchange(Command.READ_TEXT_PHOTO, self._read_timeout_s)
            except UnsupportedCardType as exc:
                return CardReadFailed("idcard.unsupported_card", str(exc))
            except MalformedTextBlock as exc:
                failure = CardReadFailed("idcard.card_invalid", str(exc))
            except (FrameError, ReaderTimeout) as exc:
                failure = CardReadFailed("idcard.read_failed", f"{type(exc).__name__}: {exc}")
            else:
                if isinstance(card, ResidentCard):
                    return CardRead(card)
                failure = CardReadFailed("idcard.read_failed", "read answered without card text")
        assert failure is not None
        log.warning("card read failed: %s", failure.detail)
        return failure

    def _test_sam(self) -> SelfTestResult:
        if self._port is None:
            return SelfTestResult(False, "idcard.self_test.absent", self.status().detail)
        try:
            self._exchange(Command.SAM_STATUS, self._timeout_s)
            answer = self._exchange(Command.SAM_ID, self._timeout_s)
            if not isinstance(answer, Response):
                raise BadPayload("SAM_ID answered with card text")
            sam_id = format_sam_id(answer.payload)
        except ReaderTimeout as exc:
            return SelfTestResult(False, "idcard.self_test.no_answer", str(exc))
        except FrameError as exc:
            return SelfTestResult(False, "idcard.self_test.failed", f"{type(exc).__name__}: {exc}")
        return SelfTestResult(True, "idcard.self_test.ok", f"SAM {sam_id} on {self._port_name}")

    def _exchange(self, command: Command, timeout_s: float) -> ResidentCard | Response:
        """Send one request and decode the first frame that comes back."""
        port = self._port
        port.reset_input_buffer()
        self._splitter.clear()
        try:
            port.write(encode_request(command))
        except serial.SerialTimeoutException:
            raise ReaderTimeout(f"{command.name} could not be sent within {self._timeout_s} s") from None
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and not self._stop.is_set():
            for frame in self._splitter.feed(port.read(port.in_waiting or 1)):
                return decode_response(frame, command)
        raise ReaderTimeout(f"no answer to {command.name} within {timeout_s} s")

    # --- status and events -------------------------------------------------------------------

    def _answered(self) -> None:
        self._answered_since_open = True
        self._missed_answers = 0
        self._set_status(Health.OK, "idcard.status.ok", f"reader answering on {self._port_name}")

    def _missed_answer(self, command: Command) -> None:
        self._missed_answers += 1
        if self._missed_answers < self._missed_answers_limit:
            return
        if self._answered_since_open:
            self._set_status(Health.ERROR, "idcard.status.not_responding", f"no answer to {command.name}")
        else:
            self._set_status(Health.ABSENT, "idcard.status.no_reader", f"nothing answers on {self._port_name}")

    def _set_status(self, health: Health, message_key: str, detail: str = "") -> None:
        new = DeviceStatus(health, message_key, detail)
        with self._lock:
            if new == self._status:
                return
            self._status = new
        log.info("ID-card reader %s (%s): %s", health.value, message_key, detail)
        self._send(StatusChanged(new))

    def _send(self, event: DeviceEvent) -> None:
        if self._emit is None:
            return
        try:
            self._emit(event)
        except Exception as exc:  # a consumer's bug must not kill the reader thread
            log.error("ID-card event consumer raised %s", type(exc).__name__)
