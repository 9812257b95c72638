"""Dialogs of the permit journey: the co-signed approval (another supervisor's username and
password on this tablet), closing with the equipment's hand-back state, and a rejection
with its reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.enums import EquipmentHandback
from ker_field.services.permits import PermitView
from ker_field.ui.i18n import current_language
from ker_field.ui.permits.words import level_text


def _buttons(ok: QPushButton, cancel: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(ok)
    return row


class CosignDialog(QDialog):
    """``submitted(username, password)``; the page verifies off the GUI thread and either
    closes the dialog or shows the refusal in ``message``."""

    submitted = Signal(str, str)

    def __init__(self, permit: PermitView, session_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cosignDialog")
        self.setModal(True)
        self.setWindowTitle(self.tr("Aprobación con firma de supervisor"))
        self.setMinimumWidth(560)
        title = QLabel(self.tr("Firma de otro supervisor en este equipo"))
        title.setObjectName("subtitle")
        title.setWordWrap(True)
        lang = current_language()
        explain = QLabel(
            self.tr(
                "Permiso {ticket} · riesgo {level}. Un supervisor distinto de quien lo solicitó"
                " ({requester}) escribe aquí su usuario y contraseña. Quedará registrado como"
                " aprobado por esa persona en el equipo de {session}."
            ).format(
                ticket=permit.ticket_number,
                level=level_text(permit.risk_level, lang),
                requester=permit.requested_by_name,
                session=session_name,
            )
        )
        explain.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("cosignUsername")
        self.username.setPlaceholderText(self.tr("Usuario del supervisor"))
        self.password = QLineEdit()
        self.password.setObjectName("cosignPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Contraseña"))
        self.password.returnPressed.connect(self._submit)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.sign_button = QPushButton(self.tr("Firmar y aprobar"))
        self.sign_button.setObjectName("primary")
        self.sign_button.clicked.connect(self._submit)
        self.cancel_button = QPushButton(self.tr("Cancelar"))
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for widget in (title, explain, self.username, self.password, self.message):
            layout.addWidget(widget)
        layout.addLayout(_buttons(self.sign_button, self.cancel_button))

    def set_busy(self, busy: bool) -> None:
        self.sign_button.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("Verificando…"))

    def refused(self, text: str) -> None:
        self.set_busy(False)
        self.message.setText(text)
        self.password.clear()
        self.password.setFocus()

    @Slot()
    def _submit(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            self.message.setText(self.tr("Escriba usuario y contraseña."))
            return
        self.set_busy(True)
        self.submitted.emit(self.username.text().strip(), self.password.text())


class HandbackDialog(QDialog):
    """How the equipment is handed back when a started permit closes."""

    def __init__(self, permit: PermitView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handbackDialog")
        self.setModal(True)
        self.setWindowTitle(self.tr("Cerrar permiso"))
        self.setMinimumWidth(560)
        title = QLabel(
            self.tr("¿En qué estado se entrega el equipo de {ticket}?").format(
                ticket=permit.ticket_number
            )
        )
        title.setObjectName("subtitle")
        title.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.choices: dict[EquipmentHandback, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        texts = {
            EquipmentHandback.RETURNED_TO_SERVICE: self.tr(
                "Devuelto a operación (probado, protecciones puestas)"
            ),
            EquipmentHandback.REMAINS_ISOLATED: self.tr(
                "Sigue aislado (trabajo pendiente, bloqueos en su lugar)"
            ),
            EquipmentHandback.OUT_OF_SERVICE: self.tr("Fuera de servicio (falla, etiquetado)"),
        }
        for state, text in texts.items():
            button = QPushButton(text)
            button.setObjectName(f"handback_{state.value}")
            button.setCheckable(True)
            button.setStyleSheet("QPushButton:checked { background: #0b5394; color: #ffffff; }")
            self.group.addButton(button)
            self.choices[state] = button
            layout.addWidget(button)
        self.note = QLineEdit()
        self.note.setObjectName("handbackNote")
        self.note.setPlaceholderText(self.tr("Observación (opcional)"))
        layout.addWidget(self.note)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.ok_button = QPushButton(self.tr("Cerrar permiso"))
        self.ok_button.setObjectName("primary")
        self.ok_button.clicked.connect(self._accept)
        cancel = QPushButton(self.tr("Cancelar"))
        cancel.clicked.connect(self.reject)
        layout.addLayout(_buttons(self.ok_button, cancel))

    def state(self) -> EquipmentHandback | None:
        for state, button in self.choices.items():
            if button.isChecked():
                return state
        return None

    @Slot()
    def _accept(self) -> None:
        if self.state() is None:
            self.message.setText(self.tr("Elija el estado en que queda el equipo."))
            return
        self.accept()


class ReasonDialog(QDialog):
    """A rejection's reason."""

    def __init__(self, permit: PermitView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rejectDialog")
        self.setModal(True)
        self.setWindowTitle(self.tr("Rechazar permiso"))
        self.setMinimumWidth(520)
        title = QLabel(
            self.tr("¿Por qué se rechaza el permiso de {ticket}?").format(
                ticket=permit.ticket_number
            )
        )
        title.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("rejectReason")
        self.message = QLabel()
        self.message.setObjectName("error")
        ok = QPushButton(self.tr("Rechazar"))
        ok.setObjectName("danger")
        ok.clicked.connect(self._accept)
        cancel = QPushButton(self.tr("Cancelar"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for widget in (title, self.reason, self.message):
            layout.addWidget(widget)
        layout.addLayout(_buttons(ok, cancel))
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    @Slot()
    def _accept(self) -> None:
        if not self.reason.text().strip():
            self.message.setText(self.tr("Escriba el motivo."))
            return
        self.accept()
