"""A voice guide speaking into the recording twin, and small screen models to feed it."""

from __future__ import annotations

import pytest

from drivers.base import DeviceEvent
from drivers.speech.simulated import SimulatedSpeaker
from kiosk.i18n import Text, Translator
from kiosk.presenters.model import Action, ScreenModel
from kiosk.session import Preferences
from kiosk.voice import Private, VoiceGuide

NAME = "张三丰"
ID_NUMBER = "110105194912310021"
CASE_NUMBER = "(2024)京0105民初123号"
AMOUNT = "1,050.00"
#: Every personal value the tests put on screens, receipts and keys.
PERSONAL = (NAME, ID_NUMBER, CASE_NUMBER, AMOUNT)


@pytest.fixture(scope="session")
def translator() -> Translator:
    return Translator()


@pytest.fixture
def events() -> list[DeviceEvent]:
    return []


@pytest.fixture
def speaker(events: list[DeviceEvent]) -> SimulatedSpeaker:
    twin = SimulatedSpeaker()
    twin.open(events.append)
    return twin


@pytest.fixture
def guide(speaker: SimulatedSpeaker, translator: Translator) -> VoiceGuide:
    return VoiceGuide(speaker, translator)


def voice_on(language: str = "zh_CN", **changes: object) -> Preferences:
    prefs = Preferences(language=language, voice=True)
    for name, value in changes.items():
        setattr(prefs, name, value)
    return prefs


def home_model(*, voice: bool = True, contrast: bool = False) -> ScreenModel:
    return ScreenModel(
        "home",
        Text("title.home"),
        (Text("body.home"),),
        actions=(Action("choose_filing", Text("button.filing"), "primary"), Action("choose_lookup", Text("button.lookup"))),
        nav=(
            Action("toggle_contrast", Text("button.contrast"), "toggle", checked=contrast),
            Action("toggle_voice", Text("button.voice"), "toggle", checked=voice),
        ),
    )


def case_model() -> ScreenModel:
    """A screen showing a visitor's case: the title is public, the details are personal."""
    return ScreenModel(
        "case",
        Text("title.lookup"),
        (
            Text("voice.toggle_state", {"label": Private(CASE_NUMBER), "state": Private(NAME)}),
            Text("voice.toggle_state", {"label": Text("title.payment"), "state": Private(AMOUNT)}),
            Text("help.staff"),
        ),
        actions=(Action("finish", Text("button.end_visit")),),
    )
