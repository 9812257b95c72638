"""Offline co-sign on the technician's tablet against the real server: another supervisor
types their password on the tablet (checked against the device's verifier, a wrong one
refused), the technician activates and closes, and after sync the server holds the permit
with its approver, the method, the device and the session's person."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.enums import ApprovalMethod, EquipmentHandback, PermitHazard, PermitStatus
from ker_field.domain.models import WorkPermit
from ker_field.store.local import LocalStore
from ker_field.store.tables import SyncIssue
from ker_field.ui.permits.page import PermitPage
from ker_field.ui.tasks import TaskRunner
from sync.server.db import session_factory
from tests.helpers.live_server import LiveServer
from tests.ui.test_permits import Host

TICKET = demo.demo_id("ticket", "STGO", "1")  # 4 x 4: HIGH


def draft_high(qtbot, page: PermitPage, ticket: uuid.UUID) -> uuid.UUID:
    page.start_draft(ticket)
    page.form.hazard_boxes[PermitHazard.ELECTRICAL].setChecked(True)
    page.form.controls.setPlainText("Bloqueo del interruptor y prueba de ausencia de tensión")
    qtbot.mouseClick(page.form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notice.text() == "Permiso solicitado.", timeout=10_000)
    permit = page.current()
    assert permit is not None and permit.status is PermitStatus.REQUESTED
    return permit.id


def cosign(qtbot, page: PermitPage, username: str, password: str) -> str:
    qtbot.mouseClick(page.cosign_button, Qt.MouseButton.LeftButton)
    dialog = page.cosign_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    # Accepted: the dialog closes (and goes); refused: it stays with the reason.
    qtbot.waitUntil(
        lambda: page.cosign_dialog is None or dialog.sign_button.isEnabled(), timeout=15_000
    )
    if page.cosign_dialog is None:
        return ""
    text = dialog.message.text()
    dialog.close()
    return text


def test_offline_cosign_by_another_supervisor_then_sync(
    qtbot, signed_in, store: LocalStore, tasks: TaskRunner, server: LiveServer, tmp_path: Path
):
    # supervisor2 signed in on this tablet once (its verifier is kept); now the technician.
    signed_in("supervisor2")
    session = signed_in("tecnico")
    session.sync_engine().sync_once(session.scopes())
    host = Host(session, tasks, tmp_path)
    page = PermitPage(host)
    host.page = page
    qtbot.addWidget(page)
    page.resize(1024, 520)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    permit_id = draft_high(qtbot, page, TICKET)

    # Someone who never signed in here, then a wrong password: refused, nothing recorded.
    assert cosign(qtbot, page, "supervisor", "super123") == (
        "Esta persona nunca inició sesión en este equipo: conéctese a la red para el primer"
        " ingreso."
    )
    assert cosign(qtbot, page, "supervisor2", "no-es-la-clave") == "Contraseña incorrecta."
    assert page.status_label.text() == "SOLICITADO"
    # Guessing is slowed: after five wrong passwords even the right one waits five minutes.
    for _ in range(4):
        assert cosign(qtbot, page, "supervisor2", "otra-clave") == "Contraseña incorrecta."
    assert cosign(qtbot, page, "supervisor2", "super123") == (
        "Demasiadas contraseñas incorrectas en este equipo: espere 5 minutos."
    )
    server.clock.advance(minutes=5)

    assert cosign(qtbot, page, "supervisor2", "super123") == ""
    qtbot.waitUntil(lambda: page.status_label.text() == "APROBADO", timeout=10_000)
    assert page.notice.text() == "Permiso aprobado por Jorge Muñoz en este equipo."
    approval = page.approval_label.text()
    assert approval.startswith("Aprobado por Jorge Muñoz el ")
    assert f"en el equipo de Pedro Soto ({store.device_id})" in approval

    qtbot.mouseClick(page.activate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_label.text() == "ACTIVO", timeout=10_000)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    dialog = page.handback_dialog
    assert dialog is not None
    dialog.choices[EquipmentHandback.REMAINS_ISOLATED].click()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_label.text() == "CERRADO", timeout=10_000)

    report = session.sync_engine().sync_once(session.scopes())
    assert report.push.rejected == 0
    with store.sessions() as db:
        assert db.scalars(select(SyncIssue)).all() == []
    with session_factory(server.engine)() as db:
        row = db.get(WorkPermit, permit_id)
        assert row is not None
        assert row.status is PermitStatus.CLOSED
        assert row.approved_by_id == demo.USER_IDS["supervisor2"]
        assert row.approval_method is ApprovalMethod.DEVICE_COSIGN
        assert row.approval_device_id == store.device_id
        assert row.approval_session_user_id == demo.USER_IDS["tecnico"]
        assert row.handback_state is EquipmentHandback.REMAINS_ISOLATED
        assert row.hazards == ["electrical"]
