"""The training journey: my modules (required first, with status and dates), a module's
material kept for offline use, its quiz, and my certificates."""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.enums import ContentType, TrainingStatus
from ker_field.domain.labels import category_label
from ker_field.services import training
from ker_field.services.context import ServiceContext
from ker_field.ui.i18n import current_language
from ker_field.ui.journeys import JourneyHost
from ker_field.ui.models import Column, RowsModel, show
from ker_field.ui.training.certificate import CertificatePane
from ker_field.ui.training.content import PdfPane, VideoPane
from ker_field.ui.training.quiz import QuizPane
from sync.client.training import fetch_certificate, fetch_missing_certificates

STATUS_COLORS = {
    TrainingStatus.PASSED: "#c8e6c9",
    TrainingStatus.IN_PROGRESS: "#bbdefb",
    TrainingStatus.ASSIGNED: "#eeeeee",
    TrainingStatus.FAILED: "#ffcdd2",
    TrainingStatus.EXPIRED: "#ffcc80",
}
EXPIRING_COLOR = "#fff59d"

Index = QModelIndex | QPersistentModelIndex


def size_text(size: int | None) -> str:
    if size is None:
        return "?"
    if size < 1024 * 1024:
        return f"{max(size, 1) / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class StatusRowsModel(RowsModel[Any]):
    """Rows coloured by training status (column ``status_column``)."""

    def __init__(self, columns: list[Column[Any]], status_column: int, parent: Any = None) -> None:
        super().__init__(columns, parent)
        self.status_column = status_column

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            if index.column() == self.status_column and 0 <= index.row() < self.rowCount():
                entry = self.row(index.row())
                color = EXPIRING_COLOR if entry.expiring_soon else STATUS_COLORS[entry.status]
                return QColor(color)
            return None
        return super().data(index, role)


class TrainingPage(QWidget):
    def __init__(self, host: JourneyHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.entries: list[training.ModuleEntry] = []
        self.current: training.ModuleEntry | None = None
        self.loaded = False
        self._load_task: int | None = None
        self._fetching = False
        self._fetch_tried: set[str] = set()
        self._download_task: int | None = None

        self.stack = QStackedWidget()
        self.catalog = self._catalog_view()
        self.content = self._content_view()
        self.quiz = QuizPane(self._ctx, host.tasks, getattr(host, "sync_now", None))
        self.quiz.closed.connect(self.show_catalog)
        self.quiz.handed_in.connect(self._handed_in)
        self.certificate = CertificatePane(host.session.store.blobs)
        self.certificate.closed.connect(self.show_catalog)
        self.certificate.fetch_requested.connect(self._fetch_one)
        for view in (self.catalog, self.content, self.quiz, self.certificate):
            self.stack.addWidget(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.retranslate()

    def _ctx(self) -> ServiceContext:
        return self.host.session.context()

    # -- views ----------------------------------------------------------------------------

    def _catalog_view(self) -> QWidget:
        view = QWidget()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            "background: #fff3cd; border: 2px solid #b26a00; border-radius: 6px; padding: 8px;"
        )
        self.warnings.hide()
        self.model = StatusRowsModel(self._columns(), status_column=1, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.hide()

        card = QFrame()
        card.setObjectName("card")
        self.detail_title = QLabel()
        self.detail_title.setObjectName("subtitle")
        self.detail_title.setWordWrap(True)
        self.detail_facts = QLabel()
        self.detail_facts.setWordWrap(True)
        self.detail_note = QLabel()
        self.detail_note.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_content)
        self.quiz_button = QPushButton()
        self.quiz_button.setObjectName("primary")
        self.quiz_button.clicked.connect(self.open_quiz)
        self.certificate_button = QPushButton()
        self.certificate_button.clicked.connect(self.open_certificate)
        facts = QWidget()
        facts_layout = QVBoxLayout(facts)
        facts_layout.setContentsMargins(0, 0, 0, 0)
        facts_layout.addWidget(self.detail_title)
        facts_layout.addWidget(self.detail_facts)
        facts_layout.addWidget(self.detail_note)
        facts_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(facts)
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.certificate_button)
        card_layout.addLayout(buttons)
        card_layout.addWidget(self.quiz_button)
        card.setMinimumWidth(340)
        card.setMaximumWidth(560)

        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.empty)
        left.addWidget(self.table, 1)
        body.addLayout(left, 3)
        body.addWidget(card, 2)
        layout = QVBoxLayout(view)
        layout.addWidget(self.warnings)
        layout.addLayout(body, 1)
        return view

    def _content_view(self) -> QWidget:
        view = QWidget()
        self.content_back = QPushButton()
        self.content_back.clicked.connect(self.show_catalog)
        self.content_title = QLabel()
        self.content_title.setObjectName("subtitle")
        self.content_title.setWordWrap(True)
        self.content_quiz = QPushButton()
        self.content_quiz.setObjectName("primary")
        self.content_quiz.clicked.connect(self.open_quiz)
        self.download_note = QLabel()
        self.download_note.setWordWrap(True)
        self.download_button = QPushButton()
        self.download_button.setObjectName("primary")
        self.download_button.clicked.connect(self.download_content)
        self.download_progress = QProgressBar()
        self.download_progress.hide()
        self.pdf = PdfPane()
        self.video = VideoPane()
        top = QHBoxLayout()
        top.addWidget(self.content_back)
        top.addWidget(self.content_title, 1)
        top.addWidget(self.content_quiz)
        download = QHBoxLayout()
        download.addWidget(self.download_note, 1)
        download.addWidget(self.download_button)
        layout = QVBoxLayout(view)
        layout.addLayout(top)
        layout.addLayout(download)
        layout.addWidget(self.download_progress)
        layout.addWidget(self.pdf, 1)
        layout.addWidget(self.video, 1)
        return view

    def _columns(self) -> list[Column[training.ModuleEntry]]:
        return [
            Column(self.tr("Módulo"), lambda e: e.title),
            Column(self.tr("Estado"), self._status_text),
            Column(self.tr("Plazo / vence"), self._date_text),
        ]

    def _status_text(self, entry: training.ModuleEntry) -> str:
        text = show(entry.status)
        if entry.awaiting_grade:
            text += " · " + self.tr("por calificar")
        elif entry.status is TrainingStatus.EXPIRED:
            text += " · " + self.tr("reasignado")
        elif entry.expiring_soon:
            text += " · " + self.tr("vence pronto")
        return text

    def _date_text(self, entry: training.ModuleEntry) -> str:
        if entry.certificate_expires_at is not None and entry.status in (
            TrainingStatus.PASSED,
            TrainingStatus.EXPIRED,
        ):
            return f"{entry.certificate_expires_at:%d-%m-%Y}"
        if entry.due_at is not None:
            return self.tr("plazo {date}").format(date=f"{entry.due_at:%d-%m-%Y}")
        return "—"

    def retranslate(self) -> None:
        self.model.set_columns(self._columns())
        self.empty.setText(self.tr("No tiene capacitaciones asignadas."))
        self.content_back.setText(self.tr("← Volver"))
        self.content_quiz.setText(self.tr("Rendir evaluación"))
        self.open_button.setText(self.tr("Material"))
        self.certificate_button.setText(self.tr("Certificado"))
        self.quiz.retranslate()
        self.certificate.retranslate()
        self._show_detail()

    # -- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.host.tasks.closed:
            return
        if self._load_task is not None:
            self.host.tasks.forget(self._load_task)
        ctx = self._ctx()
        self._load_task = self.host.tasks.run(
            partial(_load_catalog, ctx), self._show_catalog_rows, self._failed
        )

    def _show_catalog_rows(self, loaded: tuple[list[training.ModuleEntry], list[str]]) -> None:
        self._load_task = None
        entries, warnings = loaded
        chosen = self.current.module_id if self.current else None
        self.entries = entries
        self.model.set_rows(entries)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not entries)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))
        row = next(
            (n for n, e in enumerate(entries) if e.module_id == chosen), 0 if entries else -1
        )
        if row >= 0:
            self.table.selectRow(row)
            self.current = entries[row]
        else:
            self.current = None
        self._show_detail()
        self.loaded = True
        self._fetch_certificates()

    def _failed(self, error: BaseException) -> None:
        self._load_task = None
        self.detail_note.setText(
            self.tr("No se pudieron leer los datos: {error}").format(error=error)
        )

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and 0 <= current.row() < len(self.entries):
            self.current = self.entries[current.row()]
            self._show_detail()

    def choose(self, module_id: uuid.UUID) -> training.ModuleEntry:
        row = next(n for n, e in enumerate(self.entries) if e.module_id == module_id)
        self.table.selectRow(row)
        self.current = self.entries[row]
        self._show_detail()
        return self.current

    def _show_detail(self) -> None:
        entry = self.current
        for button in (self.open_button, self.quiz_button, self.certificate_button):
            button.setVisible(entry is not None)
        if entry is None:
            self.detail_title.clear()
            self.detail_facts.clear()
            self.detail_note.clear()
            return
        self.detail_title.setText(entry.title)
        facts = [self.tr("Estado: {status}").format(status=self._status_text(entry))]
        if entry.required and entry.category:
            facts.append(
                self.tr("Exigido para bloquear equipos de categoría {category}.").format(
                    category=category_label(entry.category, current_language())
                )
            )
        if entry.practice_only:
            facts.append(self.tr("Módulo de práctica (no da certificado)."))
        else:
            facts.append(
                self.tr("Intentos: {used} de {max} · aprobación {min}% · espera {hours} h").format(
                    used=entry.attempts_count,
                    max=entry.max_attempts,
                    min=entry.min_score_to_pass,
                    hours=entry.cooldown_hours,
                )
            )
        graded = entry.status in (TrainingStatus.PASSED, TrainingStatus.FAILED)
        if entry.score is not None and graded:
            facts.append(self.tr("Puntaje: {score}%").format(score=entry.score))
        if entry.due_at is not None:
            facts.append(self.tr("Plazo: {date}").format(date=show(entry.due_at)))
        if entry.certificate_number and entry.status is TrainingStatus.PASSED:
            facts.append(
                self.tr("Certificado {number}, vence {date}").format(
                    number=entry.certificate_number, date=show(entry.certificate_expires_at)
                )
            )
        elif entry.certificate_number:
            facts.append(
                self.tr("Certificado anterior {number}: venció {date}").format(
                    number=entry.certificate_number, date=show(entry.certificate_expires_at)
                )
            )
        if entry.last_attempt is not None and entry.last_attempt.graded:
            facts.append(
                self.tr("Último intento: {score}% ({result})").format(
                    score=entry.last_attempt.score,
                    result=self.tr("aprobado")
                    if entry.last_attempt.passed
                    else self.tr("reprobado"),
                )
            )
        self.detail_facts.setText("\n".join(facts))
        notes = []
        if entry.awaiting_grade:
            notes.append(
                self.tr("Evaluación entregada: el resultado llega al sincronizar con el servidor.")
            )
        if not entry.may_attempt.allowed:
            notes += entry.may_attempt.messages(current_language())
        self.detail_note.setText("\n".join(notes))
        self.detail_note.setObjectName("" if entry.may_attempt.allowed else "error")
        self.detail_note.style().polish(self.detail_note)
        self.open_button.setEnabled(entry.content_sha256 is not None)
        if entry.content_sha256 is None:
            self.open_button.setText(self.tr("Sin material"))
        elif entry.content_on_device:
            self.open_button.setText(self.tr("Material"))
        else:
            self.open_button.setText(
                self.tr("Material ({size})").format(size=size_text(entry.content_size))
            )
        self.quiz_button.setText(
            self.tr("Continuar evaluación") if entry.draft_id else self.tr("Rendir evaluación")
        )
        self.quiz_button.setEnabled(
            entry.quiz_id is not None and (entry.may_attempt.allowed or entry.draft_id is not None)
        )
        self.certificate_button.setEnabled(entry.certificate_number is not None)

    def show_catalog(self) -> None:
        self.video.stop()
        self.stack.setCurrentWidget(self.catalog)
        self.refresh()

    # -- content --------------------------------------------------------------------------

    def open_content(self) -> None:
        """Show the module's material; opening it marks the module in progress."""
        entry = self.current
        if entry is None:
            return
        self.content_title.setText(entry.title)
        self.content_quiz.setEnabled(entry.quiz_id is not None and entry.may_attempt.allowed)
        self.stack.setCurrentWidget(self.content)
        self.host.tasks.run(
            partial(training.start_module, self._ctx(), entry.module_id), None, self._failed
        )
        self.pdf.hide()
        self.video.hide()
        self.download_progress.hide()
        if entry.content_sha256 is None:
            self.download_note.setText(self.tr("Este módulo no tiene material."))
            self.download_button.hide()
            return
        if self.host.session.store.blobs.exists(entry.content_sha256):
            self._show_material(entry)
            return
        self.download_note.setText(
            self.tr(
                "El material ({size}) no está en este equipo. Descárguelo para verlo sin conexión."
            ).format(size=size_text(entry.content_size))
        )
        self.download_button.setText(
            self.tr("Descargar {size}").format(size=size_text(entry.content_size))
        )
        self.download_button.setEnabled(True)
        self.download_button.show()

    def download_content(self) -> None:
        entry = self.current
        if entry is None or entry.content_sha256 is None:
            return
        engine = self.host.session.sync_engine()
        self.download_button.setEnabled(False)
        self.download_progress.setRange(0, max(entry.content_size or 0, 1))
        self.download_progress.setValue(0)
        self.download_progress.setFormat(
            self.tr("%p% de {size}").format(size=size_text(entry.content_size))
        )
        self.download_progress.show()
        self._download_task = self.host.tasks.run(
            partial(engine.download_blob, entry.content_sha256, entry.content_size),
            partial(self._downloaded, entry),
            self._download_failed,
            on_progress=self._download_progress,
        )

    def _download_progress(self, _phase: str, done: int, total: int) -> None:
        self.download_progress.setRange(0, max(total, 1))
        self.download_progress.setValue(done)

    def _downloaded(self, entry: training.ModuleEntry, _result: object) -> None:
        self._download_task = None
        self.download_progress.setValue(self.download_progress.maximum())
        if self.current is not None and self.current.module_id == entry.module_id:
            self._show_material(entry)

    def _download_failed(self, error: BaseException) -> None:
        self._download_task = None
        self.download_button.setEnabled(True)
        self.download_progress.hide()
        self.download_note.setText(
            self.tr(
                "No se pudo descargar el material (sin conexión con el servidor). "
                "Intente de nuevo cuando haya red: {error}"
            ).format(error=error)
        )

    def _show_material(self, entry: training.ModuleEntry) -> None:
        assert entry.content_sha256 is not None
        self.download_button.hide()
        self.download_progress.hide()
        path = self.host.session.store.blobs.path(entry.content_sha256)
        self.download_note.setText(self.tr("Material guardado en este equipo: se ve sin conexión."))
        if entry.content_type is ContentType.VIDEO:
            self.video.show()
            self.video.load(path)
        else:
            self.pdf.show()
            self.pdf.load(path)

    # -- quiz and certificate -------------------------------------------------------------

    def open_quiz(self) -> None:
        if self.current is None:
            return
        self.video.stop()
        self.stack.setCurrentWidget(self.quiz)
        self.quiz.open(self.current)

    def _handed_in(self, _result: object) -> None:
        self.refresh()

    def open_certificate(self) -> None:
        entry = self.current
        if entry is None or entry.certificate_number is None:
            return
        number = entry.certificate_number
        self.host.tasks.run(
            partial(training.certificates, self._ctx()),
            partial(self._show_certificate, number),
            self._failed,
        )

    def _show_certificate(self, number: str, found: list[training.CertificateView]) -> None:
        cert = next((c for c in found if c.number == number), None)
        if cert is None:
            return
        self.certificate.show_certificate(cert)
        self.stack.setCurrentWidget(self.certificate)

    def _fetch_certificates(self) -> None:
        """Bring the PDFs of new certificates while online (quietly; they wait otherwise)."""
        session = self.host.session
        if self._fetching or not session.signed_in_online or self.host.tasks.closed:
            return
        numbers = {e.certificate_number for e in self.entries if e.certificate_number}
        if not numbers - self._fetch_tried:
            return
        self._fetching = True
        self.host.tasks.run(
            partial(
                fetch_missing_certificates,
                self._ctx(),
                session.api,
                skip=frozenset(self._fetch_tried),
            ),
            partial(self._fetched, frozenset(numbers)),
            self._fetch_failed,
        )

    def _fetched(self, asked: frozenset[str], kept: list[str]) -> None:
        self._fetching = False
        self._fetch_tried |= asked  # kept, or refused by the server: not asked again
        shown = self.certificate.certificate
        if self.stack.currentWidget() is self.certificate and shown and shown.number in kept:
            self.open_certificate()

    def _fetch_failed(self, _error: BaseException) -> None:
        self._fetching = False  # offline: the PDFs come with the next refresh online

    def _fetch_one(self, number: str) -> None:
        self.certificate.fetch_button.setEnabled(False)
        self.host.tasks.run(
            partial(fetch_certificate, self._ctx(), self.host.session.api, number),
            self._fetched_one,
            self._fetch_one_failed,
        )

    def _fetched_one(self, cert: training.CertificateView) -> None:
        self.certificate.fetch_button.setEnabled(True)
        self.certificate.show_certificate(cert)

    def _fetch_one_failed(self, error: BaseException) -> None:
        self.certificate.fetch_button.setEnabled(True)
        self.certificate.missing.setText(
            self.tr("No se pudo descargar el certificado: {error}").format(error=error)
        )

    def shutdown(self) -> None:
        self.quiz.shutdown()
        self.video.stop()
        self.pdf.close_document()
        self.certificate.pdf.close_document()


def _load_catalog(ctx: ServiceContext) -> tuple[list[training.ModuleEntry], list[str]]:
    from ker_field.ui.i18n import current_language as lang

    entries = training.catalog(ctx)
    warnings = [w.message(lang()) for w in training.expiry_warnings(ctx)]
    return entries, warnings
