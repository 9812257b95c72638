"""UI fixtures: the app's language and theme, the real server in a thread, and a check that
fails any test leaving a thread, a running timer or a top-level window behind."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThread, QTimer
from PySide6.QtWidgets import QApplication

from ker_field.domain import demo
from ker_field.settings import Settings
from ker_field.store.local import LocalStore
from ker_field.ui.controller import AppController
from ker_field.ui.i18n import install_language
from ker_field.ui.session import UserSession, sign_in
from ker_field.ui.tasks import TaskRunner
from ker_field.ui.theme import apply_theme
from tests.helpers.clock import FakeClock
from tests.helpers.live_server import LiveServer, database_url, run_server

# The live server's own threads (uvicorn, and AnyIO's pool for FastAPI's sync routes) live
# as long as the module's server: test infrastructure, not the app.
SERVER_THREADS = frozenset({"live-server", "AnyIO worker thread"})

PASSWORDS = {user.username: user.password for user in demo.DEMO_USERS}


def _flush_deletes() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def _running_qthreads() -> list[QThread]:
    return [
        obj
        for obj in gc.get_objects()
        if isinstance(obj, QThread) and obj.isRunning() and obj is not QThread.currentThread()
    ]


def _active_timers() -> list[QTimer]:
    found = []
    for obj in gc.get_objects():
        try:
            if isinstance(obj, QTimer) and obj.isActive():
                found.append(obj)
        except RuntimeError:  # the C++ object is gone
            continue
    return found


def _open_runners() -> list[TaskRunner]:
    return [obj for obj in gc.get_objects() if isinstance(obj, TaskRunner) and not obj.closed]


@pytest.fixture(autouse=True)
def no_leaks(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a QThread, a running QTimer, a Python thread of ours or a
    top-level window alive (napari's check: leaks crash runs later and far away)."""
    threads_before = set(threading.enumerate())
    windows_before = set(QApplication.topLevelWidgets())
    yield
    _flush_deletes()
    leaks: list[str] = []
    leaks += [f"QThread {t!r}" for t in _running_qthreads()]
    leaks += [f"QTimer {t.objectName() or t!r}" for t in _active_timers()]
    leaks += [
        f"thread {t.name}"
        for t in set(threading.enumerate()) - threads_before
        # Qt's pool threads show up as Python "dummy" threads: the runners are checked below.
        if t.is_alive()
        and t.name not in SERVER_THREADS
        and not isinstance(t, threading._DummyThread)
    ]
    leaks += [f"task runner {r!r} not shut down" for r in _open_runners()]
    leaks += [
        f"window {w.__class__.__name__} {w.objectName()!r}"
        for w in set(QApplication.topLevelWidgets()) - windows_before
        if w.isVisible() or w.objectName()
    ]
    assert not leaks, f"left alive after the test: {leaks}"


@pytest.fixture(autouse=True)
def spanish(qapp: QApplication) -> Iterator[None]:
    apply_theme(qapp)
    install_language("es")
    yield
    install_language("es")


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()
    _flush_deletes()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    local = LocalStore.open(tmp_path / "device")
    yield local
    local.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One real server per test module (each test has its own device store)."""
    folder = tmp_path_factory.mktemp("server")
    clock = FakeClock()
    for db in database_url("sqlite", folder):
        yield from run_server(db.url, folder, clock)


@pytest.fixture
def unreachable_url() -> str:
    from tests.helpers.live_server import free_port

    return f"http://127.0.0.1:{free_port()}"


SessionFactory = Callable[..., UserSession]


@pytest.fixture
def signed_in(store: LocalStore, server: LiveServer) -> Iterator[SessionFactory]:
    """``signed_in("tecnico")``: an online session on the live server (not yet synced)."""
    opened: list[UserSession] = []

    def make(username: str) -> UserSession:
        session = sign_in(store, server.url, username, PASSWORDS[username], clock=server.clock)
        opened.append(session)
        return session

    yield make
    for session in opened:
        session.close()


@pytest.fixture
def controller(store: LocalStore, tmp_path: Path, server: LiveServer) -> Iterator[AppController]:
    settings = Settings(server_url=server.url)
    app = AppController(store, settings, tmp_path / "device", demo=True)
    yield app
    app.shutdown()
    _flush_deletes()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform cannot propagate size hints; that warning says nothing about us.
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))
