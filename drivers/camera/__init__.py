"""Document camera: OpenCV capture, a simulated twin, and page processing as pure functions."""
