"""Staff access to maintenance: PINs, signed badges, lock-outs, sessions and the hidden gesture.

Everything here runs without Kivy and takes its clock as an argument, so tests move time by hand.
Modules are imported one by one (``kiosk.staff.pins``…), which keeps :mod:`kiosk.audit` free to use
:mod:`kiosk.staff.roles` without an import cycle.
"""
