"""A whole filing by touch in the real app (see screens.automation), for the UI test."""

from __future__ import annotations

from collections.abc import Iterator

from screens.automation import Robot, Wait
from screens.tours import filing as filing_tour


def full_filing(robot: Robot) -> Iterator[Wait]:
    """From the attract screen to the printed receipt and complaint, every field typed on the keyboards."""
    yield robot.until_screen("attract")
    robot.touch("start_visit")
    yield robot.until_screen("home")
    screens: list[str] = []
    yield from filing_tour.tour(robot, screens.append)
    draft = robot.controller.visit.journeys["filing"]["draft"]
    robot.results["screens"] = screens
    robot.results["parties"] = [[p.role, p.name, getattr(p, "id_number", ""), p.address] for p in draft.parties]
    robot.results["reference"] = draft.outcome.receipt.reference
    robot.results["queued"] = draft.outcome.queued
    robot.results["printed"] = {role: [[job.title, job.copies, job.outcome.completed] for job in slot.driver.jobs]
                                for role, slot in robot.controller.devices.slots.items() if role.endswith("printer")}
