"""A GA 467 reader played in software on the master side of a pseudo-terminal.

The serial driver on the slave side cannot tell it from a reader on a USB-serial adapter: it gets
the same frames, the same status codes and, when asked, the same faults (silence, line noise,
corrupted reads, unreadable cards).
"""

from __future__ import annotations

import logging
import os
import random
import select
import threading
from collections import Counter
from collections.abc import Callable

from drivers.base import ResidentCard
from drivers.idcard.ga467 import (
    BadCheck,
    Command,
    FrameError,
    FrameSplitter,
    Request,
    Sw3,
    decode_request,
    encode_card_response,
    encode_response,
)

log = logging.getLogger(__name__)

#: A SAM identity (05.01-20101028-0012345678-1234567890) in the 12 FF payload layout.
EMULATED_SAM_ID = (
    (5).to_bytes(2, "little")
    + (1).to_bytes(2, "little")
    + (20101028).to_bytes(4, "little")
    + (12345678).to_bytes(4, "little")
    + (1234567890).to_bytes(4, "little")
)

_SELECT_SLICE_S = 0.05


class ReaderEmulator:
    """The device side of the line; its knobs may be turned from any thread while it runs."""

    def __init__(self, *, seed: int = 467) -> None:
        self.card: ResidentCard | None = None
        self.readable = True
        #: Line noise before and after every answer (the driver must skip it).
        self.noisy = False
        #: Card reads arrive with a flipped bit (the check byte catches it).
        self.corrupt_reads = False
        self.answering = True
        #: Requests received, by command, for tests that count what the driver asked.
        self.requests: Counter[Command | None] = Counter()
        self._noise = random.Random(seed)
        self._fd: int | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._handlers: dict[Command, Callable[[], bytes]] = {
            Command.SAM_STATUS: lambda: encode_response(Sw3.SUCCESS),
            Command.SAM_ID: lambda: encode_response(Sw3.SUCCESS, EMULATED_SAM_ID),
            Command.FIND_CARD: self._find,
            Command.SELECT_CARD: self._select,
            Command.READ_TEXT_PHOTO: self._read,
            Command.READ_APPENDED_ADDRESS: lambda: encode_response(Sw3.NO_SUCH_ITEM),
        }

    def attach(self, master_fd: int) -> None:
        """Start answering on ``master_fd`` (the pty master) from a thread of its own."""
        self.detach()
        self._fd = master_fd
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(master_fd,), name="idcard-emulator", daemon=True)
        self._thread.start()

    def detach(self) -> None:
        """Stop answering; the caller closes the pty."""
        thread, self._thread = self._thread, None
        if thread is not None:
            self._stop.set()
            thread.join(timeout=1.0)
        self._fd = None

    def _run(self, fd: int) -> None:
        splitter = FrameSplitter()
        while not self._stop.is_set():
            readable, _, _ = select.select([fd], [], [], _SELECT_SLICE_S)
            if not readable:
                continue
            try:
                data = os.read(fd, 4096)
            except OSError:
                # EIO while no slave has the pty open: wait for the driver to reopen it.
                self._stop.wait(_SELECT_SLICE_S)
                continue
            for frame in splitter.feed(data):
                reply = self._reply(frame)
                if reply:
                    self._write(fd, reply)

    def _write(self, fd: int, data: bytes) -> None:
        view = memoryview(data)
        while view:
            try:
                written = os.write(fd, view)
            except OSError:
                return
            view = view[written:]

    def _reply(self, frame: bytes) -> bytes:
        try:
            request = decode_request(frame)
        except BadCheck:
            return encode_response(Sw3.FRAME_CHECKSUM_ERROR)
        except FrameError:
            return encode_response(Sw3.FRAME_LENGTH_ERROR)
        self.requests[request.command] += 1
        if not self.answering:
            return b""
        reply = self._answer(request)
        if self.noisy:
            return self._line_noise() + reply + self._line_noise()
        return reply

    def _answer(self, request: Request) -> bytes:
        handler = self._handlers.get(request.command) if request.command else None
        if handler is None:
            return encode_response(Sw3.COMMAND_ERROR)
        return handler()

    def _find(self) -> bytes:
        if self.card is None:
            return encode_response(Sw3.FIND_CARD_FAILED)
        return encode_response(Sw3.FIND_CARD_SUCCESS, bytes(4))

    def _select(self) -> bytes:
        if self.card is None:
            return encode_response(Sw3.SELECT_CARD_FAILED)
        return encode_response(Sw3.SUCCESS, bytes(8))

    def _read(self) -> bytes:
        card = self.card
        if card is None or not self.readable:
            return encode_response(Sw3.CARD_READ_FAILED)
        reply = encode_card_response(card)
        if self.corrupt_reads:
            # A flipped bit in the text: the check byte no longer matches, as on a noisy line.
            position = self._noise.randrange(7, len(reply) - 1)
            reply = reply[:position] + bytes([reply[position] ^ 0x10]) + reply[position + 1 :]
        return reply

    def _line_noise(self) -> bytes:
        # Noise never contains 0xAA, so it cannot fake a preamble.
        return bytes(self._noise.choice(range(0x00, 0xAA)) for _ in range(self._noise.randrange(1, 24)))
