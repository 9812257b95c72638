"""The Qt front end. Importing it first protects the interpreter from a reference-count
bug of PySide6 6.12 on Python 3.11 (see :mod:`ker_field.ui._immortal`)."""

from ker_field.ui._immortal import keep_singletons_alive

keep_singletons_alive()
