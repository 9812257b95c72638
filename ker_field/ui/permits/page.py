"""The permit journey: the site's permits (status, risk, window, approver), one permit's
detail with its actions (approve in one's own session or with another supervisor's
signature on this tablet, reject, activate, suspend, close with the hand-back state), and
the draft form (from a ticket, on the tenant's risk matrix)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import ApprovalMethod, PermitStatus, UserRole
from ker_field.domain.labels import label
from ker_field.domain.operations import NotFound
from ker_field.services import permits
from ker_field.services.context import ServiceContext
from ker_field.services.permits import MatrixView, PermitView, TicketOption
from ker_field.ui.i18n import current_language
from ker_field.ui.journeys import Journey, JourneyHost, Shot
from ker_field.ui.models import Column, RowsModel, show
from ker_field.ui.permits.cosign import AttemptGuard, CosignRefused, cosign_approval
from ker_field.ui.permits.dialogs import CosignDialog, HandbackDialog, ReasonDialog
from ker_field.ui.permits.form import PermitDraft, PermitForm
from ker_field.ui.permits.matrix import LEVEL_COLORS, RiskMatrixGrid
from ker_field.ui.permits.words import handback_text, hazard_text, level_text, window_text

S = PermitStatus

PAGE_STYLE = """
QLabel#chip { padding: 4px 10px; border-radius: 6px; font-weight: bold; }
QLabel#window[state="valid"] { color: #1b5e20; font-weight: bold; }
QLabel#window[state="expired"], QLabel#window[state="not_yet_valid"] {
    color: #b00000; font-weight: bold; }
QLabel#work[allowed="true"] { color: #1b5e20; font-weight: bold; }
QLabel#work[allowed="false"] { color: #b00000; font-weight: bold; }
QLabel#notice { color: #1b5e20; font-weight: bold; }
"""


@dataclass(frozen=True)
class PermitData:
    permits: list[PermitView]
    tickets: list[TicketOption]
    matrix: MatrixView | None


def load(ctx: ServiceContext) -> PermitData:
    """Everything the page shows, read in one background task."""
    try:
        matrix: MatrixView | None = permits.risk_matrix(ctx)
    except NotFound:
        matrix = None
    return PermitData(permits.site_permits(ctx), permits.tickets_for_permit(ctx), matrix)


def _when(moment: datetime | None) -> str:
    return show(moment)


class PermitPage(QWidget):
    def __init__(self, host: JourneyHost) -> None:
        super().__init__()
        self.host = host
        self.setStyleSheet(PAGE_STYLE)
        self.data = PermitData([], [], None)
        self.selected: uuid.UUID | None = None
        self.loaded = False
        self.busy = False
        self.cosign_dialog: CosignDialog | None = None
        self.handback_dialog: HandbackDialog | None = None
        self.reject_dialog: ReasonDialog | None = None
        self._load_task: int | None = None
        self.cosign_guard = AttemptGuard()

        # List.
        self.new_button = QPushButton()
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.start_draft)
        self.model: RowsModel[PermitView] = RowsModel(self._columns(), self)
        self.table = QTableView()
        self.table.setObjectName("permitList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.clicked.connect(self._row_clicked)
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.new_button)
        left.addWidget(self.empty)
        left.addWidget(self.table, 1)

        # Detail.
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.detail_title = QLabel()
        self.detail_title.setObjectName("subtitle")
        self.detail_title.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("chip")
        self.level_label = QLabel()
        self.level_label.setObjectName("chip")
        self.window_label = QLabel()
        self.window_label.setObjectName("window")
        self.window_label.setWordWrap(True)
        self.people_label = QLabel()
        self.people_label.setWordWrap(True)
        self.approval_label = QLabel()
        self.approval_label.setObjectName("approval")
        self.approval_label.setWordWrap(True)
        self.hazards_label = QLabel()
        self.hazards_label.setWordWrap(True)
        self.controls_label = QLabel()
        self.controls_label.setWordWrap(True)
        self.handback_label = QLabel()
        self.handback_label.setWordWrap(True)
        self.work_label = QLabel()
        self.work_label.setObjectName("work")
        self.work_label.setWordWrap(True)
        self.mini_matrix = RiskMatrixGrid(interactive=False)
        self.mini_matrix.setMaximumWidth(420)

        self.approve_button = QPushButton()
        self.approve_button.setObjectName("primary")
        self.cosign_button = QPushButton()
        self.reject_button = QPushButton()
        self.reject_button.setObjectName("danger")
        self.activate_button = QPushButton()
        self.activate_button.setObjectName("primary")
        self.suspend_button = QPushButton()
        self.close_button = QPushButton()
        self.approve_button.clicked.connect(self.approve)
        self.cosign_button.clicked.connect(self.open_cosign)
        self.reject_button.clicked.connect(self.open_reject)
        self.activate_button.clicked.connect(self.activate)
        self.suspend_button.clicked.connect(self.suspend)
        self.close_button.clicked.connect(self.open_close)
        self.action_buttons = (
            self.approve_button,
            self.cosign_button,
            self.reject_button,
            self.activate_button,
            self.suspend_button,
            self.close_button,
        )
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for button in self.action_buttons:
            actions.addWidget(button)
        actions.addStretch(1)

        chips = QHBoxLayout()
        chips.addWidget(self.status_label)
        chips.addWidget(self.level_label)
        chips.addStretch(1)
        self.detail_body = QWidget()
        body = QVBoxLayout(self.detail_body)
        body.setSpacing(8)
        body.addWidget(self.detail_title)
        body.addLayout(chips)
        for widget in (
            self.window_label,
            self.work_label,
            self.people_label,
            self.approval_label,
            self.hazards_label,
            self.controls_label,
            self.handback_label,
            self.mini_matrix,
        ):
            body.addWidget(widget)
        body.addStretch(1)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("empty")
        self.placeholder.setWordWrap(True)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.placeholder)
        self.detail_stack.addWidget(self.detail_body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.detail_stack)
        right = QVBoxLayout()
        right.addWidget(self.message)
        right.addWidget(self.notice)
        right.addWidget(scroll, 1)
        right.addLayout(actions)

        browse = QWidget()
        browse_layout = QHBoxLayout(browse)
        browse_layout.setContentsMargins(0, 0, 0, 0)
        browse_layout.addLayout(left, 2)
        browse_layout.addLayout(right, 3)

        self.form = PermitForm()
        self.form.submitted.connect(self._submit_draft)
        self.form.cancelled.connect(self.cancel_draft)
        self.stack = QStackedWidget()
        self.stack.addWidget(browse)
        self.stack.addWidget(self.form)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.stack)
        self.retranslate()
        self._show_detail(None)

    # -- journey page -----------------------------------------------------------------------

    @property
    def ctx(self) -> ServiceContext:
        return self.host.session.context()

    @property
    def is_supervisor(self) -> bool:
        return self.host.session.role in (UserRole.SUPERVISOR, UserRole.ADMIN)

    def refresh(self) -> None:
        if self._load_task is not None:
            self.host.tasks.forget(self._load_task)
        self._load_task = self.host.tasks.run(partial(load, self.ctx), self._loaded, self._failed)

    def shutdown(self) -> None:
        for dialog in (self.cosign_dialog, self.handback_dialog, self.reject_dialog):
            if dialog is not None:
                dialog.close()

    def _loaded(self, data: PermitData) -> None:
        self._load_task = None
        self.data = data
        self.model.set_rows(data.permits)
        self.empty.setVisible(not data.permits)
        if data.matrix is not None:
            self.mini_matrix.set_matrix(data.matrix.cells)
        ids = [p.id for p in data.permits]
        if self.selected not in ids:
            self.selected = ids[0] if ids else None
        self._select_row()
        self.loaded = True

    def _failed(self, error: BaseException) -> None:
        self._load_task = None
        self.message.setText(
            self.tr("No se pudieron leer los permisos: {error}").format(error=error)
        )

    # -- list and detail --------------------------------------------------------------------

    def _columns(self) -> list[Column[PermitView]]:
        return [
            Column(self.tr("Orden"), lambda p: f"{p.ticket_number} · {p.ticket_title}"),
            Column(self.tr("Riesgo"), lambda p: p.risk_level),
            Column(self.tr("Estado"), lambda p: p.status),
            Column(self.tr("Vigencia"), lambda p: window_text(p.window)),
        ]

    def current(self) -> PermitView | None:
        return next((p for p in self.data.permits if p.id == self.selected), None)

    def select_permit(self, permit_id: uuid.UUID) -> None:
        self.selected = permit_id
        self._select_row()

    def open_permit(self, permit_id: uuid.UUID) -> None:
        """Show one permit (from the supervisor's "to approve" list)."""
        self.stack.setCurrentIndex(0)
        self.select_permit(permit_id)
        if self.current() is None:
            self.refresh()

    def _select_row(self) -> None:
        rows = self.model.rows()
        for n, row in enumerate(rows):
            if row.id == self.selected:
                self.table.selectRow(n)
                break
        self._show_detail(self.current())

    @Slot(object)
    def _row_clicked(self, index: Any) -> None:
        self.selected = self.model.row(index.row()).id
        self.message.clear()
        self.notice.clear()
        self._show_detail(self.current())

    def _show_detail(self, permit: PermitView | None) -> None:
        if permit is None:
            self.detail_stack.setCurrentIndex(0)
            for button in self.action_buttons:
                button.hide()
            return
        lang = current_language()
        self.detail_stack.setCurrentIndex(1)
        asset = f" · {permit.asset_name}" if permit.asset_name else ""
        self.detail_title.setText(f"{permit.ticket_number} · {permit.ticket_title}{asset}")
        self.status_label.setText(label(permit.status, lang).upper())
        self.status_label.setStyleSheet("background: #102a43; color: #ffffff;")
        background, color = LEVEL_COLORS[permit.risk_level]
        self.level_label.setText(
            self.tr("Riesgo {level} · {likelihood} × {severity}").format(
                level=level_text(permit.risk_level, lang),
                likelihood=permit.likelihood,
                severity=permit.severity,
            )
        )
        self.level_label.setStyleSheet(f"background: {background}; color: {color};")
        self.window_label.setText(
            self.tr("Vigencia: {start} → {end} ({state})").format(
                start=_when(permit.valid_from),
                end=_when(permit.valid_to),
                state=window_text(permit.window),
            )
        )
        self._set_state(self.window_label, "state", permit.window.value)
        if permit.allows_work.allowed:
            self.work_label.setText(self.tr("✔ El trabajo puede comenzar bajo este permiso."))
        else:
            self.work_label.setText(
                self.tr("✘ Todavía no se puede trabajar: {reasons}").format(
                    reasons=" ".join(permit.allows_work.messages(lang))
                )
            )
        self._set_state(self.work_label, "allowed", permit.allows_work.allowed)
        self.people_label.setText(
            self.tr("Solicitado por {name}").format(name=permit.requested_by_name)
        )
        self.approval_label.setText(self._approval_text(permit))
        self.hazards_label.setText(
            self.tr("Peligros: {hazards}").format(
                hazards=", ".join(hazard_text(h) for h in permit.hazards) or "—"
            )
        )
        self.controls_label.setText(
            self.tr("Medidas de control: {controls}").format(controls=permit.controls or "—")
        )
        self.handback_label.setVisible(permit.handback_state is not None)
        if permit.handback_state is not None:
            note = f" — {permit.handback_note}" if permit.handback_note else ""
            self.handback_label.setText(
                self.tr("Equipo entregado: {state}").format(
                    state=handback_text(permit.handback_state)
                )
                + note
            )
        self.mini_matrix.set_choice(permit.likelihood, permit.severity)
        self._show_actions(permit)

    def _approval_text(self, permit: PermitView) -> str:
        if permit.approved_by is None:
            if permit.status is S.REJECTED:
                return self.tr("Rechazado: {reason}").format(reason=permit.rejection_reason or "—")
            if permit.needs_independent_approval:
                return self.tr(
                    "Sin aprobación. Riesgo {level}: la aprueba un supervisor distinto de"
                    " quien lo solicitó."
                ).format(level=level_text(permit.risk_level, current_language()))
            return self.tr("Sin aprobación.")
        if permit.approval_method is ApprovalMethod.DEVICE_COSIGN:
            return self.tr(
                "Aprobado por {name} el {time}, con su contraseña en el equipo de {session}"
                " ({device})."
            ).format(
                name=permit.approved_by_name,
                time=_when(permit.approved_at),
                session=permit.approval_session_user_name or "—",
                device=permit.approval_device_id or "—",
            )
        return self.tr("Aprobado por {name} el {time}.").format(
            name=permit.approved_by_name, time=_when(permit.approved_at)
        )

    def _show_actions(self, permit: PermitView) -> None:
        status = permit.status
        visible = {
            self.approve_button: status is S.REQUESTED and self.is_supervisor,
            self.cosign_button: status is S.REQUESTED,
            self.reject_button: status is S.REQUESTED and self.is_supervisor,
            self.activate_button: status in (S.APPROVED, S.SUSPENDED),
            self.suspend_button: status is S.ACTIVE,
            self.close_button: status in (S.APPROVED, S.ACTIVE, S.SUSPENDED),
        }
        for button, shown in visible.items():
            button.setVisible(shown)
            button.setEnabled(not self.busy)
        self.activate_button.setText(
            self.tr("Reanudar") if status is S.SUSPENDED else self.tr("Activar")
        )

    @staticmethod
    def _set_state(widget: QLabel, name: str, value: object) -> None:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    # -- actions ----------------------------------------------------------------------------

    def _run(self, fn: Callable[[], PermitView], done: str) -> None:
        self.busy = True
        self.message.clear()
        self.notice.clear()
        for button in self.action_buttons:
            button.setEnabled(False)
        self.host.tasks.run(fn, partial(self._written, done), self._refused)

    def _written(self, done: str, permit: PermitView) -> None:
        self.busy = False
        self.selected = permit.id
        self.notice.setText(done)
        self.data = PermitData(
            [permit if p.id == permit.id else p for p in self.data.permits]
            + ([] if any(p.id == permit.id for p in self.data.permits) else [permit]),
            self.data.tickets,
            self.data.matrix,
        )
        self.model.set_rows(self.data.permits)
        self._select_row()
        self.host.refresh()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        self.form.set_busy(False)
        self.message.setText(self.error_text(error))
        self._show_detail(self.current())

    def error_text(self, error: BaseException) -> str:
        lang = current_language()
        if isinstance(error, RuleViolation):
            return " ".join(error.decision.messages(lang))
        if isinstance(error, CosignRefused):
            return error.message(lang)
        if isinstance(error, NotFound):
            return self.tr("Falta un dato en este equipo ({entity}): sincronice.").format(
                entity=error.entity
            )
        return self.tr("No se pudo guardar: {error}").format(error=error)

    @Slot()
    def approve(self) -> None:
        permit = self.current()
        if permit is not None:
            self._run(
                partial(permits.approve_permit, self.ctx, permit.id), self.tr("Permiso aprobado.")
            )

    @Slot()
    def activate(self) -> None:
        permit = self.current()
        if permit is not None:
            self._run(
                partial(permits.activate_permit, self.ctx, permit.id),
                self.tr("Permiso activo: el trabajo puede comenzar."),
            )

    @Slot()
    def suspend(self) -> None:
        permit = self.current()
        if permit is not None:
            self._run(
                partial(permits.suspend_permit, self.ctx, permit.id),
                self.tr("Permiso suspendido."),
            )

    @Slot()
    def open_cosign(self) -> CosignDialog | None:
        permit = self.current()
        if permit is None:
            return None
        dialog = CosignDialog(permit, self.host.session.full_name, self)
        dialog.submitted.connect(partial(self._cosign, dialog, permit.id))
        dialog.finished.connect(partial(self._dialog_done, "cosign_dialog", dialog))
        self.cosign_dialog = dialog
        dialog.open()
        return dialog

    def _cosign(self, dialog: CosignDialog, permit_id: uuid.UUID, user: str, pw: str) -> None:
        self.host.tasks.run(
            partial(cosign_approval, self.ctx, permit_id, user, pw, self.cosign_guard),
            partial(self._cosigned, dialog),
            partial(self._cosign_refused, dialog),
        )

    def _cosigned(self, dialog: CosignDialog, permit: PermitView) -> None:
        dialog.accept()
        self._written(
            self.tr("Permiso aprobado por {name} en este equipo.").format(
                name=permit.approved_by_name
            ),
            permit,
        )

    def _cosign_refused(self, dialog: CosignDialog, error: BaseException) -> None:
        dialog.refused(self.error_text(error))

    @Slot()
    def open_reject(self) -> ReasonDialog | None:
        permit = self.current()
        if permit is None:
            return None
        dialog = ReasonDialog(permit, self)
        dialog.accepted.connect(partial(self._reject, dialog, permit.id))
        dialog.finished.connect(partial(self._dialog_done, "reject_dialog", dialog))
        self.reject_dialog = dialog
        dialog.open()
        return dialog

    def _reject(self, dialog: ReasonDialog, permit_id: uuid.UUID) -> None:
        reason = dialog.reason.text().strip()
        self._run(
            partial(permits.reject_permit, self.ctx, permit_id, reason),
            self.tr("Permiso rechazado."),
        )

    @Slot()
    def open_close(self) -> HandbackDialog | None:
        """Close: once work started, ask how the equipment is handed back."""
        permit = self.current()
        if permit is None:
            return None
        if permit.status is S.APPROVED:
            self._run(
                partial(permits.close_permit, self.ctx, permit.id), self.tr("Permiso cerrado.")
            )
            return None
        dialog = HandbackDialog(permit, self)
        dialog.accepted.connect(partial(self._close, dialog, permit.id))
        dialog.finished.connect(partial(self._dialog_done, "handback_dialog", dialog))
        self.handback_dialog = dialog
        dialog.open()
        return dialog

    def _close(self, dialog: HandbackDialog, permit_id: uuid.UUID) -> None:
        self._run(
            partial(
                permits.close_permit,
                self.ctx,
                permit_id,
                dialog.state(),
                dialog.note.text().strip() or None,
            ),
            self.tr("Permiso cerrado."),
        )

    def _dialog_done(self, attribute: str, dialog: QWidget, _result: int) -> None:
        if getattr(self, attribute) is dialog:
            setattr(self, attribute, None)
        dialog.deleteLater()

    # -- draft ------------------------------------------------------------------------------

    @Slot()
    def start_draft(self, ticket_id: uuid.UUID | None = None) -> None:
        self.message.clear()
        self.notice.clear()
        self.form.start(self.data.tickets, self.data.matrix, self.host.session.clock(), ticket_id)
        self.stack.setCurrentWidget(self.form)

    @Slot()
    def cancel_draft(self) -> None:
        self.stack.setCurrentIndex(0)

    @Slot(object)
    def _submit_draft(self, draft: PermitDraft) -> None:
        self.form.set_busy(True)
        self.host.tasks.run(
            partial(
                permits.request_permit,
                self.ctx,
                draft.ticket_id,
                draft.risk_assessment,
                draft.likelihood,
                draft.severity,
                draft.valid_from,
                draft.valid_to,
                draft.hazards,
                draft.controls,
            ),
            self._requested,
            self._draft_refused,
        )

    def _requested(self, permit: PermitView) -> None:
        self.form.set_busy(False)
        self.stack.setCurrentIndex(0)
        self.data = PermitData(
            [*self.data.permits, permit],
            [t for t in self.data.tickets if t.id != permit.ticket_id],
            self.data.matrix,
        )
        self._written(self.tr("Permiso solicitado."), permit)

    def _draft_refused(self, error: BaseException) -> None:
        self.form.set_busy(False)
        self.form.message.setText(self.error_text(error))

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("Nuevo permiso"))
        self.model.set_columns(self._columns())
        self.empty.setText(self.tr("No hay permisos en esta instalación."))
        self.placeholder.setText(self.tr("Elija un permiso de la lista o cree uno nuevo."))
        self.approve_button.setText(self.tr("Aprobar"))
        self.cosign_button.setText(self.tr("Firma de supervisor aquí"))
        self.reject_button.setText(self.tr("Rechazar"))
        self.suspend_button.setText(self.tr("Suspender"))
        self.close_button.setText(self.tr("Cerrar"))
        self._show_detail(self.current())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def screenshots(host: JourneyHost, page: QWidget, shot: Shot) -> None:
    """permit-list, permit-draft and permit-cosign on the technician's tablet;
    permit-approve on the supervisor's."""
    assert isinstance(page, PermitPage)
    requested = next((p for p in page.data.permits if p.status is S.REQUESTED), None)
    if host.session.role is UserRole.TECHNICIAN:
        if requested is not None:
            page.select_permit(requested.id)
        shot("permit-list")
        page.start_draft()
        form = page.form
        for box in list(form.hazard_boxes.values())[:3]:
            box.setChecked(True)
        form.controls.setPlainText(
            "Bloqueo y etiquetado del interruptor, medición de ausencia de tensión"
        )
        form.matrix.cell(4, 5).click()
        shot("permit-draft")
        page.cancel_draft()
        if requested is not None:
            page.select_permit(requested.id)
            dialog = page.open_cosign()
            if dialog is not None:
                dialog.username.setText("supervisor2")
                dialog.password.setText("super123")
                shot("permit-cosign", dialog)
                dialog.close()
    elif host.session.role is UserRole.SUPERVISOR and requested is not None:
        page.select_permit(requested.id)
        shot("permit-approve")


JOURNEYS = [
    Journey(
        key="permit",
        title=lambda: QCoreApplication.translate("Journeys", "Permisos de trabajo"),
        create=PermitPage,
        roles=frozenset({UserRole.TECHNICIAN, UserRole.SUPERVISOR, UserRole.ADMIN}),
        screenshots=screenshots,
    )
]
