"""courtkiosk core: every rule and every flow of the kiosk, importable without Kivy."""

__version__ = "0.1.0"
