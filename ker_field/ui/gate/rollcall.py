"""Roll call: everyone inside now (visitors, contractors, deliveries, employees, technicians
with locks on) as an evacuation list that works offline; mark people safe, check visitors
out, export CSV or a printable PDF."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.enums import AccessType
from ker_field.domain.labels import label
from ker_field.domain.rules.visitors import ANONYMIZED_NAME
from ker_field.services import visitors as gate
from ker_field.services.visitors import TECHNICIAN, RollCallEntry
from ker_field.ui.i18n import current_language
from ker_field.ui.journeys import JourneyHost
from ker_field.ui.models import Column, RowsModel


class RollCallPage(QWidget):
    def __init__(self, host: JourneyHost) -> None:
        super().__init__()
        self.host = host
        self.safe: set[str] = set()
        self.entries: list[RollCallEntry] = []
        self.last_export: Path | None = None
        self.counts = QLabel()
        self.counts.setObjectName("subtitle")
        self.model: RowsModel[RollCallEntry] = RowsModel(self._columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)  # the detail (locks held) takes what is left
        self.table.doubleClicked.connect(self.toggle_safe)
        self.safe_button = QPushButton()
        self.safe_button.setObjectName("primary")
        self.safe_button.clicked.connect(self.toggle_safe)
        self.out_button = QPushButton()
        self.out_button.clicked.connect(self.check_out)
        self.csv_button = QPushButton()
        self.csv_button.clicked.connect(partial(self.export, "csv"))
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(partial(self.export, "pdf"))
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_safe)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.safe_button, self.out_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retranslate()

    def _kind(self, category: str) -> str:
        if category == TECHNICIAN:
            return self.tr("Técnico con bloqueo")
        return label(AccessType(category), current_language())

    def _name(self, entry: RollCallEntry) -> str:
        return self.tr("(anonimizado)") if entry.name == ANONYMIZED_NAME else entry.name

    def _columns(self) -> list[Column[RollCallEntry]]:
        return [
            Column(self.tr("A salvo"), lambda e: "✔" if e.key in self.safe else ""),
            Column(self.tr("Nombre"), self._name),
            Column(self.tr("Tipo"), lambda e: self._kind(e.category)),
            Column(self.tr("Empresa"), lambda e: e.company),
            Column(self.tr("RUT"), lambda e: e.rut),
            Column(self.tr("Desde"), lambda e: e.since),
            Column(self.tr("Detalle"), self._detail),
        ]

    def _detail(self, entry: RollCallEntry) -> str:
        if entry.category == TECHNICIAN:
            return self.tr("Candados: {locks}").format(locks=entry.detail)
        return self.tr("Con invitación") if entry.detail == "invite" else self.tr("Sin invitación")

    def retranslate(self) -> None:
        self.model.set_columns(self._columns())
        self.safe_button.setText(self.tr("Marcar a salvo"))
        self.out_button.setText(self.tr("Registrar salida"))
        self.reset_button.setText(self.tr("Nuevo conteo"))
        self.csv_button.setText(self.tr("Exportar CSV"))
        self.pdf_button.setText(self.tr("Exportar PDF"))
        self._show_counts()

    def _show_counts(self) -> None:
        inside = len(self.entries)
        safe = sum(1 for e in self.entries if e.key in self.safe)
        self.counts.setText(
            self.tr("Dentro: {inside} · A salvo: {safe} · Faltan: {missing}").format(
                inside=inside, safe=safe, missing=inside - safe
            )
        )

    def _marks_file(self) -> Path:
        site = self.host.session.context().site_id
        return Path(self.host.data_dir) / f"rollcall-safe-{site}.json"

    def _load_marks(self) -> None:
        """Marks survive a restart in the middle of an evacuation (a small file, offline)."""
        with contextlib.suppress(OSError, ValueError, TypeError):
            self.safe = set(json.loads(self._marks_file().read_text(encoding="utf-8")))

    def _save_marks(self) -> None:
        path = self._marks_file()
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(sorted(self.safe)), encoding="utf-8")

    def refresh(self) -> None:
        if not self.entries and not self.safe:
            self._load_marks()
        self.host.tasks.run(
            partial(gate.roll_call, self.host.session.context()), self.show_entries, self._failed
        )

    def show_entries(self, entries: list[RollCallEntry]) -> None:
        self.entries = entries
        self.safe &= {e.key for e in entries}
        self.model.set_rows(entries)
        self._show_counts()

    def shutdown(self) -> None:
        pass

    def _selected(self) -> RollCallEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def toggle_safe(self) -> None:
        entry = self._selected()
        if entry is None:
            self.message.setText(self.tr("Elija a una persona de la lista."))
            return
        self.safe ^= {entry.key}
        self._save_marks()
        self.model.set_rows(self.entries)
        self._show_counts()

    def reset_safe(self) -> None:
        self.safe.clear()
        self._save_marks()
        self.model.set_rows(self.entries)
        self._show_counts()

    def check_out(self) -> None:
        entry = self._selected()
        if entry is None or entry.visit_id is None:
            self.message.setText(
                self.tr("Solo se registra la salida de personas que entraron por portería.")
            )
            return
        ctx = self.host.session.context()
        self.host.tasks.run(
            partial(gate.check_out_visitor, ctx, entry.visit_id, self.tr("Portería principal")),
            lambda _receipt: self.host.refresh(),
            self._failed,
        )

    def _rows(self) -> tuple[list[str], list[list[str]]]:
        headers = [column.header for column in self._columns()]
        headers[0] = self.tr("A salvo")
        rows = [
            [
                self.tr("sí") if e.key in self.safe else self.tr("NO"),
                self._name(e),
                self._kind(e.category),
                e.company or "",
                e.rut or "",
                e.since.astimezone().strftime("%d-%m-%Y %H:%M"),
                self._detail(e),
            ]
            for e in self.entries
        ]
        return headers, rows

    def export(self, kind: str) -> None:
        """Write the list as CSV or a printable PDF in the data folder (off the GUI thread)."""
        folder = Path(self.host.data_dir) / "exports"
        path = folder / f"pasar-lista-{datetime.now():%Y%m%d-%H%M%S}.{kind}"
        headers, rows = self._rows()
        title = self.tr("Pasar lista (evacuación)")
        subtitle = self.counts.text() + " · " + datetime.now().strftime("%d-%m-%Y %H:%M")

        def write() -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            if kind == "csv":
                return gate.write_csv(path, headers, rows)
            return gate.write_pdf(path, title, subtitle, headers, rows)

        self.host.tasks.run(write, self._exported, self._failed)

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.message.setText(self.tr("Guardado en {path}").format(path=path))

    def _failed(self, error: BaseException) -> None:
        from ker_field.domain.decision import RuleViolation

        if isinstance(error, RuleViolation):
            self.message.setText(" ".join(error.decision.messages(current_language())))
        else:
            self.message.setText(self.tr("No se pudo completar: {error}").format(error=error))
