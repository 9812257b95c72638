"""Dialogs of the LOTO journey: removing a lock (normal or the supervisor's exception) and
typing a serial (group lockbox, personal lock)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

PhotoTaker = Callable[[Callable[[str], None]], None]

TOUCH = """
QCheckBox { min-height: 44px; spacing: 12px; }
QCheckBox::indicator { width: 32px; height: 32px; }
"""


class RemovalDialog(QDialog):
    """Remove one lock: a photo, the area clear, people notified; in the exception, the
    three facts of 1910.147(e)(3). ``confirmed(dict)`` carries what the service needs."""

    confirmed = Signal(object)

    def __init__(
        self,
        serial: str,
        point: str,
        exception: bool,
        take_photo: PhotoTaker,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lotoRemoval")
        self.setStyleSheet(TOUCH)
        self.setMinimumWidth(560)
        self.exception = exception
        self.photo_sha256: str | None = None
        self._take_photo = take_photo
        self.setWindowTitle(
            self.tr("Retiro por excepción") if exception else self.tr("Retirar candado")
        )
        heading = self.tr("Retiro por excepción") if exception else self.tr("Retirar candado")
        self.title = QLabel(
            self.tr("{heading}: candado {serial} · {point}").format(
                heading=heading, serial=serial, point=point
            )
        )
        self.title.setObjectName("subtitle")
        self.title.setWordWrap(True)
        self.rule = QLabel(
            self.tr(
                "Solo un supervisor, y solo si quien puso el candado no está en la instalación: "
                "deje registro de los tres hechos."
            )
            if exception
            else self.tr("Solo quien puso el candado puede retirarlo.")
        )
        self.rule.setWordWrap(True)
        self.photo_button = QPushButton(self.tr("Tomar foto"))
        self.photo_button.clicked.connect(self._photo)
        self.photo_state = QLabel(self.tr("Sin foto"))
        self.area_clear = QCheckBox(self.tr("El área está despejada (herramientas y personas)"))
        self.people_notified = QCheckBox(self.tr("Se avisó a las personas afectadas"))
        self.absent = QCheckBox(self.tr("Verifiqué que no está en la instalación"))
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(
            self.tr("Cómo se intentó contactarlo (teléfono, radio, hora)")
        )
        self.informed = QCheckBox(self.tr("Será informado antes de volver a su trabajo"))
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.ok_button = QPushButton(self.tr("Retirar candado"))
        self.ok_button.setObjectName("danger")
        self.ok_button.clicked.connect(self._confirm)
        self.cancel_button = QPushButton(self.tr("Cancelar"))
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.rule)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.photo_state, 1)
        layout.addLayout(photo_row)
        layout.addWidget(self.area_clear)
        layout.addWidget(self.people_notified)
        for widget in (self.absent, self.contact, self.informed):
            widget.setVisible(exception)
            layout.addWidget(widget)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)

    @Slot()
    def _photo(self) -> None:
        self._take_photo(self.set_photo)

    def set_photo(self, sha256: str) -> None:
        self.photo_sha256 = sha256
        self.photo_state.setText(self.tr("Foto ✔ {hash}").format(hash=sha256[:12]))

    def show_refusal(self, text: str) -> None:
        self.message.setText(text)

    def facts(self) -> dict[str, object]:
        facts: dict[str, object] = {
            "photo_sha256": self.photo_sha256,
            "area_clear": self.area_clear.isChecked(),
            "people_notified": self.people_notified.isChecked(),
        }
        if self.exception:
            facts.update(
                applier_absent_verified=self.absent.isChecked(),
                contact_attempt=self.contact.text(),
                applier_informed=self.informed.isChecked(),
            )
        return facts

    @Slot()
    def _confirm(self) -> None:
        self.message.clear()
        self.confirmed.emit(self.facts())


class SerialDialog(QDialog):
    """Type (or scan) a serial: the group lockbox's or a personal lock's."""

    confirmed = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lotoSerial")
        self.setWindowTitle(title)
        self.label = QLabel(title)
        self.label.setObjectName("subtitle")
        self.serial = QLineEdit()
        self.serial.setPlaceholderText(self.tr("N.º de serie del candado"))
        self.serial.setMaxLength(64)
        self.serial.returnPressed.connect(self._confirm)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.ok_button = QPushButton(self.tr("Aceptar"))
        self.ok_button.setObjectName("primary")
        self.ok_button.clicked.connect(self._confirm)
        self.cancel_button = QPushButton(self.tr("Cancelar"))
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.serial)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout.addLayout(buttons)

    def show_refusal(self, text: str) -> None:
        self.message.setText(text)

    @Slot()
    def _confirm(self) -> None:
        self.message.clear()
        self.confirmed.emit(self.serial.text())
