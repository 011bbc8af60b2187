"""``kiosk --self-test``: can this build serve? One line per check, exit status 0 when all pass.

An update is switched to only when the new bundle passes (``deploy/install.sh``), so the checks aim at
what a frozen build loses silently: a driver module or its native library, translations, fonts, data
files, the GL window. They never touch the kiosk's hardware or its court: the kiosk being replaced
may be running and holding the devices, so drivers are checked with ``is_usable()`` (imports only),
and the screens are rendered with simulated devices, the embedded demo court and a throw-away data
directory, on a private Xvfb display.

The screens check renders every router screen's presenter model into the app's :class:`ModelScreen`
(with the journeys' sample data, as the presenter tests do) and exports each frame as a PNG.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from kiosk.config import CourtSettings, DevicesSettings, Settings, load_settings

SPOKEN_SENTENCE = ("请把身份证放在读卡区。", "zh_CN")
#: Quieter than this (RMS of full scale) is silence: espeak-ng produced no voice.
MIN_SPEECH_RMS = 0.01
#: Where journey sample data lives: one ``sample_data(court)`` per journey, shared with the presenter tests.
SAMPLES_MODULE = "tests.kiosk.journeys.{journey}.samples"


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome and a short detail (no personal data: it may end up in a log)."""

    name: str
    passed: bool
    detail: str


class CheckFailed(Exception):
    """A check found something wrong; the message says what."""


def check_config(path: Path | None) -> tuple[Settings, str]:
    """The configuration loads and validates (the file given, else the platform default)."""
    settings = load_settings(path)
    if settings.production:
        check_outbox_key(settings)
    where = str(path) if path else "default location"
    mode = "production" if settings.production else "development"
    return settings, f"{where}, {mode}, court gateway {settings.court.gateway}"


def check_outbox_key(settings: Settings) -> None:
    """A production kiosk needs its outbox key: configured, or in an OS keyring (which needs ``keyring``).

    Without it ``kiosk run`` stops at start (``kiosk.services``); the self-test must not pass then.
    """
    from kiosk.court.sealing import parse_key  # noqa: PLC0415

    if settings.court.outbox_key:
        parse_key(settings.court.outbox_key)
    elif importlib.util.find_spec("keyring") is None:
        raise CheckFailed("court.outbox_key is empty and there is no OS keyring: configure an outbox key")


def check_drivers(settings: Settings) -> str:
    """Every configured role's driver is registered and its libraries load (``is_usable``)."""
    from drivers.registry import driver_class  # noqa: PLC0415 - drivers import numpy & co.
    from kiosk.devices import ROLE_KINDS  # noqa: PLC0415

    unusable = []
    for role, device in settings.device_roles().items():
        if not driver_class(ROLE_KINDS[role], device.driver).is_usable():
            unusable.append(f"{role} ({device.driver})")
    if unusable:
        raise CheckFailed("not usable: " + ", ".join(unusable))
    return f"{len(settings.device_roles())} roles usable"


def check_speech(work_dir: Path) -> str:
    """espeak-ng speaks one Mandarin sentence into a WAV through the pyttsx3 driver, and it is not silent."""
    from drivers.speech.pyttsx3_speaker import Pyttsx3Speaker  # noqa: PLC0415
    from drivers.speech.wav import measure  # noqa: PLC0415

    speaker = Pyttsx3Speaker()
    # pyttsx3 prints "Audio saved to …" for every file: keep the output to one line per check.
    with contextlib.redirect_stdout(io.StringIO()):
        speaker.open(lambda event: None)
        try:
            path = work_dir / "sentence.wav"
            speaker.synthesize_to_wav(*SPOKEN_SENTENCE, path)
            stats = measure(path)
        finally:
            speaker.close()
    if stats.rms < MIN_SPEECH_RMS:
        raise CheckFailed(f"silent synthesis (rms {stats.rms:.4f})")
    return f"{stats.duration_s:.2f} s of speech, rms {stats.rms:.3f}"


def sample_receipt() -> Any:  # kiosk.documents.receipt.Receipt, imported lazily (reportlab)
    """A filing receipt with the demo court's fictitious plaintiff and defendant."""
    from kiosk.complaints import LocalText  # noqa: PLC0415
    from kiosk.court.contract import PersonParty  # noqa: PLC0415
    from kiosk.court.demo.seed import COURTS, WANG, ZHANG  # noqa: PLC0415
    from kiosk.documents.receipt import Receipt  # noqa: PLC0415
    from kiosk.domain.fees import estimate  # noqa: PLC0415

    claim = Decimal("50000")
    return Receipt(
        reference="K7Q2M-9XBD-4H0T",
        court=COURTS[0],
        submitted_at=datetime(2025, 3, 14, 10, 32, tzinfo=timezone(timedelta(hours=8))),
        case_type_name=LocalText(zh_CN="民间借贷纠纷"),
        cause="民间借贷纠纷",
        parties=(
            PersonParty(role="plaintiff", name=ZHANG.name, sex="male", birth_date=datetime(1985, 3, 12).date(),
                        nation="汉", address="北京市明湖区湖滨路1号院3号楼2单元501室", id_number=ZHANG.id_number),
            PersonParty(role="defendant", name=WANG.name, sex="male", birth_date=datetime(1972, 11, 2).date(),
                        nation="汉", address="北京市青川区青川大街2号", id_number=WANG.id_number),
        ),
        claim_amount=claim,
        fee=estimate("property", claim),
        queued=False,
    )


def check_receipt(work_dir: Path) -> str:
    """One receipt PDF renders with its font embedded (the font is a bundled data file)."""
    from kiosk.documents.receipt import render_receipt  # noqa: PLC0415

    path = render_receipt(sample_receipt(), work_dir)
    content = path.read_bytes()
    if not content.startswith(b"%PDF") or b"/FontFile2" not in content:
        raise CheckFailed(f"{path.name} is not a PDF with an embedded TrueType font")
    return f"{len(content) // 1024} KiB PDF, font embedded"


def check_lexicon() -> str:
    """The pinyin lexicon builds from the bundled jieba, pypinyin and ngender data.

    It is built into the kiosk user's cache as in service, so a bundle that passed its self-test
    as that user (as ``deploy/install.sh`` runs it) spares the first visitor the build.
    """
    from kiosk.textinput import lexicon  # noqa: PLC0415

    started = time.monotonic()
    loaded = lexicon.load()
    words = [word for word, _score in loaded.words(("fa", "yuan"))]
    if "法院" not in words:
        raise CheckFailed("法院 is not among the words read fa yuan")
    return f"built in {time.monotonic() - started:.1f} s"


def offline_settings(settings: Settings, data_dir: Path) -> Settings:
    """``settings`` with simulated devices, the demo court and a scratch data directory.

    ``model_copy`` skips validation on purpose: a production configuration refuses simulated devices.
    """
    display = settings.display.model_copy(update={"fullscreen": False})
    return settings.model_copy(update={
        "production": False, "data_dir": data_dir, "display": display,
        "devices": DevicesSettings(), "court": CourtSettings(),
    })


def journey_samples() -> dict[str, Any]:
    """Each journey's sample data, so every step's presenter has something to show."""
    from kiosk.court.demo import DemoCourt  # noqa: PLC0415
    from kiosk.journeys import registry  # noqa: PLC0415

    court = DemoCourt(":memory:")
    return {journey.name: importlib.import_module(SAMPLES_MODULE.format(journey=journey.name)).sample_data(court)
            for journey in registry.JOURNEYS}


def render_every_screen(robot: Any, out_dir: Path) -> Iterator[Any]:
    """An automation script: each router screen's model shown for a frame, then exported as a PNG.

    Languages rotate over the screens so each script's font is drawn at least once.
    """
    from PIL import Image  # noqa: PLC0415

    from kiosk.presenters.model import ScreenContext  # noqa: PLC0415
    from kiosk.presenters.screens import present  # noqa: PLC0415
    from kiosk.router import SCREENS  # noqa: PLC0415
    from kiosk.session import Preferences  # noqa: PLC0415

    yield robot.until_screen("attract")
    journeys = journey_samples()
    languages = tuple(robot.controller.settings.languages.available)
    screen = robot.app.current_screen
    blank = []
    for index, name in enumerate(SCREENS):
        language = languages[index % len(languages)]
        context = ScreenContext(screen=name, step=name, preferences=Preferences(language=language),
                                languages=languages, journeys=journeys)
        screen.show(present(context), language)
        yield 1
        with Image.open(robot.screenshot(out_dir / f"{name}.png")) as image:
            if all(low == high for low, high in image.getextrema()):
                blank.append(name)
    robot.results.update(rendered=len(SCREENS), blank=blank)


def check_screens(settings: Settings, work_dir: Path) -> str:
    """Every screen renders in the real app under a private virtual display."""
    from kiosk.virtual_display import virtual_display  # noqa: PLC0415

    offline = offline_settings(settings, work_dir / "data")
    shots = work_dir / "screens"
    with virtual_display(offline.display.width_px, offline.display.height_px) as display:
        os.environ["DISPLAY"] = display
        os.environ.setdefault("KCFG_KIVY_LOG_LEVEL", "warning")  # one line per check, not Kivy's banner
        from screens.automation import run_script  # noqa: PLC0415 - Kivy only now, on the private display

        results, error = run_script(lambda robot: render_every_screen(robot, shots), offline)
    if error:
        raise CheckFailed(error.strip().splitlines()[-1])
    if results.get("blank"):
        raise CheckFailed("blank frames: " + ", ".join(results["blank"]))
    return f"{results['rendered']} screens drawn at {offline.display.width_px}x{offline.display.height_px}"


def _run(name: str, check: Callable[[], str]) -> CheckResult:
    started = time.monotonic()
    try:
        detail = check()
    except Exception as exc:  # noqa: BLE001 - any failure is this check's result, the others still run
        return CheckResult(name, False, f"{type(exc).__name__}: {exc}")
    return CheckResult(name, True, f"{detail} ({time.monotonic() - started:.1f} s)")


def run_checks(config_path: Path | None, work_dir: Path) -> Iterator[CheckResult]:
    """Run every check in order, yielding each result as it comes; later checks need the settings."""
    loaded: dict[str, Settings] = {}

    def config() -> str:
        loaded["settings"], detail = check_config(config_path)
        return detail

    yield (result := _run("config", config))
    if not result.passed:
        return
    settings = loaded["settings"]
    yield _run("drivers", lambda: check_drivers(settings))
    yield _run("speech", lambda: check_speech(work_dir))
    yield _run("receipt", lambda: check_receipt(work_dir))
    yield _run("lexicon", check_lexicon)
    # Last: Kivy's window lives until the process ends.
    yield _run("screens", lambda: check_screens(settings, work_dir))


def main(config_path: Path | None) -> int:
    """Print one line per check; 0 when all pass, 1 otherwise."""
    import logging  # noqa: PLC0415

    from kiosk.logs import configure_logging  # noqa: PLC0415

    configure_logging(logging.WARNING)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="courtkiosk-selftest-") as work:
        for result in run_checks(config_path, Path(work)):
            failed += not result.passed
            print(f"{'PASS' if result.passed else 'FAIL'} {result.name:8} {result.detail}", flush=True)
    print(f"self-test {'passed' if not failed else f'FAILED ({failed})'}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
