"""PyInstaller runtime hook: pyzbar finds libzbar with ctypes.util.find_library, which
does not look inside the bundle; point it at the copy build.spec put there."""

import ctypes.util
import os
import sys

_find_library = ctypes.util.find_library
_BUNDLED = ("libzbar.so.0", "libzbar.0.dylib", "libzbar-64.dll", "libzbar-32.dll")


def _find_bundled(name):
    if name == "zbar":
        base = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
        for candidate in _BUNDLED:
            path = os.path.join(base, candidate)
            if os.path.exists(path):
                return path
    return _find_library(name)


ctypes.util.find_library = _find_bundled
