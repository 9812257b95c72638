"""The PySide6 the app runs on keeps Python's reference counts: 6.12.0 under Python 3.11
lost a reference to ``None`` on every wrapped void call, and the app aborted after a few
thousand Qt calls (pyproject.toml pins below it)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_wrapped_void_calls_keep_references_to_none_and_bools(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for n in range(2000):
        label.setText(str(n))
        label.setVisible(False)
    assert label.text() == "1999"
    # a little slack for references the interpreter itself takes meanwhile
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50
