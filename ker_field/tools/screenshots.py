"""``python -m ker_field.tools.screenshots OUT_DIR [--lang es|en]``: render each main screen
offscreen with demo data, at 1024x600 and 1920x1080, to PNG files (Spanish by default).

Screens: login (demo mode), the technician's, supervisor's and guard's homes (each tab),
the sync-issues inbox, the settings, the first-sync progress and the inactivity lock.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from ker_field.settings import Settings
from ker_field.tools import demo_scene
from ker_field.ui.first_sync import FirstSyncDialog
from ker_field.ui.i18n import install_language
from ker_field.ui.login import LoginWindow
from ker_field.ui.main_window import MainWindow
from ker_field.ui.session import Failure, SignInFailed
from ker_field.ui.tasks import TaskRunner
from ker_field.ui.theme import apply_theme

SIZES = ((1024, 600), (1920, 1080))


def _settle(tasks: TaskRunner) -> None:
    for _ in range(5):
        tasks.wait()
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _grab(window: QWidget, dialog: QWidget | None = None) -> QPixmap:
    for _ in range(3):
        QCoreApplication.processEvents()
    shot = window.grab()
    if dialog is not None:
        inner = dialog.grab()
        painter = QPainter(shot)
        painter.fillRect(shot.rect(), QPixmapShade)
        painter.drawPixmap(
            QPoint((shot.width() - inner.width()) // 2, (shot.height() - inner.height()) // 2),
            inner,
        )
        painter.end()
    return shot


QPixmapShade = None  # set in main(): a translucent black once a QGuiApplication exists


def render(out: Path, lang: str = "es") -> list[Path]:
    global QPixmapShade
    from PySide6.QtGui import QColor

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    QPixmapShade = QColor(0, 0, 0, 110)
    apply_theme(app)
    install_language("en" if lang == "en" else "es")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    tasks = TaskRunner()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        store = demo_scene.build(data_dir)
        settings = Settings(server_url="http://127.0.0.1:8765")

        def save(pixmap: QPixmap, name: str, size: tuple[int, int]) -> None:
            path = out / f"{name}_{size[0]}x{size[1]}.png"
            pixmap.save(str(path))
            written.append(path)

        try:
            for size in SIZES:
                login = LoginWindow(store, tasks, settings.server_url, "", demo=True)
                login.resize(*size)
                login.show()
                _settle(tasks)
                save(_grab(login), "login", size)
                login.username.setText("tecnico")
                login.password.setText("x")
                login.message.setText(login.failure_text(SignInFailed(Failure.OFFLINE_UNKNOWN)))
                save(_grab(login), "login_error", size)

                session = demo_scene.session_for(store, "tecnico")
                dialog = FirstSyncDialog(session.sync_engine(), session.scopes(), tasks, login)
                dialog._progress("pull:site:x", 1200, 3400)
                dialog.show()
                _settle(tasks)
                save(_grab(login, dialog), "first_sync", size)
                dialog.outcome = dialog.outcome.CANCELLED
                dialog.close()
                login.close()
                session.close()

                for username in ("tecnico", "supervisor", "guardia"):
                    session = demo_scene.session_for(store, username, online=username != "guardia")
                    window = MainWindow(session, settings, data_dir, tasks)
                    window.resize(*size)
                    window.show()
                    window.refresh()
                    _settle(tasks)
                    for index, key in enumerate(window.page_keys()):
                        window.tabs.setCurrentIndex(index)
                        _settle(tasks)
                        save(_grab(window), f"home_{username}_{index + 1}_{key}", size)
                        if key in window.journeys:
                            journey, page = window.journeys[key]
                            if journey.screenshots is not None:

                                def shot(
                                    name: str,
                                    dialog: QWidget | None = None,
                                    window: MainWindow = window,
                                    size: tuple[int, int] = size,
                                ) -> None:
                                    _settle(tasks)
                                    save(_grab(window, dialog), name, size)

                                journey.screenshots(window, page, shot)
                    if username == "tecnico":
                        inbox = window.open_issues()
                        _settle(tasks)
                        save(_grab(window, inbox), "issues_inbox", size)
                        inbox.close()
                        settings_dialog = window.open_settings()
                        _settle(tasks)
                        save(_grab(window, settings_dialog), "settings", size)
                        settings_dialog.close()
                        window.lock()
                        _settle(tasks)
                        save(_grab(window), "locked", size)
                    window.shutdown()
                    window.close()
                    window.deleteLater()
                    session.close()
                    _settle(tasks)
                login.deleteLater()
                _settle(tasks)
        finally:
            tasks.shutdown()
            store.close()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ker_field.tools.screenshots")
    parser.add_argument("out_dir")
    parser.add_argument("--lang", choices=["es", "en"], default="es")
    args = parser.parse_args(argv)
    for path in render(Path(args.out_dir), args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
