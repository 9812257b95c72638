"""What the app shows when: login, the first sync, the main window, back to login on log
out. Owns the task runner and the session; :meth:`AppController.shutdown` stops them."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from ker_field.settings import Settings
from ker_field.ui.i18n import current_language, install_language
from ker_field.ui.journeys import registered
from ker_field.ui.login import LoginWindow
from ker_field.ui.main_window import MainWindow
from ker_field.ui.session import StoreOpening, UserSession
from ker_field.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ker_field.store.local import LocalStore
    from ker_field.ui.first_sync import FirstSyncDialog


def _warm_up(store: StoreOpening) -> None:
    """On the task runner while the person types: open the store, load the journeys."""
    store.result()
    registered()


class AppController(QObject):
    main_opened = Signal(object)

    def __init__(
        self,
        store: LocalStore | StoreOpening,
        settings: Settings,
        data_dir: Path,
        demo: bool = False,
        sync_interval: float = 60.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = StoreOpening.of(store)
        self.settings, self.data_dir, self.demo = settings, data_dir, demo
        self.sync_interval = sync_interval
        self.tasks = TaskRunner(self)
        self.main_tasks: TaskRunner | None = None
        self.session: UserSession | None = None
        self.main: MainWindow | None = None
        self.first_sync: FirstSyncDialog | None = None
        self.login = LoginWindow(
            self.store, self.tasks, settings.server_url, settings.last_username, demo
        )
        self.login.signed_in.connect(self._signed_in)

    def start(self) -> None:
        self.login.show()
        self.tasks.run(partial(_warm_up, self.store), None, self.login.store_failed)

    def visible_window(self) -> QWidget:
        return self.main if self.main is not None else self.login

    @Slot(object, bool)
    def _signed_in(self, session: UserSession, first_sync: bool) -> None:
        self.session = session
        self.settings = self.settings.with_(
            server_url=self.login.server.text().strip(), last_username=session.username
        )
        self.settings.save(self.data_dir)
        if first_sync:
            from ker_field.ui.first_sync import FirstSyncDialog

            self.first_sync = FirstSyncDialog(
                session.sync_engine(), session.scopes(), self.tasks, self.login
            )
            self.first_sync.finished.connect(self._first_sync_finished)
            self.first_sync.open()
            self.first_sync.start()
        else:
            self._open_main()

    @Slot(int)
    def _first_sync_finished(self, _code: int) -> None:
        if self.first_sync is not None:
            self.first_sync.deleteLater()
            self.first_sync = None
        self._open_main()

    def _open_main(self) -> None:
        assert self.session is not None
        # The window's own runner: on log out its late results are dropped with it, so no
        # page hears back after it is gone.
        self.main_tasks = TaskRunner(self)
        self.main = MainWindow(
            self.session, self.settings, self.data_dir, self.main_tasks, defer_journeys=True
        )
        self.main.logged_out.connect(self._logged_out)
        self.main.settings_changed.connect(self._settings_changed)
        self.main.resize(self.login.size())
        self.main.show()
        self.login.hide()
        self.main.start(sync=True)
        self.main_opened.emit(self.main)

    @Slot()
    def _logged_out(self) -> None:
        self._close_main()
        self.login.password.clear()
        self.login.show()

    @Slot(object)
    def _settings_changed(self, settings: Settings) -> None:
        self.settings = settings
        settings.save(self.data_dir)
        if settings.language != current_language():
            install_language(settings.language)

    def _close_main(self) -> None:
        if self.main is not None:
            self.main.shutdown()
            self.main.close()
            self.main.deleteLater()
            self.main = None
        if self.main_tasks is not None:
            self.main_tasks.shutdown()
            self.main_tasks.deleteLater()
            self.main_tasks = None
        if self.session is not None:
            self.session.close()
            self.session = None

    def shutdown(self) -> None:
        """Stop the sync thread, wait for background tasks, close the windows."""
        if self.first_sync is not None:
            self.first_sync.cancel()
        if self.main is not None:
            self.main.shutdown()
        self.tasks.shutdown()
        self._close_main()
        self.login.close()
        self.login.deleteLater()
