"""The speech driver: pyttsx3 + espeak-ng on one thread, each sentence played by a killable process.

Every public method only puts a command on a queue, so the UI thread never waits for speech. The
speech thread owns the engine (pyttsx3 breaks when driven from two threads), synthesises one
sentence at a time into the driver's private directory, and plays it with ``aplay`` on the route's
ALSA device. While a sentence plays the next one is synthesised, so sentences follow without a gap.
A new utterance, :meth:`stop` or :meth:`pause` kills the player at once.

The WAV files may hold personal data spoken into headphones: each is deleted once played and the
directory is removed on close. A missing sound card is a status (``absent``), never an exception.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import queue
import shutil
import subprocess
import tempfile
import threading
from collections import deque
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import ClassVar

from drivers.base import (
    DeviceError,
    DeviceStatus,
    Emit,
    Health,
    Route,
    SelfTestResult,
    Speaker,
    SpeechDone,
    SpeechStarted,
    StatusChanged,
)
from drivers.speech import playback
from drivers.speech.commands import Command, Control, Job, Played, Say, SettingsChange, Synthesize
from drivers.speech.languages import VOICES, espeak_text, sentences, voice_for
from drivers.speech.synth import SynthesisError, Synthesizer
from drivers.speech.wav import measure, write_silence

log = logging.getLogger("kiosk.drivers.speech")

DEFAULT_RATE_WPM = 160
DEFAULT_VOLUME = 0.8
#: Bounds espeak-ng accepts for its rate, in words per minute.
RATE_RANGE_WPM = (80, 450)
SELF_TEST_TEXT = ("语音测试", "zh_CN")
#: The quietest a synthesised test phrase may be and still count as sound (RMS of full scale).
SELF_TEST_MIN_RMS = 0.01


class Pyttsx3Speaker(Speaker):
    """Speaks through espeak-ng (via pyttsx3) on the kiosk's loudspeaker or headphone output."""

    name = "pyttsx3"
    #: espeak-ng keeps one synthesis callback per process, so only one speaker may be open.
    _engine_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        *,
        voices: Mapping[str, str] = VOICES,
        speaker_device: str = "default",
        headphone_device: str = "default",
        player: Sequence[str] = playback.DEFAULT_PLAYER,
        rate_wpm: int = DEFAULT_RATE_WPM,
        volume: float = DEFAULT_VOLUME,
        synthesis_timeout_s: float = 10.0,
        open_timeout_s: float = 10.0,
    ) -> None:
        """``speaker_device``/``headphone_device`` are ALSA PCM names; on most kiosks both are the
        default card, whose codec moves sound to the jack when headphones are plugged in."""
        self._voices = dict(voices)
        self._devices = {Route.SPEAKER: speaker_device, Route.HEADPHONES: headphone_device}
        self._player = tuple(player)
        self._rate = _clamp_rate(rate_wpm)
        self._volume = _clamp_volume(volume)
        self._synthesis_timeout_s = synthesis_timeout_s
        self._open_timeout_s = open_timeout_s
        self._ids = itertools.count(1)
        self._commands: queue.SimpleQueue[Command] = queue.SimpleQueue()
        self._emit: Emit = lambda event: None
        self._status = DeviceStatus(Health.ABSENT, "status.speech.closed")
        self._status_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._started = threading.Event()
        self._dir: Path | None = None
        # Owned by the speech thread:
        self._synth: Synthesizer | None = None
        self._jobs: deque[Job] = deque()
        self._paused = False
        self._process: subprocess.Popen[bytes] | None = None
        self._playing: tuple[Job, int] | None = None

    @classmethod
    def is_usable(cls) -> bool:
        """pyttsx3 and pypinyin import and libespeak-ng loads."""
        try:
            import pypinyin  # noqa: F401, PLC0415
            from pyttsx3.drivers import _espeak  # noqa: F401, PLC0415
        except (ImportError, OSError):
            return False
        return True

    # --- Driver ---------------------------------------------------------------------------------

    def open(self, emit: Emit) -> None:
        """Start the speech thread; returns once the engine is up and the audio device probed."""
        if self._thread is not None:
            return
        if not self._engine_lock.acquire(blocking=False):
            raise DeviceError("status.speech.engine_in_use", "another speaker is open in this process")
        self._emit = emit
        self._dir = Path(tempfile.mkdtemp(prefix="courtkiosk-speech-"))
        self._dir.chmod(0o700)
        self._started.clear()
        self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
        self._thread.start()
        self._started.wait(self._open_timeout_s)

    def close(self) -> None:
        """Silence, stop the thread, delete the audio files."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._commands.put(Control("close"))
        thread.join(self._open_timeout_s)
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
        self._emit = lambda event: None
        self._set_status(DeviceStatus(Health.ABSENT, "status.speech.closed"), notify=False)
        self._engine_lock.release()

    def status(self) -> DeviceStatus:
        """Engine health and whether the audio device played the last sentence."""
        with self._status_lock:
            return self._status

    def self_test(self) -> SelfTestResult:
        """Synthesise a test phrase (it must not be silent) and open the audio device(s)."""
        if self._dir is None:
            return SelfTestResult(False, "status.speech.closed")
        path = self._dir / "self-test.wav"
        try:
            self.synthesize_to_wav(*SELF_TEST_TEXT, path)
            stats = measure(path)
        except (DeviceError, OSError, ValueError) as exc:
            return SelfTestResult(False, "status.speech.synthesis_failed", type(exc).__name__)
        finally:
            path.unlink(missing_ok=True)
        if stats.rms < SELF_TEST_MIN_RMS:
            return SelfTestResult(False, "status.speech.synthesis_failed", f"rms {stats.rms:.4f}")
        problem = self._probe_devices()
        if problem:
            return SelfTestResult(False, "status.speech.no_audio_device", problem)
        return SelfTestResult(True, "status.speech.ok", f"{stats.duration_s:.2f} s test phrase")

    # --- Speaker --------------------------------------------------------------------------------

    def say(self, text: str, language: str, *, route: Route = Route.SPEAKER, interrupt: bool = True) -> int:
        """Queue an utterance; returns its number, which :class:`SpeechDone` reports back."""
        utterance = next(self._ids)
        self._commands.put(Say(utterance, text, language, route, interrupt))
        return utterance

    def stop(self) -> None:
        """Silence now and forget everything queued."""
        self._commands.put(Control("stop"))

    def pause(self) -> None:
        """Silence now; :meth:`resume` repeats the interrupted sentence and goes on."""
        self._commands.put(Control("pause"))

    def resume(self) -> None:
        """Go on after :meth:`pause`."""
        self._commands.put(Control("resume"))

    def set_rate(self, words_per_minute: int) -> None:
        """Rate for the next sentence on, clamped to what espeak-ng accepts."""
        self._commands.put(SettingsChange(rate_wpm=_clamp_rate(words_per_minute)))

    def set_volume(self, volume: float) -> None:
        """Volume for the next sentence on, clamped to 0.0–1.0."""
        self._commands.put(SettingsChange(volume=_clamp_volume(volume)))

    def synthesize_to_wav(self, text: str, language: str, path: Path, timeout_s: float = 30.0) -> None:
        """Synthesise ``text`` into ``path`` on the speech thread and wait (tests, bench, self-test).

        Blocks the caller: never call it from the UI thread.
        """
        if self._thread is None:
            raise DeviceError("status.speech.closed")
        result: Future[None] = Future()
        self._commands.put(Synthesize(text, language, Path(path), result))
        result.result(timeout_s)

    # --- the speech thread ----------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._synth = Synthesizer(self._synthesis_timeout_s)
        except Exception as exc:  # no espeak-ng: report it, keep answering commands
            log.error("speech engine failed to start: %s", type(exc).__name__)
            self._set_status(DeviceStatus(Health.ERROR, "status.speech.engine_failed", f"{type(exc).__name__}: {exc}"))
        else:
            problem = self._probe_devices()
            if problem:
                self._set_status(DeviceStatus(Health.ABSENT, "status.speech.no_audio_device", problem))
            else:
                self._set_status(DeviceStatus(Health.OK, "status.speech.ok"))
        self._started.set()
        running = True
        while running:
            running = self._handle(self._commands.get())
            # Take everything already queued before synthesising: of a burst of screens, only
            # the last is spoken.
            with contextlib.suppress(queue.Empty):
                while running:
                    running = self._handle(self._commands.get_nowait())
            if running:
                self._advance()
        self._silence()
        if self._synth is not None:
            self._synth.close()
            self._synth = None

    def _handle(self, command: Command) -> bool:
        """Apply one command; False once the thread should end."""
        match command:
            case Say(interrupt=True):
                self._drop_all()
                self._paused = False
                self._enqueue(command)
            case Say():
                self._enqueue(command)
            case Control(action="stop"):
                self._drop_all()
                self._paused = False
            case Control(action="pause"):
                self._silence()
                self._paused = bool(self._jobs)
            case Control(action="resume"):
                self._paused = False
            case Control(action="close"):
                return False
            case SettingsChange(rate_wpm=rate, volume=volume):
                self._rate = rate if rate is not None else self._rate
                self._volume = volume if volume is not None else self._volume
                self._discard_prepared()
            case Synthesize():
                self._synthesize_request(command)
            case Played(process=process):
                self._played(process)
        return True

    def _enqueue(self, say: Say) -> None:
        log.debug("utterance %d: %s on %s", say.utterance, say.language, say.route.value)
        self._jobs.append(Job(say.utterance, say.language, say.route, sentences(say.text)))

    def _advance(self) -> None:
        """Start the next sentence when nothing is playing, then make the one after it ready."""
        if self._paused or self._process is not None:
            return
        while self._jobs:
            job = self._jobs[0]
            if job.index >= len(job.sentences):
                self._finish(completed=True)
                continue
            wav = self._wav(job, job.index)
            if wav is None:
                self._finish(completed=False)
                continue
            if not job.started:
                job.started = True
                self._emit(SpeechStarted(job.utterance))
            self._play(job, wav)
            self._prepare_next(job)
            return

    def _play(self, job: Job, wav: Path) -> None:
        try:
            process = playback.start(self._player, self._devices[job.route], wav)
        except OSError as exc:
            self._set_status(DeviceStatus(Health.ABSENT, "status.speech.no_audio_device", f"player: {exc.strerror}"))
            self._finish(completed=False)
            return
        self._process, self._playing = process, (job, job.index)
        threading.Thread(target=self._watch, args=(process,), name="speech-player", daemon=True).start()

    def _watch(self, process: subprocess.Popen[bytes]) -> None:
        process.wait()
        self._commands.put(Played(process))

    def _played(self, process: subprocess.Popen[bytes]) -> None:
        if process is not self._process or self._playing is None:
            return  # a player we killed: already accounted for
        job, index = self._playing
        self._process = self._playing = None
        problem = playback.outcome(process)
        self._forget_wavs(job, only=index)
        if problem is None:
            self._set_status(DeviceStatus(Health.OK, "status.speech.ok"))
            job.index = index + 1
        else:
            detail = f"{job.route.value} ({self._devices[job.route]}): {problem}"
            self._set_status(DeviceStatus(Health.ABSENT, "status.speech.no_audio_device", detail))
            self._finish(completed=False)

    def _prepare_next(self, job: Job) -> None:
        upcoming = job.index + 1
        if upcoming < len(job.sentences):
            self._wav(job, upcoming)

    def _wav(self, job: Job, index: int) -> Path | None:
        """The WAV of sentence ``index``, synthesised now unless it is ready."""
        if index not in job.wavs:
            assert self._dir is not None
            path = self._dir / f"{job.utterance}-{index}.wav"
            if not self._synthesize(job.sentences[index], job.language, path):
                return None
            job.wavs[index] = path
        return job.wavs[index]

    def _synthesize(self, text: str, language: str, path: Path) -> bool:
        if self._synth is None:
            return False
        try:
            voice = voice_for(language, self._voices)
        except KeyError:
            log.warning("no voice for language %s", language)
            return False
        try:
            self._synth.to_wav(espeak_text(text, voice), path, voice=voice, rate_wpm=self._rate, volume=self._volume)
        except SynthesisError as exc:
            self._set_status(DeviceStatus(Health.ERROR, "status.speech.synthesis_failed", str(exc)))
            return False
        return True

    def _synthesize_request(self, request: Synthesize) -> None:
        if self._synthesize(request.text, request.language, request.path):
            request.result.set_result(None)
        else:
            request.result.set_exception(DeviceError("status.speech.synthesis_failed", request.language))

    def _finish(self, *, completed: bool) -> None:
        job = self._jobs.popleft()
        self._forget_wavs(job)
        self._emit(SpeechDone(job.utterance, completed))

    def _silence(self) -> None:
        """Kill the playing sentence (its job stays queued, at the same sentence)."""
        process, self._process = self._process, None
        if process is not None:
            playback.kill(process)
            self._playing = None

    def _drop_all(self) -> None:
        self._silence()
        while self._jobs:
            self._finish(completed=False)

    def _forget_wavs(self, job: Job, *, only: int | None = None) -> None:
        for index in [i for i in job.wavs if only is None or i == only]:
            job.wavs.pop(index).unlink(missing_ok=True)

    def _discard_prepared(self) -> None:
        """Sentences made ahead with the old rate or volume are made again (the playing one plays on)."""
        playing = self._playing
        for job in self._jobs:
            for index in list(job.wavs):
                if playing is None or (job, index) != playing:
                    job.wavs.pop(index).unlink(missing_ok=True)

    def _probe_devices(self) -> str | None:
        assert self._dir is not None
        silence = write_silence(self._dir / "probe.wav")
        for route, device in self._devices.items():
            problem = playback.probe(self._player, device, silence)
            if problem:
                return f"{route.value} ({device}): {problem}"
        return None

    def _set_status(self, status: DeviceStatus, *, notify: bool = True) -> None:
        with self._status_lock:
            if status == self._status:
                return
            self._status = status
        log.info("speech: %s (%s) %s", status.health.value, status.message_key, status.detail)
        if notify:
            self._emit(StatusChanged(status))


def _clamp_rate(words_per_minute: int) -> int:
    low, high = RATE_RANGE_WPM
    return max(low, min(high, int(words_per_minute)))


def _clamp_volume(volume: float) -> float:
    return max(0.0, min(1.0, float(volume)))
