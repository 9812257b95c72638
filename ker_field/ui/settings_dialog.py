"""The settings screen: one editor per declared setting; the data folder shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ker_field.settings import DECLARED, LANGUAGES, QR_BACKENDS, Settings

LANGUAGE_NAMES = {"es": "Español (Chile)", "en": "English"}  # each in its own language
QR_BACKEND_NAMES = {"zxing": "zxing-cpp", "pyzbar": "pyzbar (libzbar)"}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self.setMinimumWidth(720)  # fits 1024x600 with room for a URL and a folder path
        self._settings = settings
        self.server_url = QLineEdit(settings.server_url)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(settings.language))
        self.camera = QSpinBox()
        spec = DECLARED["camera_device"]
        self.camera.setRange(spec.minimum or 0, spec.maximum or 9)
        self.camera.setValue(settings.camera_device)
        self.camera_source = QLineEdit(settings.camera_source)
        self.camera_source.setPlaceholderText("camera:0 · file:/ruta/video.mp4")
        self.qr_backend = QComboBox()
        for backend in QR_BACKENDS:
            self.qr_backend.addItem(QR_BACKEND_NAMES[backend], backend)
        self.qr_backend.setCurrentIndex(QR_BACKENDS.index(settings.qr_backend))
        self.lock_minutes = QSpinBox()
        spec = DECLARED["inactivity_lock_minutes"]
        self.lock_minutes.setRange(spec.minimum or 1, spec.maximum or 240)
        self.lock_minutes.setValue(settings.inactivity_lock_minutes)
        self.data_dir = QLabel(str(data_dir))
        self.data_dir.setWordWrap(True)
        self.data_dir.setObjectName("path")
        self.data_dir.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._labels = [QLabel() for _ in range(7)]
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for label, field in zip(
            self._labels,
            (
                self.server_url,
                self.language,
                self.camera,
                self.camera_source,
                self.qr_backend,
                self.lock_minutes,
                self.data_dir,
            ),
            strict=True,
        ):
            label.setWordWrap(True)
            label.setMinimumWidth(260)
            label.setMaximumWidth(300)
            form.addRow(label, field)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        self.heading = QLabel()
        self.heading.setObjectName("subtitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ajustes"))
        self.heading.setText(self.windowTitle())
        texts = [
            self.tr("Servidor"),
            self.tr("Idioma"),
            self.tr("Cámara (número)"),
            self.tr("Fuente de cámara (vacío: la cámara de arriba)"),
            self.tr("Lector de códigos QR"),
            self.tr("Bloquear tras inactividad (minutos)"),
            self.tr("Carpeta de datos"),
        ]
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.save_button.setText(self.tr("Guardar"))
        self.cancel_button.setText(self.tr("Cancelar"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def result_settings(self) -> Settings:
        """The edited settings (the server URL keeps its old value when left empty)."""
        url = self.server_url.text().strip() or self._settings.server_url
        return self._settings.with_(
            server_url=url,
            language=self.language.currentData(),
            camera_device=self.camera.value(),
            camera_source=self.camera_source.text().strip(),
            qr_backend=self.qr_backend.currentData(),
            inactivity_lock_minutes=self.lock_minutes.value(),
        )

    @Slot()
    def accept(self) -> None:
        super().accept()
