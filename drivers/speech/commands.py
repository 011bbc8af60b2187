"""What the speech driver's public methods ask of its speech thread, and the utterances it works through.

Commands are immutable messages on the thread's queue; a job is one utterance cut into sentences,
with the WAVs made for it so far.
"""

from __future__ import annotations

import subprocess
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from drivers.base import Route


@dataclass(frozen=True)
class Say:
    """Speak ``text``; ``interrupt`` drops what is playing and queued first."""
    utterance: int
    text: str
    language: str
    route: Route
    interrupt: bool


@dataclass(frozen=True)
class Control:
    """Stop, pause, resume or close."""
    action: str  # "stop", "pause", "resume", "close"


@dataclass(frozen=True)
class SettingsChange:
    """A new rate or volume (None leaves it as it is)."""
    rate_wpm: int | None = None
    volume: float | None = None


@dataclass(frozen=True)
class Synthesize:
    """Write ``text`` to ``path`` and settle ``result`` (tests, bench, self-test)."""
    text: str
    language: str
    path: Path
    result: Future[None]


@dataclass(frozen=True)
class Played:
    """A player process has exited (posted by its watcher thread)."""
    process: subprocess.Popen[bytes]


Command = Say | Control | SettingsChange | Synthesize | Played


@dataclass
class Job:
    """One utterance: its sentences, the one playing, and the WAVs made so far."""
    utterance: int
    language: str
    route: Route
    sentences: list[str]
    index: int = 0
    started: bool = False
    wavs: dict[int, Path] = field(default_factory=dict)
