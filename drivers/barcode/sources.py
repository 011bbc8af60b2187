"""Where the camera scanner's frames come from: a camera, a video file or a folder of images.

A source returns the next frame, ``None`` when it has none now (a file played to its end), or
raises :class:`SourceLost` when the device is gone, so the scanner can report it absent and retry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from drivers.barcode.images import IMAGE_SUFFIXES, load_image


class SourceLost(Exception):
    """The camera was unplugged, or the file or folder disappeared."""


class FrameSource(Protocol):
    """A stream of BGR or grey frames."""

    def read(self) -> np.ndarray | None:
        """The next frame, or None when there is none now; raises :class:`SourceLost`."""
        ...

    def close(self) -> None:
        """Release the device."""
        ...


class CaptureSource:
    """``cv2.VideoCapture`` on a device index (a live camera) or a video file (played once)."""

    #: Failed reads in a row after which a live camera counts as unplugged.
    LOST_AFTER_FAILED_READS = 5

    def __init__(self, spec: int | str) -> None:
        self._live = isinstance(spec, int)
        self._capture = cv2.VideoCapture(spec)
        if not self._capture.isOpened():
            self._capture.release()
            raise SourceLost(f"cannot open {'camera' if self._live else 'video'} {spec!r}")
        self._failed_reads = 0

    def read(self) -> np.ndarray | None:
        """The next frame; a live camera that keeps failing raises :class:`SourceLost`."""
        ok, frame = self._capture.read()
        if ok:
            self._failed_reads = 0
            return frame
        if not self._live:
            return None
        self._failed_reads += 1
        if self._failed_reads >= self.LOST_AFTER_FAILED_READS:
            raise SourceLost("the camera stopped delivering frames")
        return None

    def close(self) -> None:
        """Release the capture device."""
        self._capture.release()


class FolderSource:
    """The images of a folder in name order, each delivered ``frames_per_image`` times, then nothing.

    Repeating an image plays a code held still in front of the camera for several frames.
    """

    def __init__(self, folder: Path, frames_per_image: int = 1) -> None:
        if not folder.is_dir():
            raise SourceLost(f"no folder {folder}")
        self._folder = folder
        self._pending = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        self._frames_per_image = frames_per_image
        self._current: np.ndarray | None = None
        self._repeats_left = 0

    def read(self) -> np.ndarray | None:
        """The next frame; raises :class:`SourceLost` once the folder is gone."""
        if not self._folder.is_dir():
            raise SourceLost(f"folder {self._folder} disappeared")
        if self._repeats_left == 0:
            if not self._pending:
                return None
            try:
                self._current = load_image(self._pending.pop(0))
            except ValueError:
                # An unreadable file is a blank frame, as a camera glitch would be.
                self._current = None
            self._repeats_left = self._frames_per_image
        self._repeats_left -= 1
        return self._current

    def close(self) -> None:
        """Nothing to release."""


def open_source(spec: int | str | Path, frames_per_image: int = 1) -> FrameSource:
    """The source a configuration names: a device index, a folder of images or a video file."""
    if isinstance(spec, int) or (isinstance(spec, str) and spec.isdigit()):
        return CaptureSource(int(spec))
    path = Path(spec)
    if path.is_dir():
        return FolderSource(path, frames_per_image)
    if not path.exists():
        raise SourceLost(f"no camera, video or folder at {path}")
    return CaptureSource(str(path))
