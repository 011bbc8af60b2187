"""Kivy views: they render the screen models the core builds and send intents back. No rules here."""
