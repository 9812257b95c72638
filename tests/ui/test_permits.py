"""The permit journey on a real store (the demo scene): the coloured 5x5 matrix from the
tenant's cells, drafting a HIGH permit from a ticket (with its refusals), a supervisor
refused approving their own HIGH permit, closing with the hand-back state, the tab."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.enums import PermitHazard, PermitStatus, RiskLevel
from ker_field.domain.rules.risk import default_matrix
from ker_field.services import permits
from ker_field.settings import Settings
from ker_field.store.local import LocalStore
from ker_field.store.tables import OutboxEntry
from ker_field.tools import demo_scene
from ker_field.ui.permits.matrix import LEVEL_COLORS, RiskMatrixGrid
from ker_field.ui.permits.page import PermitPage
from ker_field.ui.session import UserSession
from ker_field.ui.tasks import TaskRunner

TICKET_HIGH = demo.demo_id("ticket", "STGO", "3")  # rated 4 x 4 in the demo: HIGH


class Host:
    """What the main window offers a journey page, over a real session and task runner."""

    def __init__(self, session: UserSession, tasks: TaskRunner, data_dir: Path) -> None:
        self.session, self.tasks, self.data_dir = session, tasks, data_dir
        self.settings = Settings()
        self.page: PermitPage | None = None

    def refresh(self) -> None:
        if self.page is not None:
            self.page.refresh()

    def show_page(self, key: str) -> None:
        return None

    def open_asset(self, asset_id: object) -> None:
        return None


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[LocalStore]:
    store = demo_scene.build(tmp_path / "scene")
    yield store
    store.close()


@pytest.fixture
def page_for(qtbot, scene: LocalStore, tasks: TaskRunner, tmp_path: Path):
    sessions: list[UserSession] = []

    def make(username: str) -> PermitPage:
        session = demo_scene.session_for(scene, username)
        sessions.append(session)
        host = Host(session, tasks, tmp_path)
        page = PermitPage(host)
        host.page = page
        qtbot.addWidget(page)
        page.resize(1024, 520)
        page.show()
        page.refresh()
        qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
        return page

    yield make
    for session in sessions:
        session.close()


def cell_colour(grid: RiskMatrixGrid, likelihood: int, severity: int) -> str:
    """The colour a person sees inside the cell (away from its centred number)."""
    button = grid.cell(likelihood, severity)
    image = button.grab().toImage()
    return image.pixelColor(QPoint(10, button.height() // 2)).name()


def test_grid_colours_each_cell_by_the_tenants_matrix_and_marks_the_choice(qtbot):
    grid = RiskMatrixGrid()
    qtbot.addWidget(grid)
    cells = tuple(tuple(RiskLevel(c) for c in row) for row in default_matrix())
    grid.set_matrix(cells)
    grid.resize(420, 320)
    grid.show()
    qtbot.waitExposed(grid)
    expected = {
        (1, 1): RiskLevel.LOW,
        (2, 2): RiskLevel.LOW,
        (2, 3): RiskLevel.MEDIUM,
        (3, 3): RiskLevel.MEDIUM,
        (4, 4): RiskLevel.HIGH,
        (2, 5): RiskLevel.HIGH,
        (4, 5): RiskLevel.EXTREME,
        (5, 5): RiskLevel.EXTREME,
    }
    for (likelihood, severity), level in expected.items():
        assert grid.level_at(likelihood, severity) is level
        assert cell_colour(grid, likelihood, severity) == LEVEL_COLORS[level][0]
    # Likelihood 5 is the top row, severity 5 the right column.
    assert grid.cell(5, 1).y() < grid.cell(1, 1).y()
    assert grid.cell(1, 5).x() > grid.cell(1, 1).x()

    with qtbot.waitSignal(grid.chosen) as chosen:
        qtbot.mouseClick(grid.cell(3, 4), Qt.MouseButton.LeftButton)
    assert chosen.args == [3, 4]
    assert grid.choice() == (3, 4) and grid.chosen_level() is RiskLevel.HIGH
    assert grid.cell(3, 4).text() == "● 12"
    assert grid.cell(4, 4).text() == "16"


def test_technician_drafts_a_high_permit_from_a_ticket(qtbot, page_for, scene):
    page = page_for("tecnico")
    before = page.model.rowCount()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.form
    assert page.stack.currentWidget() is form
    form.choose_ticket(TICKET_HIGH)
    # The ticket's own rating is marked; the level and the approval it needs are spelled out.
    assert form.matrix.choice() == (4, 4)
    assert form.level.text().startswith("Riesgo ALTO (probabilidad 4 × severidad 4 = 16)")
    assert "supervisor distinto de usted" in form.level.text()

    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == "Marque al menos un peligro."
    form.hazard_boxes[PermitHazard.ELECTRICAL].setChecked(True)
    form.hazard_boxes[PermitHazard.MOVING_PARTS].setChecked(True)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == "Describa las medidas de control."
    form.controls.setPlainText("Bloqueo del seccionador, prueba de partida")
    # Tapping another cell re-rates the work: 5 x 5 is EXTREME; back to 4 x 3, HIGH.
    qtbot.mouseClick(form.matrix.cell(5, 5), Qt.MouseButton.LeftButton)
    assert form.level.text().startswith("Riesgo EXTREMO")
    qtbot.mouseClick(form.matrix.cell(4, 3), Qt.MouseButton.LeftButton)
    assert form.chosen_level() is RiskLevel.HIGH
    form.valid_to.setDateTime(form.valid_from.dateTime().addSecs(-60))
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == "La vigencia debe terminar después de comenzar."
    form.valid_to.setDateTime(form.valid_from.dateTime().addSecs(6 * 3600))
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: page.model.rowCount() == before + 1 or form.message.text() != "", timeout=10_000
    )
    assert form.message.text() == ""
    assert page.stack.currentIndex() == 0
    permit = page.current()
    assert permit is not None and permit.ticket_id == TICKET_HIGH
    assert (permit.status, permit.risk_level) == (PermitStatus.REQUESTED, RiskLevel.HIGH)
    assert (permit.likelihood, permit.severity) == (4, 3)
    assert page.notice.text() == "Permiso solicitado."
    assert page.status_label.text() == "SOLICITADO"
    assert page.level_label.text() == "Riesgo ALTO · 4 × 3"
    assert "(vigente)" in page.window_label.text()
    assert "Sin aprobación. Riesgo ALTO" in page.approval_label.text()
    assert page.hazards_label.text() == "Peligros: Energía eléctrica, Partes en movimiento"
    assert page.mini_matrix.choice() == (4, 3)
    # A technician approves only through a supervisor's signature on the tablet.
    assert page.approve_button.isHidden() and not page.cosign_button.isHidden()
    with scene.sessions() as db:
        entry = db.scalars(select(OutboxEntry).where(OutboxEntry.name == "permit.request")).all()
    assert entry[-1].args["hazards"] == ["electrical", "moving_parts"]
    assert entry[-1].args["controls"] == "Bloqueo del seccionador, prueba de partida"


def test_a_supervisor_is_refused_approving_their_own_high_permit(qtbot, page_for):
    page = page_for("supervisor")
    page.start_draft(TICKET_HIGH)
    form = page.form
    form.hazard_boxes[PermitHazard.ELECTRICAL].setChecked(True)
    form.controls.setPlainText("Bloqueo y etiquetado")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notice.text() == "Permiso solicitado.", timeout=10_000)
    assert not page.approve_button.isHidden()

    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=10_000)
    assert page.message.text() == (
        "Un permiso de riesgo alto debe aprobarlo un supervisor distinto de quien lo solicitó."
    )
    permit = page.current()
    assert permit is not None and permit.status is PermitStatus.REQUESTED
    assert page.status_label.text() == "SOLICITADO"


def test_a_started_permit_closes_only_with_the_handback_state(qtbot, page_for, scene):
    tech_page = page_for("tecnico")
    permit = tech_page.current()
    assert permit is not None and permit.status is PermitStatus.REQUESTED  # the demo's
    boss = demo_scene.context(scene, "supervisor2")
    permits.approve_permit(boss, permit.id)
    tech_page.refresh()
    qtbot.waitUntil(lambda: tech_page.status_label.text() == "APROBADO", timeout=10_000)
    assert tech_page.approval_label.text().startswith("Aprobado por Jorge Muñoz el ")

    qtbot.mouseClick(tech_page.activate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tech_page.status_label.text() == "ACTIVO", timeout=10_000)
    assert tech_page.work_label.text() == "✔ El trabajo puede comenzar bajo este permiso."
    qtbot.mouseClick(tech_page.suspend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tech_page.status_label.text() == "SUSPENDIDO", timeout=10_000)
    assert tech_page.activate_button.text() == "Reanudar"
    qtbot.mouseClick(tech_page.activate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tech_page.message.text() != "", timeout=10_000)
    assert tech_page.message.text() == "Su rol (técnico) no permite esta acción."
    assert tech_page.status_label.text() == "SUSPENDIDO"

    qtbot.mouseClick(tech_page.close_button, Qt.MouseButton.LeftButton)
    dialog = tech_page.handback_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Elija el estado en que queda el equipo."
    assert dialog.isVisible()
    dialog.choices[next(iter(dialog.choices))].click()
    dialog.note.setText("Probado en vacío")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tech_page.status_label.text() == "CERRADO", timeout=10_000)
    assert tech_page.handback_label.text() == (
        "Equipo entregado: devuelto a operación — Probado en vacío"
    )
    assert tech_page.work_label.text().startswith("✘ Todavía no se puede trabajar:")


def test_the_journey_sits_in_both_homes_and_opens_a_permit_to_approve(
    qtbot, scene: LocalStore, tasks: TaskRunner, tmp_path: Path
):
    from ker_field.ui.main_window import MainWindow

    windows = []
    for username in ("tecnico", "supervisor"):
        session = demo_scene.session_for(scene, username)
        window = MainWindow(session, Settings(), tmp_path / "scene", tasks)
        qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
        window.resize(1024, 600)
        window.show()
        window.start(sync=False)
        windows.append(window)
        qtbot.waitUntil(lambda window=window: window.loaded, timeout=10_000)
    technician, supervisor = windows
    assert "permit" in technician.page_keys() and "permit" in supervisor.page_keys()
    to_approve = supervisor.pages["permits"].page
    qtbot.waitUntil(lambda: to_approve.model.rowCount() == 1, timeout=10_000)
    page = supervisor.journeys["permit"][1]
    assert isinstance(page, PermitPage)
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    to_approve.table.activated.emit(to_approve.model.index(0, 0))
    assert supervisor.tabs.currentWidget() is page
    assert page.selected == to_approve.model.row(0).id
    assert page.detail_title.text().startswith("OT-STGO-1001")
    for window in windows:
        window.shutdown()
        window.session.close()


def test_a_supervisor_rejects_with_a_reason(qtbot, page_for):
    page = page_for("supervisor2")
    permit = page.current()
    assert permit is not None and permit.status is PermitStatus.REQUESTED
    qtbot.mouseClick(page.reject_button, Qt.MouseButton.LeftButton)
    dialog = page.reject_dialog
    assert dialog is not None
    dialog._accept()
    assert dialog.message.text() == "Escriba el motivo."
    dialog.reason.setText("Falta medición de gases")
    dialog._accept()
    qtbot.waitUntil(lambda: page.status_label.text() == "RECHAZADO", timeout=10_000)
    assert page.approval_label.text() == "Rechazado: Falta medición de gases"
    assert all(button.isHidden() for button in page.action_buttons)


def test_an_expired_permit_says_so_and_cannot_be_approved(qtbot, page_for, scene):
    from datetime import UTC, datetime, timedelta

    from ker_field.services.context import ServiceContext

    earlier = datetime.now(UTC) - timedelta(hours=10)
    tech = demo_scene.context(scene, "tecnico")
    past = ServiceContext(tech.store, tech.actor, tech.tenant_id, tech.site_id, lambda: earlier)
    old = permits.request_permit(
        past,
        TICKET_HIGH,
        "Ayer",
        4,
        4,
        earlier,
        earlier + timedelta(hours=8),
        (PermitHazard.ELECTRICAL,),
        "Bloqueo",
    )
    page = page_for("supervisor2")
    page.select_permit(old.id)
    assert page.window_label.text().endswith("(vencido)")
    assert page.window_label.property("state") == "expired"
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=10_000)
    assert page.message.text().startswith("El permiso venció el ")
    assert page.status_label.text() == "SOLICITADO"
