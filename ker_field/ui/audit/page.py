"""The audit journey: the site's audits, a new one from an ISO checklist, and the checklist
itself: each item answered pass / fail / not applicable with a note and photos, saved as it
is answered (offline, through the outbox); findings get a severity and may open a corrective
ticket; the score is shown as it goes; completion and the PDF report."""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import AuditResult, AuditStatus, FindingSeverity
from ker_field.domain.labels import label
from ker_field.domain.rules.audits import MAX_PHOTOS_PER_ITEM
from ker_field.services import audits
from ker_field.services.audits import AuditItemView, AuditRow, AuditView, TemplateView
from ker_field.ui.audit.photo import PhotoDialog
from ker_field.ui.i18n import current_language, locale
from ker_field.ui.journeys import JourneyHost
from ker_field.ui.models import Column, RowsModel

Index = QModelIndex | QPersistentModelIndex

RESULT_COLORS = {
    AuditResult.PASS: "#c8e6c9",
    AuditResult.FAIL: "#ffcdd2",
    AuditResult.NOT_APPLICABLE: "#e0e0e0",
}


CHECKED_STYLE = """
QPushButton#result_pass:checked { background: #1b5e20; color: #ffffff; border-color: #1b5e20; }
QPushButton#result_fail:checked { background: #b00000; color: #ffffff; border-color: #b00000; }
QCheckBox::indicator { width: 30px; height: 30px; }
QPushButton#result_not_applicable:checked {
    background: #424242; color: #ffffff; border-color: #424242;
}
"""


class ItemsModel(RowsModel[AuditItemView]):
    """Checklist items, the result column coloured."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            if 0 <= index.row() < self.rowCount():
                result = self.row(index.row()).result
                return QColor(RESULT_COLORS[result]) if result is not None else None
            return None
        return super().data(index, role)


def _table(model: RowsModel[Any], name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(48)
    table.setWordWrap(True)
    return table


class AuditPage(QWidget):
    def __init__(self, host: JourneyHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.templates: list[TemplateView] = []
        self.view: AuditView | None = None
        self.current_key: str | None = None
        self.photo_dialog: PhotoDialog | None = None
        self.last_report: Path | None = None
        self._loading = False
        self._note_dirty = False
        # The page's writes run one after the other, in the order the auditor made them.
        self._writes: deque[tuple[Callable[[], Any], Callable[[Any], None]]] = deque()
        self._writing = False

        self.stack = QStackedWidget()
        self.stack.addWidget(self._list_screen())
        self.stack.addWidget(self._audit_screen())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)
        self.setStyleSheet(CHECKED_STYLE)
        self.retranslate()

    # -- the list ----------------------------------------------------------------------------

    def _list_screen(self) -> QWidget:
        self.list_title = QLabel()
        self.list_title.setObjectName("subtitle")
        self.template = QComboBox()
        self.template.setObjectName("auditTemplate")
        self.start_button = QPushButton()
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(self.start_audit)
        start_row = QHBoxLayout()
        start_row.addWidget(self.template, 1)
        start_row.addWidget(self.start_button)
        self.list_message = QLabel()
        self.list_message.setWordWrap(True)
        self.audits_model: RowsModel[AuditRow] = RowsModel(self._audit_columns(), self)
        self.audits_table = _table(self.audits_model, "auditList")
        header = self.audits_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.audits_table.activated.connect(self._audit_chosen)
        self.audits_table.clicked.connect(self._audit_chosen)
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        screen = QWidget()
        column = QVBoxLayout(screen)
        column.addWidget(self.list_title)
        column.addLayout(start_row)
        column.addWidget(self.list_message)
        column.addWidget(self.audits_table, 1)
        column.addWidget(self.empty)
        return screen

    def _audit_columns(self) -> list[Column[AuditRow]]:
        return [
            Column(self.tr("Norma"), lambda r: r.standard),
            Column(self.tr("Auditoría"), lambda r: r.title),
            Column(self.tr("Estado"), lambda r: r.status),
            Column(self.tr("Avance"), lambda r: f"{r.answered}/{r.total}"),
            Column(self.tr("Puntaje"), lambda r: self._pct(r.score)),
            Column(self.tr("Hallazgos"), lambda r: r.findings),
            Column(self.tr("Fecha"), lambda r: r.performed_at),
        ]

    # -- one audit ---------------------------------------------------------------------------

    def _audit_screen(self) -> QWidget:
        self.back_button = QPushButton()
        self.back_button.setObjectName("auditBack")
        self.back_button.clicked.connect(self.show_list)
        self.audit_title = QLabel()
        self.audit_title.setObjectName("subtitle")
        self.audit_title.setWordWrap(True)
        self.score_label = QLabel()
        self.score_label.setObjectName("auditScore")
        self.score_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.audit_title, 1)

        self.items_model = ItemsModel(self._item_columns(), self)
        self.items_table = _table(self.items_model, "auditItems")
        header = self.items_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items_table.verticalHeader().setDefaultSectionSize(56)
        self.items_table.clicked.connect(self._item_clicked)
        self.items_table.activated.connect(self._item_clicked)

        # the item editor
        self.item_clause = QLabel()
        self.item_clause.setStyleSheet("font-weight: bold; color: #0b5394;")
        self.item_text = QLabel()
        self.item_text.setWordWrap(True)
        self.item_text.setStyleSheet("font-size: 20px;")
        self.result_buttons: dict[AuditResult, QPushButton] = {}
        self.result_group = QButtonGroup(self)
        self.result_group.setExclusive(True)
        results_row = QHBoxLayout()
        for result in AuditResult:
            button = QPushButton()
            button.setCheckable(True)
            button.setObjectName(f"result_{result.value}")
            button.clicked.connect(partial(self.choose_result, result))
            self.result_group.addButton(button)
            self.result_buttons[result] = button
            results_row.addWidget(button)
        self.note = QPlainTextEdit()
        self.note.setObjectName("auditNote")
        self.note.setFixedHeight(84)
        self.note.textChanged.connect(self._note_edited)
        self.severity = QComboBox()
        self.severity.setObjectName("auditSeverity")
        for severity in FindingSeverity:
            self.severity.addItem("", severity)
        self.severity.setCurrentIndex(1)
        self.severity.activated.connect(self._finding_changed)
        self.open_ticket = QCheckBox()
        self.open_ticket.setObjectName("auditOpenTicket")
        self.open_ticket.setMinimumHeight(44)
        self.open_ticket.clicked.connect(self._finding_changed)
        self.severity_label = QLabel()
        self.finding_box = QFrame()
        finding = QGridLayout(self.finding_box)
        finding.setContentsMargins(0, 0, 0, 0)
        finding.addWidget(self.severity_label, 0, 0)
        finding.addWidget(self.severity, 0, 1)
        finding.addWidget(self.open_ticket, 1, 0, 1, 2)
        finding.setColumnStretch(1, 1)
        self.photos_row = QHBoxLayout()
        self.photo_button = QPushButton()
        self.photo_button.setObjectName("auditPhoto")
        self.photo_button.clicked.connect(self.open_camera)
        self.photo_count = QLabel()
        photos = QHBoxLayout()
        photos.addWidget(self.photo_button)
        photos.addWidget(self.photo_count)
        photos.addLayout(self.photos_row)
        photos.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("auditSave")
        self.save_button.clicked.connect(self.save_and_next)
        self.note_label = QLabel()
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #1b5e20;")

        editor = QWidget()
        form = QVBoxLayout(editor)
        form.addWidget(self.item_clause)
        form.addWidget(self.item_text)
        form.addLayout(results_row)
        form.addWidget(self.finding_box)
        form.addWidget(self.note_label)
        form.addWidget(self.note)
        form.addLayout(photos)
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved_label, 1)
        save_row.addWidget(self.save_button)
        form.addLayout(save_row)
        form.addStretch(1)
        self.editor = editor
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(editor)

        middle = QHBoxLayout()
        middle.addWidget(self.items_table, 1)
        middle.addWidget(scroller, 1)

        self.message = QLabel()
        self.message.setObjectName("auditMessage")
        self.message.setWordWrap(True)
        self.complete_button = QPushButton()
        self.complete_button.setObjectName("primary")
        self.complete_button.clicked.connect(self.complete)
        self.report_button = QPushButton()
        self.report_button.setObjectName("auditReport")
        self.report_button.clicked.connect(self.write_report)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.report_button)
        bottom.addWidget(self.complete_button)

        screen = QWidget()
        column = QVBoxLayout(screen)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.score_label)
        column.addLayout(middle, 1)
        column.addLayout(bottom)
        return screen

    def _item_columns(self) -> list[Column[AuditItemView]]:
        lang = current_language()
        return [
            Column(self.tr("Ítem"), lambda i: f"{i.clause}  {i.text}"),
            Column(
                self.tr("Resultado"),
                lambda i: label(i.result, lang) if i.result is not None else "—",
            ),
        ]

    # -- words -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        lang = current_language()
        self.list_title.setText(self.tr("Auditorías de la instalación"))
        self.start_button.setText(self.tr("Comenzar auditoría"))
        self.empty.setText(self.tr("Aún no hay auditorías en esta instalación."))
        self.back_button.setText(self.tr("← Auditorías"))
        texts = {
            AuditResult.PASS: self.tr("✔ Cumple"),
            AuditResult.FAIL: self.tr("✘ No cumple"),
            AuditResult.NOT_APPLICABLE: self.tr("No aplica"),
        }
        for result, button in self.result_buttons.items():
            button.setText(texts[result])
        for index in range(self.severity.count()):
            self.severity.setItemText(index, label(self.severity.itemData(index), lang))
        self.severity_label.setText(self.tr("Severidad"))
        self.open_ticket.setText(self.tr("Abrir orden correctiva"))
        self.note_label.setText(self.tr("Nota (qué se observó)"))
        self.note.setPlaceholderText(self.tr("Describa lo observado"))
        self.photo_button.setText(self.tr("Tomar foto"))
        self.save_button.setText(self.tr("Guardar y siguiente"))
        self.complete_button.setText(self.tr("Terminar auditoría"))
        self.report_button.setText(self.tr("Informe PDF"))
        self.audits_model.set_columns(self._audit_columns())
        self.items_model.set_columns(self._item_columns())
        self._show_audit()

    def _pct(self, value: float | None) -> str:
        return "—" if value is None else f"{locale().toString(value, 'f', 2)} %"

    # -- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        ctx = self.host.session.context()
        self.host.tasks.run(partial(audits.list_templates, ctx), self._templates_loaded)
        self.host.tasks.run(partial(audits.list_audits, ctx), self._audits_loaded)
        if self.view is not None and self.stack.currentIndex() == 1:
            self.host.tasks.run(partial(audits.load_audit, ctx, self.view.id), self._loaded)

    def shutdown(self) -> None:
        if self.photo_dialog is not None:
            self.photo_dialog.reject()
            self.photo_dialog = None
        # Answers still queued are written now, after the one running: none is lost.
        self.host.tasks.wait()
        while self._writes:
            fn, _ = self._writes.popleft()
            try:
                fn()
            except Exception:  # a refusal: the auditor sees the state when coming back
                self._writes.clear()

    def _templates_loaded(self, templates: list[TemplateView]) -> None:
        self.templates = templates
        chosen = self.template.currentData()
        self.template.clear()
        for t in templates:
            self.template.addItem(f"{t.standard} · {t.title}", str(t.id))
        index = self.template.findData(chosen)
        self.template.setCurrentIndex(max(0, index))
        self.start_button.setEnabled(bool(templates))

    def _audits_loaded(self, rows: list[AuditRow]) -> None:
        self.audits_model.set_rows(rows)
        self.empty.setVisible(not rows)

    def start_audit(self) -> None:
        data = self.template.currentData()
        if not isinstance(data, str):
            return
        template_id = uuid.UUID(data)
        self.start_button.setEnabled(False)
        self.host.tasks.run(
            partial(audits.start_audit, self.host.session.context(), template_id),
            self._started,
            self._list_failed,
        )

    def _started(self, view: AuditView) -> None:
        self.start_button.setEnabled(True)
        self.open_view(view)
        self.host.refresh()

    def _list_failed(self, error: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.list_message.setText(self._error_text(error))
        self.list_message.setStyleSheet("color: #b00000; font-weight: bold;")

    def _audit_chosen(self, index: QModelIndex) -> None:
        row = self.audits_model.row(index.row())
        self.open_audit(row.id)

    def open_audit(self, audit_id: uuid.UUID) -> None:
        self.host.tasks.run(
            partial(audits.load_audit, self.host.session.context(), audit_id),
            self.open_view,
            self._list_failed,
        )

    def open_view(self, view: AuditView) -> None:
        self.view = view
        self.current_key = next(
            (i.key for i in view.items if i.result is None),
            view.items[0].key if view.items else None,
        )
        self.message.clear()
        self.stack.setCurrentIndex(1)
        self._show_audit()

    def show_list(self) -> None:
        self._save_note_if_edited()
        self.stack.setCurrentIndex(0)
        self.view = None
        self.refresh()

    def _loaded(self, view: AuditView) -> None:
        if self.view is not None and view.id == self.view.id:
            self.view = view
            self._show_audit()

    # -- showing -----------------------------------------------------------------------------

    def current_item(self) -> AuditItemView | None:
        if self.view is None:
            return None
        return next((i for i in self.view.items if i.key == self.current_key), None)

    def _show_audit(self) -> None:
        view = self.view
        if view is None:
            return
        lang = current_language()
        self.audit_title.setText(f"{view.standard} · {view.title}")
        s = view.score
        weighted = self.tr(" (ponderado)") if view.weighted else ""
        self.score_label.setText(
            self.tr(
                "Puntaje{weighted}: {score} · Cumple {passed} · No cumple {failed} · "
                "No aplica {na} · Faltan {left} · {status}"
            ).format(
                weighted=weighted,
                score=self._pct(s.score),
                passed=s.passed,
                failed=s.failed,
                na=s.not_applicable,
                left=s.unanswered,
                status=label(view.status, lang),
            )
        )
        self.items_model.set_rows(view.items)
        rows = [i.key for i in view.items]
        if self.current_key in rows:
            row = rows.index(self.current_key)
            self.items_table.selectRow(row)
            self.items_table.scrollTo(self.items_model.index(row, 0))
        self._show_item()
        editable = view.status is AuditStatus.IN_PROGRESS
        self.complete_button.setVisible(editable)
        if view.completed and view.tickets:
            self.message.setStyleSheet("color: #000000;")
            self.message.setText(
                self.tr("Órdenes correctivas abiertas: {numbers}").format(
                    numbers=", ".join(t.number for t in view.tickets)
                )
            )

    def _show_item(self) -> None:
        item = self.current_item()
        view = self.view
        self._loading = True
        try:
            editable = view is not None and view.status is AuditStatus.IN_PROGRESS
            self.editor.setEnabled(item is not None and editable)
            if item is None:
                self.item_clause.clear()
                self.item_text.clear()
                return
            place = f"{item.clause} · {item.section}"
            if view is not None and view.weighted:
                place += " · " + self.tr("peso {weight}").format(
                    weight=locale().toString(item.weight, "g", 3)
                )
            self.item_clause.setText(place)
            self.item_text.setText(item.text)
            self.result_group.setExclusive(False)
            for result, button in self.result_buttons.items():
                button.setChecked(item.result is result)
            self.result_group.setExclusive(True)
            self.note.setPlainText(item.note)
            self._note_dirty = False
            failed = item.result is AuditResult.FAIL
            self.finding_box.setVisible(failed)
            if item.severity is not None:
                self.severity.setCurrentIndex(self.severity.findData(item.severity))
            self.open_ticket.setChecked(item.open_ticket)
            self._show_photos(item)
            self.photo_button.setEnabled(len(item.photos) < MAX_PHOTOS_PER_ITEM)
        finally:
            self._loading = False

    def _show_photos(self, item: AuditItemView) -> None:
        while self.photos_row.count():
            taken = self.photos_row.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        blobs = self.host.session.store.blobs
        for sha in item.photos:
            thumb = QLabel()
            thumb.setFixedSize(72, 54)
            pixmap = QPixmap()
            try:
                pixmap.loadFromData(blobs.read(sha))
            except Exception:  # a photo not on this device (taken elsewhere, not downloaded)
                thumb.setText("…")
            if not pixmap.isNull():
                thumb.setPixmap(
                    pixmap.scaled(
                        72,
                        54,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            self.photos_row.addWidget(thumb)
        self.photo_count.setText(
            self.tr("{count} fotos").format(count=len(item.photos)) if item.photos else ""
        )

    # -- answering ---------------------------------------------------------------------------

    def _item_clicked(self, index: QModelIndex) -> None:
        self.select_item(self.items_model.row(index.row()).key)

    def select_item(self, key: str) -> None:
        self._save_note_if_edited()
        self.current_key = key
        self.saved_label.clear()
        keys = [i.key for i in self.items_model.rows()]
        if key in keys:
            self.items_table.selectRow(keys.index(key))
            self.items_table.scrollTo(self.items_model.index(keys.index(key), 0))
        self._show_item()

    def _note_edited(self) -> None:
        if not self._loading:
            self._note_dirty = True

    def _save_note_if_edited(self) -> None:
        item = self.current_item()
        if getattr(self, "_note_dirty", False) and item is not None and item.result is not None:
            self.save(item.result)
        self._note_dirty = False

    def choose_result(self, result: AuditResult, *_: Any) -> None:
        """A result button: saved at once (with the note and photos as they are)."""
        self.finding_box.setVisible(result is AuditResult.FAIL)
        self.save(result)

    def _finding_changed(self, *_: Any) -> None:
        item = self.current_item()
        if not self._loading and item is not None and item.result is AuditResult.FAIL:
            self.save(AuditResult.FAIL)

    def save(self, result: AuditResult | None, photos: tuple[str, ...] | None = None) -> None:
        item, view = self.current_item(), self.view
        if item is None or view is None:
            return
        failed = result is AuditResult.FAIL
        severity = self.severity.currentData() if failed else None
        self._note_dirty = False
        self.write(
            partial(
                audits.answer_item,
                self.host.session.context(),
                view.id,
                item.key,
                result,
                self.note.toPlainText(),
                item.photos if photos is None else photos,
                severity,
                failed and self.open_ticket.isChecked(),
            ),
            self._saved,
        )

    def write(self, fn: Callable[[], Any], on_success: Callable[[Any], None]) -> None:
        """Queue a write; writes run one at a time off the GUI thread, in order (an answer
        typed just before "complete" is saved before the audit is completed)."""
        self._writes.append((fn, on_success))
        self._next_write()

    def _next_write(self) -> None:
        if self._writing or not self._writes or self.host.tasks.closed:
            return
        fn, on_success = self._writes.popleft()
        self._writing = True
        self.host.tasks.run(fn, partial(self._write_done, on_success), partial(self._write_failed))

    def _write_done(self, on_success: Callable[[Any], None], result: Any) -> None:
        self._writing = False
        on_success(result)
        self._next_write()

    def _write_failed(self, error: BaseException) -> None:
        self._writing = False
        self._writes.clear()  # what followed a refused write would act on a wrong state
        self._failed(error)

    def save_and_next(self) -> None:
        item = self.current_item()
        if item is None or self.view is None:
            return
        checked = next((r for r, b in self.result_buttons.items() if b.isChecked()), None)
        if checked is None:
            self._say(self.tr("Elija Cumple, No cumple o No aplica."), error=True)
            return
        self.save(checked)
        keys = [i.key for i in self.view.items]
        following = keys[keys.index(item.key) + 1 :] + keys
        pending = {i.key for i in self.view.items if i.result is None} - {item.key}
        self.current_key = next((k for k in following if k in pending), item.key)

    def _saved(self, view: AuditView) -> None:
        if self.view is None or view.id != self.view.id:
            return
        self.view = view
        self.saved_label.setText(self.tr("Guardado en el equipo"))
        self.message.clear()
        self._show_audit()

    def _failed(self, error: BaseException) -> None:
        self._say(self._error_text(error), error=True)
        if self.view is not None:
            self.host.tasks.run(
                partial(audits.load_audit, self.host.session.context(), self.view.id),
                self._loaded,
            )

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, RuleViolation):
            return " ".join(error.decision.messages(current_language()))
        return self.tr("No se pudo guardar: {error}").format(error=error)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(
            "color: #b00000; font-weight: bold;" if error else "color: #1b5e20; font-weight: bold;"
        )
        self.message.setText(text)

    # -- photos ------------------------------------------------------------------------------

    def open_camera(self) -> PhotoDialog | None:
        item = self.current_item()
        if item is None:
            return None
        if item.result is None:
            self._say(self.tr("Responda el ítem antes de adjuntar fotos."), error=True)
            return None
        dialog = PhotoDialog(
            self.host.settings.camera_spec(),
            self.host.session.user_id,
            f"{item.clause} · {item.text}",
            self,
        )
        dialog.taken.connect(self._photo_taken)
        dialog.finished.connect(self._photo_dialog_closed)
        self.photo_dialog = dialog
        dialog.open()
        return dialog

    def _photo_dialog_closed(self, *_: Any) -> None:
        if self.photo_dialog is not None:
            self.photo_dialog.deleteLater()
        self.photo_dialog = None

    def _photo_taken(self, jpeg: bytes) -> None:
        key = self.current_key
        self.write(
            partial(audits.store_photo, self.host.session.context(), jpeg),
            partial(self._photo_stored, key),
        )

    def _photo_stored(self, key: str | None, sha: str) -> None:
        """Attach the stored photo to the item it was taken for (even if the auditor has
        moved on to another item meanwhile)."""
        view = self.view
        item = next((i for i in view.items if i.key == key), None) if view else None
        if view is None or item is None or item.result is None or sha in item.photos:
            return
        if key == self.current_key:
            self.save(item.result, (*item.photos, sha))
            return
        self.write(
            partial(
                audits.answer_item,
                self.host.session.context(),
                view.id,
                item.key,
                item.result,
                item.note,
                (*item.photos, sha),
                item.severity,
                item.open_ticket,
            ),
            self._saved,
        )

    # -- completing --------------------------------------------------------------------------

    def complete(self) -> None:
        view = self.view
        if view is None:
            return
        self._save_note_if_edited()
        self.write(
            partial(audits.complete_audit, self.host.session.context(), view.id),
            self._completed,
        )

    def _completed(self, view: AuditView) -> None:
        self.view = view
        self._show_audit()
        if not view.tickets:
            self._say(
                self.tr(
                    "Auditoría terminada con puntaje {score}. Se enviará al sincronizar."
                ).format(score=self._pct(view.score.score))
            )
        self.host.refresh()

    def write_report(self) -> None:
        view = self.view
        if view is None:
            return
        self.host.tasks.run(
            partial(
                audits.write_report,
                self.host.session.context(),
                view.id,
                self.host.data_dir / "reports",
                current_language(),
            ),
            self._report_written,
            self._failed,
        )

    def _report_written(self, path: Path) -> None:
        self.last_report = path
        self._say(self.tr("Informe guardado en {path}").format(path=path))
