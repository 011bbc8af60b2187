"""Benchmarks that print medians and rates; run each as ``python -m bench.<name>``."""
