"""The audit journey in the real window, driven with qtbot: a supervisor audits the site
against the ISO 9001 checklist offline (answers saved as they go, a finding with a camera
photo and a corrective ticket, an early completion refused with the domain's words), the
score is shown, the PDF report is written, and after sync the live server holds the audit,
its photo and the ticket."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.enums import AuditResult, AuditStatus, FindingSeverity
from ker_field.domain.models import QualityAudit, ServiceTicket
from ker_field.settings import Settings
from ker_field.store.tables import OutboxEntry
from ker_field.ui.audit.page import AuditPage
from ker_field.ui.main_window import MainWindow
from ker_field.ui.tasks import TaskRunner
from sync.server.tables import BlobRecord
from tests.helpers.qr_frames import camera_file

ISO_9001 = demo.demo_id("audit_template", "ISO9001")


def idle(qtbot, tasks: TaskRunner) -> None:
    for _ in range(3):
        qtbot.waitUntil(lambda: tasks.running == 0, timeout=15_000)
        qtbot.wait(20)


@pytest.fixture
def audit_window(qtbot, tasks: TaskRunner, tmp_path: Path) -> Iterator:
    made: list[MainWindow] = []

    def make(session, camera: str = "") -> tuple[MainWindow, AuditPage]:
        window = MainWindow(session, Settings(camera_source=camera), tmp_path / "data", tasks)
        qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
        window.resize(1280, 800)
        window.show()
        window.start(sync=False)
        qtbot.waitUntil(lambda: window.loaded, timeout=10_000)
        page = window.show_page("audit")
        assert isinstance(page, AuditPage)
        page.refresh()
        idle(qtbot, tasks)
        made.append(window)
        return window, page

    yield make
    for window in made:
        window.shutdown()
        window.session.close()


def answer(qtbot, tasks, page: AuditPage, result: AuditResult) -> None:
    page.result_buttons[result].click()
    idle(qtbot, tasks)
    page.save_button.click()
    idle(qtbot, tasks)


def test_supervisor_audits_offline_with_a_photo_finding_and_the_server_gets_it(
    qtbot, tmp_path, tasks, audit_window, signed_in, server
):
    session = signed_in("supervisor")
    session.sync_engine().sync_once(session.scopes())  # templates come from the server
    _, page = audit_window(session, camera_file(tmp_path, [None], "audit-camera"))
    assert [page.template.itemText(i)[:9] for i in range(page.template.count())] == [
        "ISO 14001",
        "ISO 45001",
        "ISO 9001 ",
    ]
    page.template.setCurrentIndex(page.template.findData(str(ISO_9001)))
    page.start_button.click()
    idle(qtbot, tasks)
    assert page.list_message.text() == ""
    assert page.stack.currentIndex() == 1
    assert page.view is not None and len(page.view.items) == 12
    assert page.score_label.text().startswith("Puntaje: — · Cumple 0")

    # Eight items pass; each answer is saved on the device as it is given.
    for _ in range(8):
        answer(qtbot, tasks, page, AuditResult.PASS)
    assert page.view.score.passed == 8
    assert page.score_label.text().startswith("Puntaje: 100,00 % · Cumple 8")

    # Item 9 (8.5.1) fails: a major finding, described, photographed, with a ticket.
    item = page.current_item()
    assert item is not None and item.clause == "8.5.1"
    page.result_buttons[AuditResult.FAIL].click()
    idle(qtbot, tasks)
    assert page.finding_box.isVisible()
    page.severity.setCurrentIndex(page.severity.findData(FindingSeverity.MAJOR))
    page.open_ticket.click()
    idle(qtbot, tasks)
    page.note.setPlainText("Soldadura sin instructivo vigente en la línea 2")
    dialog = page.open_camera()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.camera.last_frame() is not None, timeout=15_000)
    dialog.shutter.click()
    idle(qtbot, tasks)
    finding = page.current_item()
    assert finding is not None and len(finding.photos) == 1
    assert finding.note == "Soldadura sin instructivo vigente en la línea 2"
    assert finding.severity is FindingSeverity.MAJOR and finding.open_ticket
    assert page.score_label.text().startswith("Puntaje: 88,89 % · Cumple 8 · No cumple 1")
    page.save_button.click()
    idle(qtbot, tasks)

    # Completing too early: the domain's message, nothing closed.
    page.complete_button.click()
    idle(qtbot, tasks)
    assert page.message.text() == "Faltan 3 ítems por responder antes de terminar."
    assert page.view.status is AuditStatus.IN_PROGRESS

    answer(qtbot, tasks, page, AuditResult.NOT_APPLICABLE)
    answer(qtbot, tasks, page, AuditResult.PASS)
    answer(qtbot, tasks, page, AuditResult.PASS)
    page.complete_button.click()
    idle(qtbot, tasks)
    # 10 pass, 1 fail, 1 not applicable: 10 / 11.
    assert page.view.status is AuditStatus.COMPLETED
    assert page.score_label.text().startswith("Puntaje: 90,91 % · Cumple 10 · No cumple 1")
    site_code = "STGO" if session.site_id == demo.SITE_IDS["STGO"] else "ANTO"
    assert page.message.text().startswith(f"Órdenes correctivas abiertas: NC-{site_code}-")
    assert not page.complete_button.isVisible()
    assert not page.editor.isEnabled()

    page.report_button.click()
    idle(qtbot, tasks)
    assert page.last_report is not None and page.last_report.read_bytes().startswith(b"%PDF")

    with session.store.sessions() as db:
        names = [e.name for e in db.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]
    assert names[0] == "audit.start" and names[-1] == "audit.complete"

    # Sync: the server replays the answers, recomputes the score, opens the ticket.
    report = session.sync_engine().sync_once(session.scopes())
    assert report.push.rejected == 0
    assert report.blobs.uploaded == 1
    audit_id = page.view.id
    with Session(server.engine) as db:
        audit = db.get(QualityAudit, audit_id)
        assert audit is not None
        assert (audit.status, audit.score) == (AuditStatus.COMPLETED, 90.91)
        assert db.get(BlobRecord, finding.photos[0]) is not None
        [ticket] = db.scalars(
            select(ServiceTicket).where(ServiceTicket.number.like(f"NC-{site_code}-%"))
        ).all()
        assert "8.5.1" in ticket.title
    page.refresh()
    idle(qtbot, tasks)
    assert page.view is not None and not page.view.pending_sync


def test_a_broken_photo_is_refused_and_the_answer_kept(qtbot, tasks, audit_window, signed_in):
    session = signed_in("supervisor")
    session.sync_engine().sync_once(session.scopes())
    _, page = audit_window(session)
    page.template.setCurrentIndex(page.template.findData(str(ISO_9001)))
    page.start_button.click()
    idle(qtbot, tasks)
    page.result_buttons[AuditResult.FAIL].click()
    idle(qtbot, tasks)
    page._photo_taken(b"\x00not a jpeg")
    idle(qtbot, tasks)
    assert page.message.text() == "La foto no es una imagen JPEG o PNG válida: tómela de nuevo."
    item = page.current_item()
    assert item is not None and item.result is AuditResult.FAIL and item.photos == ()


def test_technicians_have_no_audit_page(qtbot, tasks, audit_window, signed_in):
    session = signed_in("tecnico")
    window = MainWindow(session, Settings(), Path("unused"), tasks)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    assert "audit" not in window.page_keys()
    assert "esg" in window.page_keys()
    window.shutdown()
