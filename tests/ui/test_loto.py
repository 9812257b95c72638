"""The LOTO journey in the real window, driven with qtbot, with a file camera replaying real
QR frames: scan the asset's tag, read its procedure and prerequisites, lock each point with a
scanned serial and a camera photo, verify, remove; every refusal shown with the domain's
message; after sync the live server holds the record and its photos."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ker_field.capture.photo import read_meta
from ker_field.domain import demo
from ker_field.domain.enums import LotoEvent
from ker_field.domain.models import LotoLog
from ker_field.services import loto, permits
from ker_field.settings import Settings
from ker_field.store.local import LocalStore
from ker_field.tools import demo_scene
from ker_field.ui.i18n import install_language
from ker_field.ui.loto.page import LotoPage
from ker_field.ui.main_window import MainWindow
from ker_field.ui.tasks import TaskRunner
from tests.helpers.qr_frames import camera_file

CONVEYOR = demo.demo_id("asset", "STGO", "2")
PRESS = demo.demo_id("asset", "STGO", "3")
CABINET = demo.demo_id("asset", "STGO", "5")


def idle(qtbot, tasks: TaskRunner) -> None:
    """Until the page's background work (and what it chains) has landed."""
    for _ in range(3):
        qtbot.waitUntil(lambda: tasks.running == 0, timeout=15_000)
        qtbot.wait(20)


@pytest.fixture
def no_viewer(monkeypatch):
    """Opening the PDF would start the desktop's viewer (outside the project)."""
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()))
    )
    return opened


@pytest.fixture
def windows(qtbot, tasks: TaskRunner, tmp_path: Path) -> Iterator:
    made: list[MainWindow] = []

    def make(session, camera: str = "") -> tuple[MainWindow, LotoPage]:
        window = MainWindow(session, Settings(camera_source=camera), tmp_path / "data", tasks)
        qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
        window.resize(1280, 800)
        window.show()
        window.start(sync=False)
        qtbot.waitUntil(lambda: window.loaded, timeout=10_000)
        page = window.show_page("loto")
        assert isinstance(page, LotoPage)
        idle(qtbot, tasks)
        made.append(window)
        return window, page

    yield make
    for window in made:
        window.shutdown()
        window.session.close()


def open_asset(qtbot, tasks, page: LotoPage, tag: str) -> None:
    page.code.setText(tag)
    page.find_button.click()
    idle(qtbot, tasks)
    assert page.asset is not None and page.asset.qr_code == tag


def shown(page: LotoPage) -> str:
    return page.message.text() if page.message.isVisible() else ""


def test_technician_scans_locks_out_with_photos_verifies_removes_and_the_server_gets_it(
    qtbot, tmp_path, tasks, windows, signed_in, server, no_viewer
):
    session = signed_in("tecnico")
    session.sync_engine().sync_once(session.scopes())  # the first sync brings the plant
    window, page = windows(session, camera_file(tmp_path, ["KER-STGO-002"], "tag"))

    # Scan the asset's tag: the asset opens with its procedure and prerequisites.
    page.scan_button.click()
    qtbot.waitUntil(lambda: page.asset is not None, timeout=15_000)
    idle(qtbot, tasks)
    assert page.asset_title.text() == "Correa transportadora 02 · KER-STGO-002"
    assert len(page.source_rows) == 2
    assert page.source_rows[0][1] == "Seccionador del motor M-2"
    assert page.source_rows[1][3] == "Verificar tensor apoyado en su tope"
    assert [page.prereq_rows[k][0].text() for k in ("training", "permit", "inspection")] == [
        "✔"
    ] * 3

    # Out of order: refused with the domain's words.
    page.verify_button.click()
    assert shown(page) == "Primero avise a las personas afectadas."
    page.notify_button.click()
    idle(qtbot, tasks)
    assert page.notify_mark.text() == "✔" and not page.notify_button.isEnabled()
    page.findChild(type(page.verify_button), "apply_1").click()
    idle(qtbot, tasks)
    assert shown(page) == "Primero detenga el equipo con su procedimiento normal de parada."
    page.shutdown_button.click()
    idle(qtbot, tasks)
    page.verify_button.click()
    idle(qtbot, tasks)
    assert shown(page) == "Faltan candados en 2 de 2 puntos de aislamiento."

    # The camera reads the first lock's serial into its point.
    page.camera.set_source(camera_file(tmp_path, ["L-101"], "lock1"))
    qtbot.waitUntil(
        lambda: (
            page._serial_edits
            and page._serial_edits[next(iter(page._serial_edits))].text() == "L-101"
        ),
        timeout=15_000,
    )
    first, second = list(page._serial_edits)
    assert shown(page) == "Candado L-101 leído."
    page._apply_buttons[first].click()
    idle(qtbot, tasks)
    assert shown(page) == "Tome una foto del candado como evidencia."
    page._photo_buttons[first].click()
    idle(qtbot, tasks)
    assert first in page.photos and page._photo_buttons[first].text() == "Foto ✔"
    facts = read_meta(session.store.blobs.read(page.photos[first]))  # who, device, asset, point
    assert facts["taken_by"] == str(session.user_id)
    assert facts["device_id"] == session.store.device_id
    assert facts["asset_id"] == str(CONVEYOR)
    assert facts["isolation_point_id"] == str(first)
    assert facts["isolation_point"] == "Seccionador del motor M-2"
    assert facts["device_time"] == session.clock().isoformat()
    page._apply_buttons[first].click()
    idle(qtbot, tasks)
    assert shown(page) == "Candado L-101 puesto."
    assert "Candado L-101" in page.findChild(type(page.message), "pointState_1").text()

    # The second lock: typed (the touch fallback) and photographed.
    page._serial_edits[second].setText("L-102")
    page._photo_buttons[second].click()
    idle(qtbot, tasks)
    page._apply_buttons[second].click()
    idle(qtbot, tasks)
    assert page.findChild(type(page.message), "sourceLock_2").text() == "L-102 puesto"
    assert page.work_banner.text().startswith("Aún no puede trabajar")

    page.verify_button.click()
    idle(qtbot, tasks)
    assert shown(page) == "Libere o contenga la energía acumulada antes de verificar."
    page.release_button.click()
    idle(qtbot, tasks)
    page.verify_button.click()
    idle(qtbot, tasks)
    assert page.work_banner.text() == "✔ Puede empezar a trabajar: equipo aislado y verificado."
    assert page.record_list.count() == 6
    assert page.evidence.text() == "Evidencia pendiente: 2 fotos aún no llegan al servidor."
    assert "evidencia pendiente" in page.record_list.item(2).text()
    assert page.active_model.rowCount() == 2  # my locks

    # The record as PDF for the auditor.
    page.pdf_button.click()
    idle(qtbot, tasks)
    assert page.last_pdf is not None and page.last_pdf.read_bytes().startswith(b"%PDF")
    assert no_viewer == [str(page.last_pdf)]

    # Sync: the server holds every step, with the device's hashes, and both photos.
    report = session.sync_engine().sync_once(session.scopes())
    assert report.blobs.uploaded == 2
    lockout_id = page.lockout.lockout_id if page.lockout else None
    with Session(server.engine) as db:
        rows = list(
            db.scalars(
                select(LotoLog)
                .where(LotoLog.lockout_id == lockout_id)
                .order_by(LotoLog.device_time)
            )
        )
    assert [r.event for r in rows] == [
        LotoEvent.NOTIFIED,
        LotoEvent.SHUT_DOWN,
        LotoEvent.LOCK_APPLIED,
        LotoEvent.LOCK_APPLIED,
        LotoEvent.ENERGY_RELEASED,
        LotoEvent.ISOLATION_VERIFIED,
    ]
    assert all(r.chain_flag is None for r in rows)
    record = loto.lockout_record(session.context(), lockout_id)
    assert [r.entry_hash for r in rows] == [e.entry_hash for e in record.entries]
    for sha in (r.photo_sha256 for r in rows if r.photo_sha256):
        assert (server.blob_dir / sha[:2] / sha).is_file()
    window.refresh()
    idle(qtbot, tasks)
    assert page.evidence.text() == "Evidencia en el servidor."

    # Removal by the person who applied it: a photo, area clear, people notified.
    page.findChild(type(page.verify_button), "remove_1").click()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ok_button.click()
    idle(qtbot, tasks)
    assert dialog.message.text().splitlines() == [
        "Confirme que el área está despejada y que se avisó a las personas antes de retirar el candado.",
        "Tome una foto del candado como evidencia.",
    ]
    dialog.photo_button.click()
    idle(qtbot, tasks)
    dialog.area_clear.setChecked(True)
    dialog.people_notified.setChecked(True)
    dialog.ok_button.click()
    idle(qtbot, tasks)
    assert page.dialog is None
    assert shown(page) == "Candado L-101 retirado."
    assert page.source_rows[0][4] == "sin candado"
    assert page.work_banner.text().startswith("Aún no puede trabajar")
    page.scan_button.click()
    assert not page.camera.running


@pytest.fixture
def scene(demo_store: LocalStore, clock) -> LocalStore:
    return demo_store


def session(scene: LocalStore, clock, username: str):
    made = demo_scene.session_for(scene, username)
    made.clock = clock
    return made


def test_expired_certificate_and_missing_permit_are_shown_and_block_the_lock(
    qtbot, tmp_path, tasks, windows, scene, clock
):
    _, page = windows(session(scene, clock, "tecnico"), camera_file(tmp_path, [None], "blank"))
    open_asset(qtbot, tasks, page, "KER-STGO-003")
    marks = {key: (mark.text(), text.text()) for key, (mark, text) in page.prereq_rows.items()}
    assert marks["training"][0] == "✘"
    assert marks["training"][1].startswith(
        "El certificado de «Energía hidráulica y neumática» venció"
    )
    assert marks["permit"] == (
        "✘",
        "El trabajo tiene riesgo alto: necesita un permiso aprobado y activo.",
    )
    assert marks["inspection"][0] == "✔"
    page.notify_button.click()
    idle(qtbot, tasks)
    page.shutdown_button.click()
    idle(qtbot, tasks)
    page.scan_button.click()
    qtbot.waitUntil(lambda: page.camera.frames_shown > 0, timeout=10_000)
    first = next(iter(page._serial_edits))
    page._serial_edits[first].setText("L-7")
    page._photo_buttons[first].click()
    idle(qtbot, tasks)
    page._apply_buttons[first].click()
    idle(qtbot, tasks)
    assert shown(page).splitlines()[0].startswith("El certificado de «Energía hidráulica")
    assert "permiso aprobado y activo" in shown(page)
    assert page.asset is not None and page.asset.sources[0].lock is None

    # Working without the ticket's permit is a person's choice; the certificate still blocks.
    install_language("en")
    idle(qtbot, tasks)
    page._apply_buttons[next(iter(page._apply_buttons))].click()
    idle(qtbot, tasks)
    assert "certificate" in shown(page).lower()


def test_wrong_person_member_lock_and_supervisor_exception(
    qtbot, tmp_path, tasks, windows, scene, clock, photo, grant_certificate, ctx_for
):
    tech = ctx_for("tecnico")
    view = loto.notify_affected(tech, CABINET)
    loto.shut_down(tech, view.lockout_id)
    view = loto.apply_lock(tech, view.lockout_id, view.points[0].id, "C-1", photo())
    loto.release_stored_energy(tech, view.lockout_id)
    loto.verify_isolation(tech, view.lockout_id)
    grant_certificate("tecnico2", "electrical")
    camera = camera_file(tmp_path, [None], "blank")

    # Another technician may not take the lock off.
    _, other = windows(session(scene, clock, "tecnico2"), camera)
    open_asset(qtbot, tasks, other, "KER-STGO-005")
    assert other.findChild(type(other.verify_button), "exception_1") is None
    other.findChild(type(other.verify_button), "remove_1").click()
    assert other.dialog is not None
    other.dialog.area_clear.setChecked(True)
    other.dialog.people_notified.setChecked(True)
    other.dialog.ok_button.click()
    idle(qtbot, tasks)
    assert other.dialog.message.text().splitlines()[0] == (
        "Solo quien puso el candado puede retirarlo (o un supervisor con el procedimiento de excepción)."
    )
    other.dialog.reject()
    idle(qtbot, tasks)

    # Group lockout: the holder opens the box, the other technician adds a personal lock.
    _, mine = windows(session(scene, clock, "tecnico"), camera)
    open_asset(qtbot, tasks, mine, "KER-STGO-005")
    mine.group_button.click()
    assert mine.dialog is not None
    mine.scanned("CAJA-1")  # the lockbox's tag read by the camera fills the serial
    idle(qtbot, tasks)
    assert mine.dialog.serial.text() == "CAJA-1"
    mine.dialog.ok_button.click()
    idle(qtbot, tasks)
    assert mine.group_label.text().startswith("Caja de bloqueo grupal CAJA-1")
    other.refresh()
    idle(qtbot, tasks)
    other.join_button.click()
    assert other.dialog is not None
    other.dialog.serial.setText("P-2")
    other.dialog.ok_button.click()
    idle(qtbot, tasks)
    assert shown(other) == "Su candado personal quedó en la caja grupal."

    # The group lock cannot come off while the member's lock is on.
    mine.refresh()
    idle(qtbot, tasks)
    mine.scan_button.click()
    qtbot.waitUntil(lambda: mine.camera.frames_shown > 0, timeout=10_000)
    mine.findChild(type(mine.verify_button), "remove_1").click()
    assert mine.dialog is not None
    mine.dialog.photo_button.click()
    idle(qtbot, tasks)
    mine.dialog.area_clear.setChecked(True)
    mine.dialog.people_notified.setChecked(True)
    mine.dialog.ok_button.click()
    idle(qtbot, tasks)
    assert mine.dialog.message.text() == (
        "Aún hay 1 candados personales en la caja grupal: no se puede retirar el bloqueo."
    )
    mine.dialog.reject()
    mine.scan_button.click()
    idle(qtbot, tasks)

    # Shift change: the other technician takes the lockout over and must verify again.
    other.findChild(type(other.verify_button), "memberOff_1").click()
    idle(qtbot, tasks)
    assert other.transfer_button.isVisible()
    other.transfer_button.click()
    idle(qtbot, tasks)
    assert shown(other) == "Usted recibió el bloqueo: verifique de nuevo el aislamiento."
    assert other.verify_button.isEnabled() and other.verify_mark.text() == ""
    other.verify_button.click()
    idle(qtbot, tasks)
    assert other.work_banner.text().startswith("✔ Puede empezar a trabajar")

    # The supervisor's exception needs its three facts.
    _, boss = windows(session(scene, clock, "supervisor"), camera)
    open_asset(qtbot, tasks, boss, "KER-STGO-005")
    assert boss.active_model.rowCount() >= 1  # the site's locks
    boss.scan_button.click()
    qtbot.waitUntil(lambda: boss.camera.frames_shown > 0, timeout=10_000)
    boss.findChild(type(boss.verify_button), "exception_1").click()
    dialog = boss.dialog
    assert dialog is not None and dialog.absent.isVisible()
    dialog.photo_button.click()
    idle(qtbot, tasks)
    dialog.area_clear.setChecked(True)
    dialog.people_notified.setChecked(True)
    dialog.ok_button.click()
    idle(qtbot, tasks)
    assert dialog.message.text().splitlines() == [
        "Registre que se verificó que quien puso el candado no está en la instalación.",
        "Registre cómo se intentó contactar a quien puso el candado.",
        "Registre que quien puso el candado será informado antes de volver al trabajo.",
    ]
    dialog.absent.setChecked(True)
    dialog.contact.setText("Llamada al celular 10:42, sin respuesta")
    dialog.informed.setChecked(True)
    dialog.ok_button.click()
    idle(qtbot, tasks)
    assert shown(boss) == "Candado C-1 retirado."
    # The lockout ended: its record stays readable (and printable); a new one may start.
    assert boss.record_title.text() == "Registro del último bloqueo (terminado)"
    assert (
        "Candado retirado por excepción (supervisor)"
        in boss.record_list.item(boss.record_list.count() - 1).text()
    )
    assert boss.notify_button.isEnabled() and boss.locks_card.isHidden()
    boss.scan_button.click()
    record = loto.lockout_record(tech, view.lockout_id)
    assert record.ended and record.entries[-1].event is LotoEvent.LOCK_REMOVED_EXCEPTION
    assert record.entries[-1].contact_attempt == "Llamada al celular 10:42, sin respuesta"


def test_a_code_that_is_not_an_asset_is_said_and_search_finds_by_name(
    qtbot, tmp_path, tasks, windows, scene, clock
):
    _, page = windows(
        session(scene, clock, "tecnico"), camera_file(tmp_path, ["KER-FORGED-999"], "x")
    )
    page.scan_button.click()
    qtbot.waitUntil(lambda: "KER-FORGED-999" in shown(page), timeout=15_000)
    assert (
        shown(page) == "El código «KER-FORGED-999» no corresponde a un equipo de esta instalación."
    )
    assert page.asset is None
    page.scanned("KER1." + "x" * 300)  # a visitor's invite token in front of the camera
    idle(qtbot, tasks)
    assert (
        shown(page)
        == f"El código «KER1.{'x' * 34}…» no corresponde a un equipo de esta instalación."
    )
    page.scan_button.click()
    page.code.setText("prensa")
    page.find_button.click()
    idle(qtbot, tasks)
    assert page.results.isVisible() and page.results.count() == 6
    page.results.itemClicked.emit(page.results.item(0))
    idle(qtbot, tasks)
    assert page.asset is not None and page.asset.qr_code == "KER-STGO-003"


def test_a_lock_chosen_in_the_home_list_opens_its_lockout(
    qtbot, tmp_path, tasks, windows, scene, clock, ctx_for, photo
):
    tech = ctx_for("tecnico")
    view = loto.notify_affected(tech, CABINET)
    loto.shut_down(tech, view.lockout_id)
    loto.apply_lock(tech, view.lockout_id, view.points[0].id, "C-9", photo())
    window, page = windows(session(scene, clock, "tecnico"), camera_file(tmp_path, [None], "b"))
    assert [lock.serial for lock in page.active_model.rows()] == ["C-9"]
    home = window.pages["my_locks"].page
    window.show_page("my_locks")
    qtbot.waitUntil(lambda: home.model.rowCount() == 1, timeout=5_000)
    home.table.activated.emit(home.model.index(0, 0))
    idle(qtbot, tasks)
    assert window.tabs.currentWidget() is page
    assert page.asset is not None and page.asset.qr_code == "KER-STGO-005"
    assert page.source_rows[0][4] == "C-9 puesto"
    assert page.evidence.text() == "Evidencia pendiente: 1 fotos aún no llegan al servidor."

    # A step the server flagged (pulled back with its chain flag) says so on the record.
    with scene.transaction() as db:
        db.execute(
            update(LotoLog)
            .where(LotoLog.lockout_id == view.lockout_id, LotoLog.event == LotoEvent.SHUT_DOWN)
            .values(chain_flag="loto.chain_break")
        )
    page.refresh()
    idle(qtbot, tasks)
    assert "⚠ El dispositivo registró este paso a continuación de otro registro" in (
        page.record_list.item(1).text()
    )
    assert page.evidence.text().endswith("Cadena de evidencia con problemas: 1.")


def test_the_lockout_waits_for_the_tickets_permit_and_proceeds_once_it_is_active(
    qtbot, tmp_path, tasks, windows, scene, clock, ctx_for
):
    window, page = windows(session(scene, clock, "tecnico"), camera_file(tmp_path, [None], "p"))
    open_asset(qtbot, tasks, page, "KER-STGO-001")  # ticket OT-STGO-1001 is rated high
    assert page.ticket.currentText().startswith("OT-STGO-1001")
    assert page.prereq_rows["permit"][0].text() == "✘"
    page.notify_button.click()
    idle(qtbot, tasks)
    page.shutdown_button.click()
    idle(qtbot, tasks)
    page.scan_button.click()
    qtbot.waitUntil(lambda: page.camera.frames_shown > 0, timeout=10_000)
    point = next(iter(page._serial_edits))
    page._serial_edits[point].setText("P-1")
    page._photo_buttons[point].click()
    idle(qtbot, tasks)
    page._apply_buttons[point].click()
    idle(qtbot, tasks)
    assert shown(page) == "El trabajo tiene riesgo alto: necesita un permiso aprobado y activo."

    # The permit: requested by the technician, approved by a supervisor, activated.
    tech, boss = ctx_for("tecnico"), ctx_for("supervisor")
    ticket = demo.demo_id("ticket", "STGO", "1")
    requested = permits.request_permit(
        tech, ticket, "Cambio de interruptor", 4, 4, clock.now, clock.now + timedelta(hours=8)
    )
    permits.approve_permit(boss, requested.id)
    permits.activate_permit(tech, requested.id)
    window.refresh()
    idle(qtbot, tasks)
    assert page.prereq_rows["permit"][0].text() == "✔"
    page._apply_buttons[point].click()
    idle(qtbot, tasks)
    page.release_button.click()
    idle(qtbot, tasks)
    page.verify_button.click()
    idle(qtbot, tasks)
    assert page.work_banner.text() == "✔ Puede empezar a trabajar: equipo aislado y verificado."
    page.scan_button.click()
