"""Text input without a physical keyboard: pinyin IME, handwriting, pads and keyboard layouts.

Everything here is GUI-free; the Kivy keyboard widget in ``screens/`` renders the layouts and drives
these models.
"""
