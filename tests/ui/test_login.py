"""Signing in through the login window: online, wrong password, offline unlock, no server."""

from __future__ import annotations

import threading

import pytest

from ker_field.store.local import LocalStore
from ker_field.ui.login import LoginWindow
from ker_field.ui.session import UserSession, sign_in
from ker_field.ui.tasks import TaskRunner
from tests.helpers.live_server import LiveServer
from tests.ui.conftest import PASSWORDS


@pytest.fixture
def login_for(qtbot, store: LocalStore, tasks: TaskRunner):
    def make(url: str, demo: bool = False) -> LoginWindow:
        window = LoginWindow(store, tasks, url, demo=demo)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def _submit(qtbot, window: LoginWindow, username: str, password: str) -> list:
    got: list = []
    window.signed_in.connect(lambda session, first: got.append((session, first)))
    window.username.setText(username)
    window.password.setText(password)
    window.sign_in_button.click()
    assert window.busy  # the work runs off the GUI thread; the window still answers
    qtbot.waitUntil(lambda: not window.busy, timeout=20_000)
    return got


def test_right_password_signs_in_online_and_asks_for_the_first_sync(qtbot, login_for, server):
    window = login_for(server.url)
    got = _submit(qtbot, window, "tecnico", PASSWORDS["tecnico"])
    assert window.message.text() == ""
    [(session, first_sync)] = got
    assert isinstance(session, UserSession)
    assert session.signed_in_online and first_sync
    assert session.full_name == "Pedro Soto"
    session.close()


def test_wrong_password_is_refused_in_spanish_without_offline_fallback(
    qtbot, login_for, server, store
):
    window = login_for(server.url)
    got = _submit(qtbot, window, "tecnico", "not-the-password")
    assert got == []
    assert window.message.text() == "Usuario o contraseña incorrectos."
    assert window.password.hasFocus() or window.password.text()


def _signed_in_and_synced(server: LiveServer, store: LocalStore, username: str) -> None:
    session = sign_in(store, server.url, username, PASSWORDS[username], clock=server.clock)
    session.sync_engine().sync_once(session.scopes())
    session.close()


def test_offline_unlock_after_an_online_sign_in(qtbot, login_for, server, store, unreachable_url):
    _signed_in_and_synced(server, store, "tecnico")
    window = login_for(unreachable_url)
    got = _submit(qtbot, window, "tecnico", PASSWORDS["tecnico"])
    [(session, first_sync)] = got
    assert not session.signed_in_online and not first_sync
    assert session.username == "tecnico"
    session.close()


def test_offline_unlock_with_the_wrong_password(qtbot, login_for, server, store, unreachable_url):
    _signed_in_and_synced(server, store, "tecnico")
    window = login_for(unreachable_url)
    assert _submit(qtbot, window, "tecnico", "nope") == []
    assert window.message.text() == (
        "No se pudo conectar con el servidor. Contraseña incorrecta para ingresar sin conexión."
    )


def test_server_unreachable_for_someone_never_seen_on_this_device(
    qtbot, login_for, unreachable_url
):
    window = login_for(unreachable_url)
    assert _submit(qtbot, window, "guardia", PASSWORDS["guardia"]) == []
    assert window.message.text().startswith("No se pudo conectar con el servidor.")
    assert "nunca inició sesión en este equipo" in window.message.text()


def test_demo_mode_lists_the_demo_people_and_a_tap_fills_the_form(qtbot, login_for, server):
    window = login_for(server.url, demo=True)
    assert len(window.demo_buttons) == 6
    supervisor = next(b for b in window.demo_buttons if b.property("username") == "supervisor")
    assert supervisor.text() == "Marcela Díaz · supervisor"
    supervisor.click()
    assert window.username.text() == "supervisor"
    assert window.password.text() == PASSWORDS["supervisor"]


def test_empty_fields_are_explained_without_calling_the_server(qtbot, login_for, server):
    window = login_for(server.url)
    window.sign_in_button.click()
    assert not window.busy
    assert window.message.text() == "Escriba su usuario y su contraseña."


def test_sign_in_with_the_server_live_keeps_the_password_verifier(server: LiveServer, store):
    session = sign_in(store, server.url, "guardia", PASSWORDS["guardia"])
    session.close()
    from ker_field.store.tables import DeviceAccount

    with store.sessions() as db:
        account = db.get(DeviceAccount, "guardia")
        assert account is not None
        assert PASSWORDS["guardia"] not in account.verifier


def test_signing_in_waits_for_the_demo_server_then_opens(qtbot, login_for, unreachable_url):
    started = threading.Event()
    window = login_for(unreachable_url, demo=True)
    window.wait_for_server(lambda: started.wait(5))
    assert window.busy and not window.sign_in_button.isEnabled()
    assert window.message.text() == "Iniciando el servidor de demostración…"
    started.set()
    qtbot.waitUntil(lambda: not window.busy, timeout=5_000)
    assert window.sign_in_button.isEnabled() and window.message.text() == ""


def test_a_demo_server_that_does_not_start_is_explained(qtbot, login_for, unreachable_url):
    def fails() -> None:
        raise RuntimeError("the demo server stopped; see server.log")

    window = login_for(unreachable_url, demo=True)
    window.wait_for_server(fails)
    qtbot.waitUntil(lambda: not window.busy, timeout=5_000)
    assert window.message.text() == (
        "El servidor de demostración no partió: the demo server stopped; see server.log"
    )
