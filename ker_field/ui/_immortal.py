"""Work around PySide6 6.12 on CPython 3.11 dropping references to None, True and False.

shiboken6 6.12 returns ``None`` from every wrapped void C++ call (and bools from some
calls) without taking a new reference, as if they were immortal objects, which they are
only from Python 3.12 on (PEP 683). On 3.11 each such call costs ``None`` one reference:
after a few thousand Qt calls (a LOTO journey makes that many) the interpreter aborts with
"Fatal Python error: none_dealloc" (or bool_dealloc), mid-run or at exit. Reproduce::

    python -c "import sys; from PySide6.QtWidgets import QApplication, QLabel; \\
        a = QApplication([]); l = QLabel(); n = sys.getrefcount(None); \\
        [l.setText('x') for _ in range(100)]; print(sys.getrefcount(None) - n)"   # -100

Until the wheel is fixed or the app runs on Python >= 3.12, give the three singletons so
many references that they can never reach zero: what 3.12 does by design.
"""

from __future__ import annotations

import ctypes
import sys

_SPARE = 1 << 40


def keep_singletons_alive() -> None:
    """Idempotent enough: each call adds 2**40 references (never freed; singletons never
    are)."""
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in CPython's (non-debug) layout.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _SPARE
