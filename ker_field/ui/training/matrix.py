"""A supervisor's view of the team's training: people × modules required for equipment,
each cell coloured by status, exportable to CSV. The team's progress comes from the server
(it is personal data, not synced to a supervisor's device) and the last copy is kept on
the device for offline viewing."""

from __future__ import annotations

import json
import textwrap
import uuid
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.enums import TrainingStatus
from ker_field.domain.labels import category_label
from ker_field.services import training
from ker_field.services.context import ServiceContext
from ker_field.ui.i18n import current_language
from ker_field.ui.journeys import JourneyHost
from ker_field.ui.models import show
from ker_field.ui.training.page import EXPIRING_COLOR, STATUS_COLORS
from sync.client.api import ServerApi
from sync.client.training import team_progress, team_progress_from_json, team_progress_json

Index = QModelIndex | QPersistentModelIndex


class MatrixModel(QAbstractTableModel):
    """Rows: people; columns: modules; a cell's text is the status, its colour too."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix = training.TrainingMatrix([], [], {})

    def set_matrix(self, matrix: training.TrainingMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.matrix.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.matrix.modules)

    def cell(self, index: Index) -> training.MatrixCell | None:
        if not index.isValid():
            return None
        if not (0 <= index.row() < len(self.matrix.people)):
            return None
        if not (0 <= index.column() < len(self.matrix.modules)):
            return None
        person = self.matrix.people[index.row()]
        module = self.matrix.modules[index.column()]
        return self.matrix.cell(person.user_id, module.module_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = show(cell.status)
            if cell.expires_at is not None and cell.status in (
                TrainingStatus.PASSED,
                TrainingStatus.EXPIRED,
            ):
                text += f" · {cell.expires_at:%d-%m-%Y}"
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(EXPIRING_COLOR if cell.expiring_soon else STATUS_COLORS[cell.status])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#000000")
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.matrix.modules):
            module = self.matrix.modules[section]
            category = category_label(module.category, current_language())
            return "\n".join([*textwrap.wrap(module.title, 24), f"[{category}]"])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.matrix.people):
            return self.matrix.people[section].full_name
        return None


def _cache_path(host: JourneyHost) -> Path:
    return host.data_dir / f"training_matrix_{host.session.user_id}.json"


def _load(
    ctx: ServiceContext, api: ServerApi | None, cache: Path, site_ids: list[uuid.UUID]
) -> tuple[training.TrainingMatrix, datetime | None, bool]:
    """(matrix, as of, from the server now?). Online: fetch and keep a copy; offline: the
    last copy."""
    fetched_at: datetime | None = None
    rows: list[training.TeamProgress] = []
    online = False
    if api is not None:
        try:
            rows = team_progress(api)
            online = True
            fetched_at = datetime.now(UTC)
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text(
                json.dumps({"fetched_at": fetched_at.isoformat(), "rows": team_progress_json(rows)})
            )
        except Exception:  # offline or a bad answer: the last copy
            online = False
    if not online and cache.is_file():
        try:
            data = json.loads(cache.read_text())
            rows = team_progress_from_json(data["rows"])
            fetched_at = datetime.fromisoformat(data["fetched_at"])
        except (ValueError, KeyError, TypeError):
            rows, fetched_at = [], None
    return training.training_matrix(ctx, rows, site_ids), fetched_at, online


class TrainingMatrixPage(QWidget):
    def __init__(self, host: JourneyHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.loaded = False
        self._task: int | None = None
        self.model = MatrixModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(140)
        self.table.setWordWrap(True)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.refresh)
        self.export_button = QPushButton()
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.choose_export)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.source, 1)
        bar.addWidget(self.reload_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.reload_button.setText(self.tr("Actualizar"))
        self.export_button.setText(self.tr("Exportar CSV"))
        legend = [
            (TrainingStatus.PASSED, STATUS_COLORS[TrainingStatus.PASSED]),
            (None, EXPIRING_COLOR),
            (TrainingStatus.IN_PROGRESS, STATUS_COLORS[TrainingStatus.IN_PROGRESS]),
            (TrainingStatus.ASSIGNED, STATUS_COLORS[TrainingStatus.ASSIGNED]),
            (TrainingStatus.FAILED, STATUS_COLORS[TrainingStatus.FAILED]),
            (TrainingStatus.EXPIRED, STATUS_COLORS[TrainingStatus.EXPIRED]),
        ]
        soon = self.tr("vence en 30 días")
        self.legend.setText(
            "  ".join(
                f'<span style="background:{color}">&nbsp;&nbsp;'
                f"{show(status) if status else soon}&nbsp;&nbsp;</span>"
                for status, color in legend
            )
        )

    def refresh(self) -> None:
        if self.host.tasks.closed:
            return
        if self._task is not None:
            self.host.tasks.forget(self._task)
        session = self.host.session
        api = session.api if session.signed_in_online else None
        self._task = self.host.tasks.run(
            partial(
                _load,
                session.context(),
                api,
                _cache_path(self.host),
                list(session.snapshot.site_ids),
            ),
            self._show,
            self._failed,
        )

    def _show(self, loaded: tuple[training.TrainingMatrix, datetime | None, bool]) -> None:
        self._task = None
        matrix, fetched_at, online = loaded
        self.model.set_matrix(matrix)
        self.table.resizeRowsToContents()
        lines = max(
            (
                str(self.model.headerData(n, Qt.Orientation.Horizontal)).count("\n") + 1
                for n in range(self.model.columnCount())
            ),
            default=1,
        )
        header = self.table.horizontalHeader()
        header.setFixedHeight(lines * header.fontMetrics().lineSpacing() + 20)
        if online:
            self.source.setText(self.tr("Datos del servidor, recién leídos."))
        elif fetched_at is not None:
            self.source.setText(
                self.tr("Sin conexión: copia del {when}.").format(when=show(fetched_at))
            )
        else:
            self.source.setText(
                self.tr(
                    "Sin conexión y sin copia del servidor: se muestra lo que hay en este equipo. "
                    "Conéctese y pulse Actualizar."
                )
            )
        self.message.clear()
        self.loaded = True

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.message.setText(self.tr("No se pudo leer la matriz: {error}").format(error=error))

    def choose_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Exportar matriz de capacitación"),
            str(Path.home() / "matriz_capacitacion.csv"),
            self.tr("CSV (*.csv)"),
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> bool:
        try:
            path.write_text(
                training.matrix_csv(self.model.matrix, current_language()), encoding="utf-8-sig"
            )
        except OSError as exc:
            self.message.setText(
                self.tr("No se pudo guardar el archivo: {error}").format(error=exc.strerror or exc)
            )
            return False
        self.message.setText(self.tr("Matriz exportada a {path}").format(path=path))
        return True

    def shutdown(self) -> None:
        if self._task is not None:
            self.host.tasks.forget(self._task)
