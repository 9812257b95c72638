"""The main window over a real store: role homes, the header, the issues inbox, the
language switch, the inactivity lock, the item models (pytest-qt's model tester)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from ker_field.settings import Settings
from ker_field.store.local import LocalStore
from ker_field.store.tables import OutboxEntry, SyncIssue
from ker_field.tools import demo_scene
from ker_field.ui.i18n import install_language
from ker_field.ui.main_window import BUILT_IN_PAGES, MainWindow
from ker_field.ui.models import ROW_ROLE
from ker_field.ui.tasks import TaskRunner


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[LocalStore]:
    store = demo_scene.build(tmp_path / "scene")
    yield store
    store.close()


@pytest.fixture
def window_for(qtbot, scene: LocalStore, tasks: TaskRunner, tmp_path: Path):
    opened: list[MainWindow] = []

    def make(username: str) -> MainWindow:
        session = demo_scene.session_for(scene, username)
        window = MainWindow(session, Settings(), tmp_path / "scene", tasks)
        qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
        window.resize(1024, 600)
        window.show()
        window.start(sync=False)
        qtbot.waitUntil(lambda: window.loaded, timeout=10_000)
        tasks.wait()
        qtbot.wait(10)
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.shutdown()
        window.session.close()


def _lists(window: MainWindow) -> list[str]:
    """The home's tabs this window builds itself (journeys add theirs in between)."""
    return [key for key in window.page_keys() if key in BUILT_IN_PAGES]


def test_each_role_gets_its_home(window_for):
    assert _lists(window_for("tecnico")) == ["tickets", "my_locks", "assets", "training"]
    assert _lists(window_for("supervisor"))[:2] == ["permits", "team_locks"]
    assert _lists(window_for("guardia")) == ["people", "training"]


def test_header_shows_who_where_and_what_waits(window_for):
    window = window_for("tecnico")
    header = window.header
    assert header.user.text() == "Pedro Soto\ntécnico"
    assert header.site.currentText() == "STGO · Planta Santiago"
    assert header.site.count() == 2
    assert header.connection.text() == "● En línea"
    assert header.pending.text().startswith("Pendientes: ")
    assert header.issues_button.text() == "Problemas: 2"
    assert header.last_sync.text() == "Sincronizado: nunca"


def test_lists_hold_the_services_rows_and_pass_the_model_tester(window_for, qtmodeltester):
    technician = window_for("tecnico")
    locks = technician.pages["my_locks"].page.model
    assert [lock.serial for lock in locks.rows()] == ["L-001", "L-002"]
    assert locks.data(locks.index(0, 0)) == "Correa transportadora 02"
    assert locks.data(locks.index(0, 0), ROW_ROLE).serial == "L-001"
    assert technician.pages["assets"].page.model.rowCount() == 25
    supervisor = window_for("supervisor")
    assert supervisor.pages["permits"].page.model.rowCount() == 1
    guard = window_for("guardia")
    assert guard.pages["people"].page.model.rowCount() >= 1
    for window in (technician, supervisor, guard):
        for spec in window.pages.values():
            qtmodeltester.check(spec.page.model, force_py=True)


def test_asset_search_runs_in_the_background(qtbot, window_for, tasks):
    window = window_for("tecnico")
    page = window.pages["assets"].page
    assert page.search is not None
    page.search.setText("prensa")
    qtbot.waitUntil(lambda: page.model.rowCount() < 25, timeout=5_000)
    assert {row.name.split()[0] for row in page.model.rows()} == {"Prensa"}
    page.search.setText("nada-coincide")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5_000)
    assert not page.empty.isHidden()


def test_switching_site_reloads_the_home(qtbot, window_for, tasks):
    window = window_for("tecnico")
    anto = window.header.site.findText("ANTO · Planta Antofagasta")
    window.header.site.setCurrentIndex(anto)
    qtbot.waitUntil(
        lambda: (
            window.pages["assets"].page.model.rowCount() == 25
            and window.pages["assets"].page.model.row_at(0).qr_code.startswith("KER-ANTO")
            and window.pages["my_locks"].page.model.rowCount() == 0
        ),
        timeout=5_000,
    )


def test_issues_inbox_discards_only_after_confirmation(qtbot, window_for, scene, monkeypatch):
    window = window_for("tecnico")
    window.header.issues_button.click()
    inbox = window.inbox
    assert inbox is not None
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 2, timeout=5_000)
    assert inbox.server_version.toPlainText().startswith("{")
    assert "Quien aprueba" in inbox.reason.text()

    monkeypatch.setattr(type(inbox), "confirm_discard", lambda self, issue: False)
    inbox.discard_button.click()
    assert scene.open_issue_count() == 2

    monkeypatch.setattr(type(inbox), "confirm_discard", lambda self, issue: True)
    inbox.discard_button.click()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: window.header.issues_button.text() == "Problemas: 1", timeout=5_000)
    with scene.sessions() as db:
        discarded = db.scalars(select(SyncIssue).where(SyncIssue.resolution == "discarded")).all()
    assert len(discarded) == 1
    inbox.close()


def test_retry_after_fixing_queues_the_change_again(qtbot, window_for, scene):
    window = window_for("tecnico")
    inbox = window.open_issues()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 2, timeout=5_000)
    with scene.sessions() as db:
        before = len(db.scalars(select(OutboxEntry)).all())
    inbox.retry_button.click()
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=5_000)
    with scene.sessions() as db:
        assert len(db.scalars(select(OutboxEntry)).all()) == before + 1
    inbox.close()


def test_language_switch_rewords_the_open_window(qtbot, window_for):
    window = window_for("tecnico")
    assert window.tabs.tabText(0) == "Mis órdenes"
    install_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "My work orders", timeout=2_000)
    assert window.header.connection.text() == "● Online"
    assert window.header.user.text() == "Pedro Soto\ntechnician"
    model = window.pages["tickets"].page.model
    assert (
        model.headerData(1, pytest.importorskip("PySide6.QtCore").Qt.Orientation.Horizontal)
        == "Work"
    )
    install_language("es")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Mis órdenes", timeout=2_000)


def test_settings_change_the_language_and_the_lock_delay(qtbot, window_for):
    window = window_for("tecnico")
    got: list[Settings] = []
    window.settings_changed.connect(got.append)
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.lock_minutes.setValue(2)
    dialog.save_button.click()
    assert got and got[0].language == "en" and got[0].inactivity_lock_minutes == 2
    assert window.idle.timer.interval() == 2 * 60_000


def test_inactivity_lock_asks_for_the_password(qtbot, window_for, scene):
    window = window_for("tecnico")
    window.idle.idle.emit()  # as if the minutes ran out
    assert window.locked
    window.lock_password.setText("wrong")
    window.unlock_button.click()
    qtbot.waitUntil(lambda: window.lock_message.text() == "Contraseña incorrecta.", timeout=10_000)
    assert window.locked


def test_log_out_stops_the_window_and_tells_the_app(qtbot, window_for, tasks):
    window = window_for("tecnico")
    with qtbot.waitSignal(window.logged_out, timeout=2_000):
        window.header.logout_button.click()
    assert not window.idle.timer.isActive()
    tasks.wait()
    qtbot.wait(20)
    window.relay.report.emit(None)  # a sync round that ended as the person left
    assert tasks.running == 0  # no reload of a closed window (its task runner may be gone)
