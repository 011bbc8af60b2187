"""Pure builders of screen models: what each screen shows, offers and says, without Kivy."""

from kiosk.presenters.model import Action, Overlay, ScreenContext, ScreenModel
from kiosk.presenters.screens import present

__all__ = ["Action", "Overlay", "ScreenContext", "ScreenModel", "present"]
