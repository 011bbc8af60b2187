"""Maintenance mode: the staff screens behind the hidden gesture, built like a journey.

States in :mod:`~kiosk.maintenance.states`, the machine listener in :mod:`~kiosk.maintenance.effects`,
screens in :mod:`~kiosk.maintenance.presenters`; the staff door itself is :mod:`kiosk.staff`.
"""
