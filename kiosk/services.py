"""The services journeys use — the court, the outbox and its sender, background tasks — built from settings."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from kiosk import __version__
from kiosk.config import ConfigError, Settings
from kiosk.court.gateway import CourtGateway
from kiosk.court.outbox import Outbox
from kiosk.court.sealing import KeyUnavailable, new_key, outbox_key, parse_key
from kiosk.court.sender import OutboxSender
from kiosk.devices import Deliver, deliver_now
from kiosk.tasks import TaskRunner

log = logging.getLogger("kiosk.services")

DEMO_COURT_FILE = "demo-court.sqlite3"
OUTBOX_FILE = "outbox.sqlite3"
DEV_KEY_FILE = "outbox.key"


@dataclass
class KioskServices:
    """Everything a journey may call, owned for the kiosk's lifetime."""

    court: CourtGateway
    outbox: Outbox
    sender: OutboxSender
    tasks: TaskRunner

    def start(self) -> None:
        """Start sending queued submissions."""
        self.sender.start()

    def stop(self) -> None:
        """Stop the sender and the workers; queued submissions stay in the outbox."""
        self.sender.stop()
        self.tasks.shutdown()
        self.outbox.close()


def build_court(settings: Settings) -> CourtGateway:
    """The embedded demo court, or the court's HTTP API."""
    court = settings.court
    if court.gateway == "http":
        from kiosk.court.http_client import HttpCourtGateway, HttpOptions  # noqa: PLC0415 - only for real courts

        options = HttpOptions(token=court.token or None, ca_bundle=court.ca_bundle or None,
                              connect_timeout_s=court.connect_timeout_s, read_timeout_s=court.read_timeout_s)
        return HttpCourtGateway(court.base_url, options)
    from kiosk.court.demo import DemoCourt  # noqa: PLC0415

    return DemoCourt(settings.resolved_data_dir() / DEMO_COURT_FILE)


def _outbox_key(settings: Settings) -> bytes:
    try:
        return outbox_key(settings.court.outbox_key or None)
    except KeyUnavailable as exc:
        if settings.production:
            raise ConfigError(f"court.outbox_key: {exc}") from exc
    # Outside production: a key file beside the outbox, readable by the kiosk's user only.
    path: Path = settings.resolved_data_dir() / DEV_KEY_FILE
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as key_file:
            key_file.write(new_key())
    return parse_key(path.read_text())


def build_services(settings: Settings, deliver: Deliver = deliver_now) -> KioskServices:
    """Build (not start) the services for ``settings``."""
    court = build_court(settings)
    outbox = Outbox(settings.resolved_data_dir() / OUTBOX_FILE, _outbox_key(settings))
    sender = OutboxSender(outbox, court)
    depth = outbox.depth()
    log.info("services ready: court gateway %s, outbox %d pending (%d need staff), version %s",
             settings.court.gateway, depth.pending, depth.needs_staff, __version__)
    return KioskServices(court=court, outbox=outbox, sender=sender, tasks=TaskRunner(deliver))
