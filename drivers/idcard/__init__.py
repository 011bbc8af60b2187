"""The resident ID-card reader: the GA 467 frame codec, the serial driver and its simulated twin."""
