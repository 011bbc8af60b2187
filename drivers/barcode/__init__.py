"""Barcode and QR scanning: the decoding pipeline, the camera and keyboard-wedge drivers, and their twin."""
