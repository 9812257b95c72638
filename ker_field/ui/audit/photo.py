"""A photo of an audit item: the live camera preview and a big shutter button."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ker_field.capture.frames import CaptureError
from ker_field.capture.photo import PhotoMeta
from ker_field.ui.camera import CameraView


class PhotoDialog(QDialog):
    """Shows the camera; ``taken(jpeg_bytes)`` when the auditor presses the shutter."""

    taken = Signal(bytes)

    def __init__(
        self,
        source_spec: str,
        taken_by: uuid.UUID,
        caption: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditPhotoDialog")
        self.setWindowTitle(self.tr("Foto del ítem"))
        self.taken_by = taken_by
        self.camera = CameraView(source_spec, scanning=False)
        self.camera.setMinimumSize(480, 300)
        self.camera.error.connect(self._camera_error)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("error")
        self.status.setWordWrap(True)
        self.shutter = QPushButton(self.tr("Tomar foto"))
        self.shutter.setObjectName("primary")
        self.shutter.clicked.connect(self.take)
        self.cancel = QPushButton(self.tr("Cancelar"))
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.shutter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.camera, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.camera.start()

    def take(self) -> None:
        try:
            photo = self.camera.take_photo(
                PhotoMeta(taken_by=self.taken_by, device_time=datetime.now(UTC))
            )
        except CaptureError:
            return  # the camera's error signal has put the reason on screen
        if photo is None:
            self.status.setText(self.tr("La cámara aún no entrega imagen: espere un momento."))
            return
        self.taken.emit(photo.jpeg)
        self.accept()

    def _camera_error(self, message: str) -> None:
        self.status.setText(message)

    def done(self, result: int) -> None:
        self.camera.stop()
        super().done(result)
