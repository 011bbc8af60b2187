"""How long this process has existed, to the kernel's clock tick.

``psutil.Process().create_time()`` adds the process's start (in ticks since boot) to the boot time
of ``/proc/stat``, which the kernel gives in whole seconds: every age taken from it is off by the
same fraction of a second for as long as the machine is up (0.64 s on the machine where this was
found), which hid most of the difference between two apps' start times in their ratio. Here both
ends are read on the boot clock: no wall clock, no rounding but the 10 ms tick.
"""

from __future__ import annotations

import os
import time


def process_age_s(stat_path: str = "/proc/self/stat") -> float:
    """Seconds from this process's creation (its fork) to now."""
    with open(stat_path, encoding="ascii") as stat:
        after_name = stat.read().rsplit(")", 1)[1].split()
    started_ticks = int(after_name[19])  # field 22 of proc(5), counted from the state, field 3
    return time.clock_gettime(time.CLOCK_BOOTTIME) - started_ticks / os.sysconf("SC_CLK_TCK")
