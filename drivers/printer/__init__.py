"""Printers: CUPS through pycups, and a simulated twin that writes each job into a folder."""
