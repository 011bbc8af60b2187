"""A loopback TCP proxy that drops, delays, resets and corrupts a bounded share of the traffic it carries."""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

KINDS = ("drop", "delay", "reset", "corrupt")


@dataclass
class FaultPlan:
    """Each chunk meets each fault with ``probability``, while budgets last and until ``active_s`` is over."""

    probability: float = 0.03
    budget: dict[str, int] = field(default_factory=lambda: {"drop": 40, "delay": 60, "reset": 40, "corrupt": 40})
    active_s: float = 90.0
    max_delay_s: float = 0.8
    seed: int = 7


class FaultProxy:
    """Listens on a free loopback port and forwards to ``upstream``, injecting faults per ``plan``."""

    def __init__(self, upstream: tuple[str, int], plan: FaultPlan) -> None:
        self.upstream = upstream
        self.plan = plan
        self.injected: Counter[str] = Counter()
        self.connections = 0
        self._rng = random.Random(plan.seed)
        self._lock = threading.Lock()
        self._started = time.monotonic()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        """Stop accepting; connections in flight end on their own."""
        self._closed.set()
        self._listener.close()

    def _fault(self) -> str | None:
        with self._lock:
            if time.monotonic() - self._started > self.plan.active_s:
                return None
            for kind in KINDS:
                if self.injected[kind] < self.plan.budget.get(kind, 0) and self._rng.random() < self.plan.probability:
                    self.injected[kind] += 1
                    return kind
            return None

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self.connections += 1
            for source, sink, is_request in ((client, server, True), (server, client, False)):
                threading.Thread(target=self._pump, args=(source, sink, client, server, is_request),
                                 daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, client: socket.socket, server: socket.socket,
              is_request: bool) -> None:
        try:
            while chunk := source.recv(65536):
                fault = self._fault()
                if fault == "drop":
                    time.sleep(self._rng.uniform(0.0, 0.5))
                    break
                if fault == "reset":
                    _reset(client)
                    break
                if fault == "delay":
                    time.sleep(self._rng.uniform(0.05, self.plan.max_delay_s))
                if fault == "corrupt":
                    corrupted = self._corrupt(chunk, is_request)
                    if corrupted == chunk:
                        with self._lock:
                            self.injected["corrupt"] -= 1
                    chunk = corrupted
                sink.sendall(chunk)
        except OSError:
            pass
        for sock in (client, server):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _corrupt(self, chunk: bytes, is_request: bool) -> bytes:
        # Request heads stay intact: a mangled path or token is a refusal, not a transport fault. Bodies carry
        # a digest, so their corruption is detected as it would be under TLS.
        head_end = chunk.find(b"\r\n\r\n") if is_request else -1
        start = 0 if head_end < 0 else head_end + 4
        if start >= len(chunk):
            return chunk
        position = self._rng.randrange(start, len(chunk))
        return chunk[:position] + bytes([chunk[position] ^ 0x5A]) + chunk[position + 1:]


def _reset(sock: socket.socket) -> None:
    """Close with RST instead of FIN: the peer sees 'connection reset by peer'."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
