"""A kiosk process for the fault test: makes numbered submissions through the outbox while its sender runs.

Prints ``ISSUED <index> <reference>`` once a submission is committed (the visitor's receipt), then
``DRAINED`` when the outbox is empty. The test SIGKILLs and restarts it at random moments.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time

from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from kiosk.court.outbox import Outbox
from kiosk.court.sealing import parse_key
from kiosk.court.sender import Backoff, OutboxSender
from tests.kiosk.court.samples import filing, work_order


def main() -> int:
    parser = argparse.ArgumentParser()
    for name in ("--outbox", "--key", "--url", "--token", "--log"):
        parser.add_argument(name, required=True)
    parser.add_argument("--start", type=int, required=True)
    parser.add_argument("--end", type=int, required=True)
    parser.add_argument("--interval-s", type=float, default=0.01)
    args = parser.parse_args()
    logging.basicConfig(filename=args.log, level=logging.DEBUG, format="%(process)d %(name)s %(message)s")
    outbox = Outbox(args.outbox, parse_key(args.key))
    gateway = HttpCourtGateway(args.url, HttpOptions(token=args.token, connect_timeout_s=1.0, read_timeout_s=1.0,
                                                     retries=1, backoff_s=0.05))
    sender = OutboxSender(outbox, gateway, Backoff(base_s=0.05, max_s=1.0), idle_poll_s=0.5)
    sender.start()
    for index in range(args.start, args.end):
        note = f"#{index}"
        submission = filing("fault-kiosk", note=note) if index % 5 == 0 else work_order(
            "fault-kiosk", "complaint_suggestion", message=note)
        outbox.submit(submission)
        print(f"ISSUED {index} {submission.reference}", flush=True)
        time.sleep(args.interval_s)
    while (depth := outbox.depth()).pending:
        time.sleep(0.05)
    sender.stop()
    print("DRAINED" if depth.needs_staff == 0 else f"PARKED {depth.needs_staff}", flush=True)
    return 0 if depth.needs_staff == 0 else 3


if __name__ == "__main__":
    sys.exit(main())
