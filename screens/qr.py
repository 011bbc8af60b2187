"""A QR code drawn on screen (the court's payment order), made with segno."""

from __future__ import annotations

import io

from kivy.core.image import Image as CoreImage
from kivy.uix.anchorlayout import AnchorLayout
from kivy.uix.image import Image

#: Printed receipts use 34 mm; a phone held up to a screen wants a larger code.
QR_SIZE_MM = 50.0


class QrCode(AnchorLayout):
    """A centred, square QR code of ``size_px`` with its quiet zone, black on white in every palette."""

    def __init__(self, payload: str, size_px: float) -> None:
        super().__init__(size_hint_y=None, height=size_px)
        import segno  # noqa: PLC0415 - a payment screen's code, not every start, pays for segno's import

        png = io.BytesIO()
        segno.make(payload, error="m").save(png, kind="png", scale=10, border=4, dark="black", light="white")
        png.seek(0)
        texture = CoreImage(png, ext="png").texture
        texture.mag_filter = "nearest"  # keep the modules' edges sharp when scaled up
        self.add_widget(Image(texture=texture, size_hint=(None, None), size=(size_px, size_px), fit_mode="contain"))
