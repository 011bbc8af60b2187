"""Pure builders of screen models: what each screen shows, offers and says, without Kivy.

The model classes are here; :func:`kiosk.presenters.screens.present` picks a screen's presenter.
"""

from kiosk.presenters.model import Action, Field, Overlay, ScreenContext, ScreenModel

__all__ = ["Action", "Field", "Overlay", "ScreenContext", "ScreenModel"]
