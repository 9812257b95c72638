"""Drafting a permit from a ticket: hazards, controls, the risk on the tenant's matrix
(tap a cell), the validity window; ``submitted(PermitDraft)`` when complete."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.enums import PermitHazard, RiskLevel
from ker_field.domain.rules.permits import needs_independent_approval
from ker_field.services.permits import MatrixView, TicketOption
from ker_field.ui.i18n import current_language
from ker_field.ui.permits.matrix import LEVEL_COLORS, RiskMatrixGrid
from ker_field.ui.permits.words import hazard_text, level_text

FORM_STYLE = """
QCheckBox { min-height: 44px; spacing: 10px; }
QCheckBox::indicator { width: 28px; height: 28px; }
QDateTimeEdit { min-height: 44px; padding: 2px 8px; border: 2px solid #000000;
                border-radius: 6px; }
QLabel#level { padding: 6px 10px; border-radius: 6px; font-weight: bold; }
"""


@dataclass(frozen=True)
class PermitDraft:
    ticket_id: uuid.UUID
    hazards: tuple[PermitHazard, ...]
    controls: str
    risk_assessment: str
    likelihood: int
    severity: int
    valid_from: datetime
    valid_to: datetime


def to_qt(when: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp()))


def from_qt(when: QDateTime) -> datetime:
    return datetime.fromtimestamp(when.toSecsSinceEpoch(), UTC)


class PermitForm(QWidget):
    submitted = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("permitForm")
        self.setStyleSheet(FORM_STYLE)
        self._matrix: MatrixView | None = None
        self._tickets: list[TicketOption] = []

        self.title = QLabel()
        self.title.setObjectName("subtitle")
        self.ticket = QComboBox()
        self.ticket.setObjectName("ticket")
        self.ticket.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.ticket.setMinimumContentsLength(18)
        self.ticket.currentIndexChanged.connect(self._ticket_chosen)
        self.hazard_boxes: dict[PermitHazard, QCheckBox] = {}
        hazards = QGridLayout()
        hazards.setHorizontalSpacing(16)
        for n, hazard in enumerate(PermitHazard):
            box = QCheckBox()
            box.setObjectName(f"hazard_{hazard.value}")
            self.hazard_boxes[hazard] = box
            hazards.addWidget(box, n // 2, n % 2)
        self.controls = QPlainTextEdit()
        self.controls.setObjectName("controls")
        self.controls.setMinimumHeight(88)
        self.assessment = QPlainTextEdit()
        self.assessment.setObjectName("assessment")
        self.assessment.setMinimumHeight(88)
        self.valid_from = QDateTimeEdit()
        self.valid_to = QDateTimeEdit()
        for edit in (self.valid_from, self.valid_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.matrix = RiskMatrixGrid()
        self.matrix.chosen.connect(self._cell_chosen)
        self.level = QLabel()
        self.level.setObjectName("level")
        self.level.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("primary")
        self.submit_button.clicked.connect(self._submit)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancelled)

        self.fields = QFormLayout()
        self.fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.ticket_label, self.hazards_label = QLabel(), QLabel()
        self.controls_label, self.assessment_label = QLabel(), QLabel()
        self.from_label, self.to_label = QLabel(), QLabel()
        self.fields.addRow(self.ticket_label, self.ticket)
        self.fields.addRow(self.hazards_label)
        self.fields.addRow(hazards)
        self.fields.addRow(self.controls_label)
        self.fields.addRow(self.controls)
        self.fields.addRow(self.assessment_label)
        self.fields.addRow(self.assessment)
        self.fields.addRow(self.from_label, self.valid_from)
        self.fields.addRow(self.to_label, self.valid_to)
        left = QWidget()
        left.setLayout(self.fields)
        self.matrix_title = QLabel()
        self.matrix_title.setObjectName("subtitle")
        right = QVBoxLayout()
        right.addWidget(self.matrix_title)
        right.addWidget(self.matrix)
        right.addWidget(self.level)
        right.addStretch(1)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.addWidget(left, 3)
        columns.addLayout(right, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit_button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)
        self.retranslate()

    # -- data -------------------------------------------------------------------------------

    def start(
        self,
        tickets: list[TicketOption],
        matrix: MatrixView | None,
        now: datetime,
        ticket_id: uuid.UUID | None = None,
    ) -> None:
        """A blank draft over ``tickets`` (optionally one chosen), rated on ``matrix``."""
        self._tickets, self._matrix = list(tickets), matrix
        if matrix is not None:
            self.matrix.set_matrix(matrix.cells)
        self.ticket.blockSignals(True)
        self.ticket.clear()
        for option in tickets:
            asset = f" · {option.asset_name}" if option.asset_name else ""
            self.ticket.addItem(f"{option.number} · {option.title}{asset}", str(option.id))
        self.ticket.blockSignals(False)
        for box in self.hazard_boxes.values():
            box.setChecked(False)
        self.controls.clear()
        self.assessment.clear()
        start = now.replace(second=0, microsecond=0)
        self.valid_from.setDateTime(to_qt(start))
        self.valid_to.setDateTime(to_qt(start + timedelta(hours=8)))
        self.message.clear()
        self.matrix.set_choice(None, None)
        index = self.ticket.findData(str(ticket_id)) if ticket_id is not None else 0
        self.ticket.setCurrentIndex(max(index, 0) if tickets else -1)
        self._ticket_chosen(self.ticket.currentIndex())

    def choose_ticket(self, ticket_id: uuid.UUID) -> None:
        self.ticket.setCurrentIndex(self.ticket.findData(str(ticket_id)))

    @Slot(int)
    def _ticket_chosen(self, index: int) -> None:
        if not (0 <= index < len(self._tickets)):
            self._show_level()
            return
        option = self._tickets[index]
        self.matrix.set_choice(option.likelihood, option.severity)
        self._show_level()

    @Slot(int, int)
    def _cell_chosen(self, likelihood: int, severity: int) -> None:
        self.message.clear()
        self._show_level()

    def chosen_level(self) -> RiskLevel | None:
        return self.matrix.chosen_level()

    def _show_level(self) -> None:
        choice, level = self.matrix.choice(), self.matrix.chosen_level()
        if choice is None or level is None:
            self.level.setText(self.tr("Toque una celda de la matriz para calificar el riesgo."))
            self.level.setStyleSheet("")
            return
        likelihood, severity = choice
        text = self.tr(
            "Riesgo {level} (probabilidad {likelihood} × severidad {severity} = {score})"
        ).format(
            level=level_text(level, current_language()),
            likelihood=likelihood,
            severity=severity,
            score=likelihood * severity,
        )
        if needs_independent_approval(level):
            text += "\n" + self.tr("Requiere la aprobación de un supervisor distinto de usted.")
        background, color = LEVEL_COLORS[level]
        self.level.setText(text)
        self.level.setStyleSheet(f"background: {background}; color: {color};")

    @Slot()
    def _submit(self) -> None:
        draft, problem = self.draft()
        if draft is None:
            self.message.setText(problem)
            return
        self.message.clear()
        self.submitted.emit(draft)

    def draft(self) -> tuple[PermitDraft | None, str]:
        """The draft, or None and what is missing."""
        index = self.ticket.currentIndex()
        ticket = self._tickets[index].id if 0 <= index < len(self._tickets) else None
        hazards = tuple(h for h, box in self.hazard_boxes.items() if box.isChecked())
        controls = self.controls.toPlainText().strip()
        choice = self.matrix.choice()
        valid_from = from_qt(self.valid_from.dateTime())
        valid_to = from_qt(self.valid_to.dateTime())
        if not isinstance(ticket, uuid.UUID):
            return None, self.tr("Elija la orden de trabajo.")
        if not hazards:
            return None, self.tr("Marque al menos un peligro.")
        if not controls:
            return None, self.tr("Describa las medidas de control.")
        if choice is None:
            return None, self.tr("Toque una celda de la matriz para calificar el riesgo.")
        if valid_to <= valid_from:
            return None, self.tr("La vigencia debe terminar después de comenzar.")
        assessment = self.assessment.toPlainText().strip() or controls
        return (
            PermitDraft(
                ticket, hazards, controls, assessment, choice[0], choice[1], valid_from, valid_to
            ),
            "",
        )

    def set_busy(self, busy: bool) -> None:
        self.submit_button.setEnabled(not busy)

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Nuevo permiso de trabajo"))
        self.ticket_label.setText(self.tr("Orden de trabajo"))
        self.hazards_label.setText(self.tr("Peligros"))
        self.controls_label.setText(self.tr("Medidas de control"))
        self.assessment_label.setText(self.tr("Descripción del trabajo y del riesgo"))
        self.from_label.setText(self.tr("Válido desde"))
        self.to_label.setText(self.tr("Válido hasta"))
        self.matrix_title.setText(self.tr("Matriz de riesgo"))
        self.controls.setPlaceholderText(
            self.tr("Ej.: bloqueo y etiquetado, medición de ausencia de tensión, arnés")
        )
        for hazard, box in self.hazard_boxes.items():
            box.setText(hazard_text(hazard))
        self.submit_button.setText(self.tr("Enviar solicitud"))
        self.cancel_button.setText(self.tr("Cancelar"))
        self._show_level()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
