"""KER Field: offline-first field app for industrial safety work."""

__version__ = "0.1.0"
