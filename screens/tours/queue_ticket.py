"""The queue-ticket journey's screens, reached by touch: services, priority (with the elderly offer), tickets, problem.

Numbers come from a throwaway in-memory demo court, so the kiosk's own demo queue is left as it was; a
court out of reach shows the kiosk's own number, and one that answers nonsense shows the problem step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kiosk.court import contract as c
from kiosk.court.demo import DemoCourt
from kiosk.court.demo.seed import LI
from kiosk.court.errors import MalformedReply
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from screens.automation import Robot, Wait
from screens.tours.work_order import DEAD_COURT, fresh_visit, lay_card

Shoot = Callable[[str], None]
SETTLE_FRAMES = 3


class NonsenseCourt(DemoCourt):
    """A court whose queue system answers something the kiosk cannot read."""

    def take_queue_ticket(self, request: c.QueueTicketRequest) -> c.QueueTicket:
        raise MalformedReply()


def _show(robot: Robot, shoot: Shoot, step: str, name: str | None = None) -> Iterator[Wait]:
    yield robot.until_screen(step)
    yield SETTLE_FRAMES
    shoot(name or step)


def tour(robot: Robot, shoot: Shoot) -> Iterator[Wait]:
    """From home back to home through every queue-ticket step a visitor can reach by touch."""
    services = robot.controller.services
    kiosk_court = services.court
    services.court = DemoCourt(":memory:")

    if robot.controller.visit.card is not None:
        yield from fresh_visit(robot)
    robot.touch("choose_queue_ticket")
    yield from _show(robot, shoot, "queue_ticket_service")
    robot.touch("choose_service-filing")
    yield from _show(robot, shoot, "queue_ticket_priority")
    yield from lay_card(robot, LI.name, LI.id_number)
    yield lambda: robot.controller.model().actions[0].widget_id == "take_ticket-elderly"
    yield SETTLE_FRAMES
    shoot("queue_ticket_priority-elderly")
    robot.touch("take_ticket-elderly")
    yield from _show(robot, shoot, "queue_ticket_done")

    services.court = HttpCourtGateway(DEAD_COURT, HttpOptions(connect_timeout_s=0.5, retries=0))
    robot.touch("go_home")
    yield robot.until_screen("home")
    robot.touch("choose_queue_ticket")
    yield robot.until_screen("queue_ticket_service")
    robot.touch("choose_service-payment")
    yield robot.until_screen("queue_ticket_priority")
    robot.touch("take_ticket-none")
    yield from _show(robot, shoot, "queue_ticket_done", "queue_ticket_done-offline")

    services.court = NonsenseCourt(":memory:")
    robot.touch("go_home")
    yield robot.until_screen("home")
    robot.touch("choose_queue_ticket")
    yield robot.until_screen("queue_ticket_service")
    robot.touch("choose_service-consultation")
    yield robot.until_screen("queue_ticket_priority")
    robot.touch("take_ticket-disabled")
    yield from _show(robot, shoot, "queue_ticket_problem")

    services.court = kiosk_court
    robot.touch("go_home")
    yield robot.until_screen("home")
