"""Small WAV helpers: silence for probing the audio device, and loudness and length for checks."""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from drivers.speech.synth import SAMPLE_RATE_HZ


@dataclass(frozen=True)
class WavStats:
    """How long a mono 16-bit WAV lasts and how loud it is (RMS of full scale, 0.0–1.0)."""

    duration_s: float
    rms: float


def write_silence(path: Path, seconds: float = 0.05, rate_hz: int = SAMPLE_RATE_HZ) -> Path:
    """A short silent WAV, enough for a player to open the device and close it again."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate_hz)
        out.writeframes(b"\0\0" * int(seconds * rate_hz))
    return path


def measure(path: Path) -> WavStats:
    """Length and RMS of a 16-bit WAV (all channels together)."""
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise ValueError(f"expected 16-bit samples, got {8 * wav.getsampwidth()}-bit")
        frames = wav.getnframes()
        samples = np.frombuffer(wav.readframes(frames), dtype="<i2").astype(np.float64) / 32768.0
        duration = frames / wav.getframerate()
    rms = float(np.sqrt(np.mean(samples**2))) if samples.size else 0.0
    return WavStats(duration, rms)
