"""The sync-issues inbox: changes the server refused, each with its reason, the server's
version of the record, and what can be done (retry after fixing, discard with confirmation)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ker_field.services import sync_issues
from ker_field.services.sync_issues import IssueRow
from ker_field.store.local import LocalStore
from ker_field.ui.models import Column, RowsModel
from ker_field.ui.tasks import TaskRunner
from sync.protocol import MutationName


class IssuesInbox(QDialog):
    """Emits ``changed`` after a discard or retry (the header recounts)."""

    changed = Signal()

    def __init__(
        self,
        store: LocalStore,
        user_id: uuid.UUID,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("issuesInbox")
        self._store, self._user_id, self._tasks = store, user_id, tasks
        self.model: RowsModel[IssueRow] = RowsModel(self._columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.heading = QLabel()
        self.heading.setObjectName("subtitle")
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setObjectName("reason")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.server_title = QLabel()
        self.server_version = QPlainTextEdit()
        self.server_version.setReadOnly(True)
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("danger")
        self.discard_button.clicked.connect(self.discard_selected)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.reason)
        detail_layout.addWidget(self.hint)
        detail_layout.addWidget(self.server_title)
        detail_layout.addWidget(self.server_version, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._selected()

    # -- words ------------------------------------------------------------------------------

    def _columns(self) -> list[Column[IssueRow]]:
        return [
            Column(self.tr("Fecha"), lambda row: row.created_at),
            Column(self.tr("Cambio"), lambda row: self.change_name(row.name)),
            Column(self.tr("Motivo"), lambda row: row.message),
        ]

    def change_name(self, name: str) -> str:
        names: dict[str, str] = {
            MutationName.LOTO_RECORD_STEP: self.tr("Paso de bloqueo LOTO"),
            MutationName.PERMIT_REQUEST: self.tr("Solicitud de permiso de trabajo"),
            MutationName.PERMIT_TRANSITION: self.tr("Cambio de estado de un permiso"),
            MutationName.VISITOR_ACCESS: self.tr("Entrada o salida en portería"),
            MutationName.VISITOR_SIGN_NDA: self.tr("Firma de acuerdo de confidencialidad"),
            MutationName.TRAINING_START_MODULE: self.tr("Inicio de capacitación"),
            MutationName.TRAINING_SUBMIT_ATTEMPT: self.tr("Respuestas de evaluación"),
            MutationName.HANDOVER_ADD: self.tr("Nota de entrega de turno"),
            MutationName.HANDOVER_ACKNOWLEDGE: self.tr("Recepción de entrega de turno"),
            MutationName.ESG_RECORD_READING: self.tr("Lectura ESG"),
            MutationName.VISITOR_RESOLVE_ANOMALY: self.tr("Revisión de anomalía de portería"),
        }
        return names.get(name, name)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Problemas de sincronización"))
        self.heading.setText(self.windowTitle())
        self.model.set_columns(self._columns())
        self.empty.setText(self.tr("No hay cambios rechazados por revisar."))
        self.hint.setText(
            self.tr("Corrija la causa y reintente, o descarte el cambio si ya no corresponde.")
        )
        self.server_title.setText(self.tr("Versión del servidor"))
        self.retry_button.setText(self.tr("Reintentar"))
        self.discard_button.setText(self.tr("Descartar…"))
        self.close_button.setText(self.tr("Cerrar"))
        self._selected()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data -------------------------------------------------------------------------------

    def reload(self) -> None:
        self._tasks.run(
            partial(sync_issues.open_issues, self._store, self._user_id), self.show_rows
        )

    def show_rows(self, rows: list[IssueRow]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.resizeColumnsToContents()
        if rows:
            self.table.selectRow(0)
        self._selected()

    def selected(self) -> IssueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot()
    def _selected(self, *_: QItemSelection) -> None:
        issue = self.selected()
        for widget in (self.retry_button, self.discard_button):
            widget.setEnabled(issue is not None)
        if issue is None:
            self.reason.clear()
            self.server_version.clear()
            return
        self.reason.setText(
            self.tr("Motivo: {message} ({code})").format(message=issue.message, code=issue.code)
        )
        self.server_version.setPlainText(
            json.dumps(issue.server_row, indent=2, ensure_ascii=False, sort_keys=True)
            if issue.server_row is not None
            else self.tr("El servidor no envió una versión de este registro.")
        )

    def confirm_discard(self, issue: IssueRow) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Descartar cambio"),
            self.tr("¿Descartar «{change}»? El cambio se perderá y no se enviará de nuevo.").format(
                change=self.change_name(issue.name)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def discard_selected(self) -> None:
        issue = self.selected()
        if issue is None or not self.confirm_discard(issue):
            return
        now = datetime.now(UTC)
        self._tasks.run(
            partial(sync_issues.discard_issue, self._store, issue.id, now), self._written
        )

    @Slot()
    def retry_selected(self) -> None:
        issue = self.selected()
        if issue is None:
            return
        now = datetime.now(UTC)
        self._tasks.run(partial(sync_issues.retry_issue, self._store, issue.id, now), self._written)

    def _written(self, _result: object) -> None:
        self.changed.emit()
        self.reload()
