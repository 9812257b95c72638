"""A shared tablet: two technicians take turns on one device, partly offline. Each person's
pending work stays theirs: it goes to the server only with their own sign-in, the server
records each change as made by its author, and the header tells who waits for whom."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.models import LotoLog
from ker_field.services import loto
from ker_field.store.local import LocalStore
from ker_field.store.tables import OutboxEntry
from ker_field.ui.controller import AppController
from ker_field.ui.main_window import MainWindow
from tests.helpers.live_server import LiveServer
from tests.ui.conftest import PASSWORDS


def _sign_in(qtbot, controller: AppController, url: str, username: str) -> MainWindow:
    login = controller.login
    qtbot.waitUntil(login.isVisible, timeout=5_000)
    login.server.setText(url)
    login.username.setText(username)
    login.password.setText(PASSWORDS[username])
    with qtbot.waitSignal(controller.main_opened, timeout=60_000) as opened:
        login.sign_in_button.click()
    main = opened.args[0]
    assert isinstance(main, MainWindow)
    assert main.header.user.text().startswith(main.session.full_name)
    qtbot.waitUntil(lambda: main.loaded, timeout=20_000)
    return main


def _log_out(qtbot, controller: AppController, main: MainWindow) -> None:
    main.header.logout_button.click()
    qtbot.waitUntil(lambda: controller.main is None and controller.login.isVisible(), timeout=5_000)


def _start_lockout(main: MainWindow, asset: str) -> uuid.UUID:
    """The person's work on site: notifying the affected people starts a lockout."""
    view = loto.notify_affected(main.session.context(), demo.demo_id("asset", "STGO", asset))
    main.refresh()
    return view.lockout_id


def _server_authors(server: LiveServer, lockouts: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    with server.engine.connect() as db:
        rows = db.execute(
            select(LotoLog.lockout_id, LotoLog.user_id).where(LotoLog.lockout_id.in_(lockouts))
        )
        return {row.lockout_id: row.user_id for row in rows}


def _pending_by_person(store: LocalStore) -> dict[uuid.UUID, int]:
    with store.sessions() as db:
        users = db.scalars(select(OutboxEntry.user_id)).all()
    return {user: users.count(user) for user in set(users)}


def test_each_persons_pending_work_goes_to_the_server_under_their_own_name(
    qtbot, controller: AppController, server: LiveServer, store: LocalStore, unreachable_url
):
    tecnico, tecnico2 = demo.USER_IDS["tecnico"], demo.USER_IDS["tecnico2"]
    controller.start()

    # Pedro signed in here once with the network (first sync), so he can work offline.
    main = _sign_in(qtbot, controller, server.url, "tecnico")
    _log_out(qtbot, controller, main)

    # No network: Pedro unlocks offline and starts a lockout; it waits in the outbox.
    main = _sign_in(qtbot, controller, unreachable_url, "tecnico")
    assert not main.session.signed_in_online
    pedro_lockout = _start_lockout(main, "2")
    qtbot.waitUntil(lambda: main.header.pending.text() == "Pendientes: 1", timeout=10_000)
    assert main.header.pending_others.isHidden()
    _log_out(qtbot, controller, main)

    # The network is back; a second technician signs in on the same tablet, works and syncs.
    main = _sign_in(qtbot, controller, server.url, "tecnico2")
    qtbot.waitUntil(lambda: main.header.connection.text() == "● En línea", timeout=30_000)
    assert main.header.pending_others.text() == "(+1 de otras personas)"
    assert main.header.pending_others.isVisible()
    second_lockout = _start_lockout(main, "6")
    qtbot.waitUntil(lambda: main.header.pending.text() == "Pendientes: 1", timeout=10_000)
    main.header.sync_button.click()
    qtbot.waitUntil(lambda: main.header.pending.text() == "Pendientes: 0", timeout=30_000)
    assert main.header.pending_others.text() == "(+1 de otras personas)"
    # Only the second technician's change went, with their own sign-in; Pedro's waits for him.
    assert _server_authors(server, [pedro_lockout, second_lockout]) == {second_lockout: tecnico2}
    assert _pending_by_person(store) == {tecnico: 1}
    _log_out(qtbot, controller, main)

    # Pedro signs in again: his own sync sends his change, recorded as his.
    main = _sign_in(qtbot, controller, server.url, "tecnico")
    qtbot.waitUntil(lambda: main.header.pending.text() == "Pendientes: 0", timeout=30_000)
    assert main.header.pending_others.isHidden()
    assert _server_authors(server, [pedro_lockout, second_lockout]) == {
        pedro_lockout: tecnico,
        second_lockout: tecnico2,
    }
    assert _pending_by_person(store) == {}
    _log_out(qtbot, controller, main)
