"""Voice mode: what is spoken, in which language, and where it may be heard (no Kivy here)."""

from kiosk.voice.guide import VoiceGuide
from kiosk.voice.privacy import Private, Spoken

__all__ = ["Private", "Spoken", "VoiceGuide"]
