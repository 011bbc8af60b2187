"""Assembling voice mode from the configured speaker and headphone sense."""

from __future__ import annotations

from drivers.base import HeadphoneSense, Speaker
from kiosk.devices import DeviceManager
from kiosk.i18n import Translator
from kiosk.voice.guide import VoiceGuide


def voice_guide(devices: DeviceManager, translator: Translator) -> VoiceGuide | None:
    """The voice guide over the ``speech`` role's driver, or None when no speaker could be built."""
    speaker = devices.slots["speech"].driver if "speech" in devices.slots else None
    if not isinstance(speaker, Speaker):
        return None
    sense = devices.slots["headphones"].driver if "headphones" in devices.slots else None
    return VoiceGuide(speaker, translator, headphones=isinstance(sense, HeadphoneSense) and sense.present())
