"""A certificate on the device: its facts, the verification QR code (opens the server's
public page) and the PDF the server issued, viewable offline."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ker_field.domain.enums import TrainingStatus
from ker_field.services import training
from ker_field.store.blobs import BlobStore
from ker_field.ui.models import show
from ker_field.ui.training.content import PdfPane


def qr_pixmap(text: str, scale: int = 5) -> QPixmap:
    buffer = io.BytesIO()
    segno.make_qr(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class CertificatePane(QWidget):
    """Emits ``closed`` and ``fetch_requested(number)`` (bring the PDF when online)."""

    closed = Signal()
    fetch_requested = Signal(str)

    def __init__(self, blobs: BlobStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blobs = blobs
        self.certificate: training.CertificateView | None = None
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.closed)
        self.title = QLabel()
        self.title.setObjectName("subtitle")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_hint = QLabel()
        self.qr_hint.setWordWrap(True)
        self.qr_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fetch_button = QPushButton()
        self.fetch_button.setObjectName("primary")
        self.fetch_button.clicked.connect(self._fetch)
        self.pdf = PdfPane()
        self.missing = QLabel()
        self.missing.setObjectName("empty")
        self.missing.setWordWrap(True)

        side = QVBoxLayout()
        side.addWidget(self.facts)
        side.addWidget(self.state)
        side.addWidget(self.qr)
        side.addWidget(self.qr_hint)
        side.addWidget(self.fetch_button)
        side.addStretch(1)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setMaximumWidth(420)
        body = QHBoxLayout()
        body.addWidget(side_box)
        right = QVBoxLayout()
        right.addWidget(self.missing)
        right.addWidget(self.pdf, 1)
        body.addLayout(right, 1)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Volver"))
        self.fetch_button.setText(self.tr("Descargar certificado"))
        self.qr_hint.setText(self.tr("Escanee el código para verificar el certificado."))
        if self.certificate is not None:
            self.show_certificate(self.certificate)

    def show_certificate(self, cert: training.CertificateView) -> None:
        self.certificate = cert
        self.title.setText(self.tr("Certificado {number}").format(number=cert.number))
        self.facts.setText(
            self.tr("{person}\n{module}\nEmitido: {issued}\nVence: {expires}").format(
                person=cert.person,
                module=cert.module_title,
                issued=show(cert.issued_at),
                expires=show(cert.expires_at),
            )
        )
        expired = cert.status is not TrainingStatus.PASSED
        self.state.setObjectName("error" if expired else "")
        self.state.setStyleSheet("" if expired else "color: #1b5e20; font-weight: bold;")
        self.state.setText(
            self.tr("VENCIDO: no habilita bloqueos en esta categoría.")
            if expired
            else self.tr("VIGENTE")
        )
        if cert.verify_url:
            self.qr.setPixmap(qr_pixmap(cert.verify_url))
            self.qr.show()
            self.qr_hint.show()
        else:
            self.qr.hide()
            self.qr_hint.hide()
        if cert.pdf_sha256 and self.blobs.exists(cert.pdf_sha256):
            self.missing.hide()
            self.fetch_button.hide()
            self.pdf.show()
            self.pdf.load(self.blobs.path(cert.pdf_sha256))
        else:
            self.pdf.hide()
            self.missing.setText(
                self.tr(
                    "El PDF del certificado aún no está en este equipo: se descarga con la "
                    "próxima conexión."
                )
            )
            self.missing.show()
            self.fetch_button.show()

    def _fetch(self) -> None:
        if self.certificate is not None:
            self.fetch_requested.emit(self.certificate.number)
