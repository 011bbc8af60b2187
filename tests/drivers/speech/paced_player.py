"""A stand-in for ``aplay`` on machines without a sound card: "plays" a WAV in real time.

Usage: ``paced_player.py LOG WAV``. Appends ``start <wav name>`` to LOG, sleeps for the WAV's
length, then appends ``end <wav name>``; a killed player never writes its ``end`` line.
"""

import sys
import time
import wave
from pathlib import Path

log, path = Path(sys.argv[1]), Path(sys.argv[2])
with wave.open(str(path)) as wav:
    seconds = wav.getnframes() / wav.getframerate()
with log.open("a") as out:
    out.write(f"start {path.name}\n")
time.sleep(seconds)
with log.open("a") as out:
    out.write(f"end {path.name}\n")
