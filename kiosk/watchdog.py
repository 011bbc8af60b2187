"""systemd's service watchdog, without libsystemd: one datagram to ``$NOTIFY_SOCKET`` per ping.

The service (``deploy/courtkiosk.service``) sets ``WatchdogSec``; systemd restarts the kiosk when no
``WATCHDOG=1`` arrives in time. The pings must come from the UI clock, not a thread of their own: a
frozen UI with a lively helper thread is exactly the failure the watchdog is there to catch.

The kiosk runs as xinit's client, not as the service's main process, so ``WATCHDOG_PID`` (xinit's) is
deliberately not compared with our own pid; the unit allows that with ``NotifyAccess=all``.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass

#: Pings go out at this fraction of the watchdog period, as sd_watchdog_enabled(3) advises (half).
PING_FRACTION = 0.5


@dataclass(frozen=True)
class Watchdog:
    """The notify socket's address and the watchdog period systemd expects pings within."""

    address: str
    period_s: float

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Watchdog | None:
        """The service's watchdog, or None when not run by systemd with ``WatchdogSec`` set."""
        env = os.environ if environ is None else environ
        address = env.get("NOTIFY_SOCKET", "")
        usec = env.get("WATCHDOG_USEC", "")
        if not address or not usec.isdigit() or int(usec) == 0:
            return None
        # A leading "@" names a socket in the abstract namespace (a NUL byte in the address).
        return cls("\0" + address[1:] if address.startswith("@") else address, int(usec) / 1e6)

    @property
    def interval_s(self) -> float:
        """How often to ping: well inside the period."""
        return self.period_s * PING_FRACTION

    def ping(self) -> None:
        """Tell systemd the kiosk is alive. Never raises: a missed ping is what the watchdog is for."""
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.sendto(b"WATCHDOG=1", self.address)
        except OSError:
            pass
