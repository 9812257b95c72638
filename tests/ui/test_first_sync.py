"""The app end to end against the real server in a thread: login, the first sync with
progress (and its cancel), the main window with background sync, log out."""

from __future__ import annotations

from ker_field.domain import demo
from ker_field.store.local import LocalStore
from ker_field.ui.controller import AppController
from ker_field.ui.first_sync import FirstSyncDialog, Outcome
from ker_field.ui.tasks import TaskRunner
from tests.ui.conftest import PASSWORDS


def _log_in(controller: AppController, username: str) -> None:
    controller.start()
    controller.login.username.setText(username)
    controller.login.password.setText(PASSWORDS[username])
    controller.login.sign_in_button.click()


def test_first_sign_in_runs_the_first_sync_with_progress_then_opens_the_home(
    qtbot, controller: AppController, store: LocalStore
):
    phases: list[tuple[str, int, int]] = []
    _log_in(controller, "tecnico")
    qtbot.waitUntil(lambda: controller.first_sync is not None, timeout=20_000)
    dialog = controller.first_sync
    assert dialog is not None
    original = dialog._progress
    dialog._progress = lambda p, d, t: (phases.append((p, d, t)), original(p, d, t))  # type: ignore[method-assign]
    qtbot.waitUntil(lambda: controller.main is not None, timeout=60_000)
    main = controller.main
    assert main is not None
    assert not controller.login.isVisible()
    qtbot.waitUntil(lambda: main.loaded, timeout=10_000)
    # The pulled demo data is on the device and in the home.
    qtbot.waitUntil(lambda: main.pages["assets"].page.model.rowCount() == 25, timeout=10_000)
    assert main.header.site.currentText().endswith("Planta Santiago")
    with store.sessions() as db:
        from ker_field.domain.models import Asset

        assert db.get(Asset, demo.demo_id("asset", "STGO", "1")) is not None
    # The background loop runs and reports: the header shows a last sync time.
    qtbot.waitUntil(lambda: "nunca" not in main.header.last_sync.text(), timeout=30_000)
    with qtbot.waitSignal(main.logged_out, timeout=5_000):
        main.header.logout_button.click()
    assert controller.main is None
    assert controller.login.isVisible()


def test_progress_dialog_shows_phases_and_counts(qtbot, server, signed_in, tasks: TaskRunner):
    session = signed_in("supervisor")
    dialog = FirstSyncDialog(session.sync_engine(), session.scopes(), tasks)
    qtbot.addWidget(dialog)
    seen: list[str] = []
    counts: list[str] = []
    dialog.bar.valueChanged.connect(lambda _v: seen.append(dialog.phase.text()))
    dialog.bar.valueChanged.connect(lambda _v: counts.append(dialog.counts.text()))
    dialog.open()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.outcome is not Outcome.RUNNING, timeout=60_000)
    assert dialog.outcome is Outcome.DONE
    assert dialog.report is not None and dialog.report.pull.applied > 0
    assert "Recibiendo datos de la instalación" in seen
    assert any(" de " in text for text in counts)


def test_cancel_stops_the_first_sync_without_freezing(qtbot, server, signed_in, tasks):
    session = signed_in("tecnico")
    engine = session.sync_engine()
    engine.page_size = 10  # many small pages: there is time to press cancel
    dialog = FirstSyncDialog(engine, session.scopes(), tasks)
    qtbot.addWidget(dialog)
    pressed: list[bool] = []

    def cancel_on_first_page(phase: str, done: int, total: int) -> None:
        FirstSyncDialog._progress(dialog, phase, done, total)
        if phase.startswith("pull:") and done > 0 and not pressed:
            pressed.append(True)
            dialog.cancel_button.click()

    dialog._progress = cancel_on_first_page  # type: ignore[method-assign]
    dialog.open()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.outcome is not Outcome.RUNNING, timeout=60_000)
    assert pressed
    assert dialog.outcome is Outcome.CANCELLED
    assert dialog.cancel_button.text() == "Cancelando…"
    assert not dialog.isVisible()
