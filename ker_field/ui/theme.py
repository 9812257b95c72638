"""The look: a high-contrast stylesheet with touch targets of at least 44 px."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ker_field.ui.i18n import RESOURCES

STYLESHEET = RESOURCES / "theme" / "ker_field.qss"
MIN_TOUCH = 44


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))
