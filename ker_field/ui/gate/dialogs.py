"""Gate dialogs: the NDA with an on-screen signature pad, a walk-in's manual entry, and the
gate anomalies the server found after sync."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.enums import AccessType
from ker_field.domain.labels import label
from ker_field.domain.rules.rut import check_rut, normalize_rut
from ker_field.services.visitors import AnomalyView, Expected, NdaDocument, WalkIn
from ker_field.ui.i18n import current_language


class SignaturePad(QWidget):
    """Draw with a finger, stylus or mouse; ``png()`` gives the strokes as a PNG image."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setMinimumSize(360, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self._strokes: list[QPainterPath] = []

    @property
    def empty(self) -> bool:
        return not any(path.length() > 8 for path in self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self.update()

    def draw(self, points: list[tuple[float, float]]) -> None:
        """A stroke through ``points`` (widget coordinates): what a finger does."""
        if not points:
            return
        path = QPainterPath(QPointF(*points[0]))
        for x, y in points[1:]:
            path.lineTo(x, y)
        self._strokes.append(path)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._strokes.append(QPainterPath(event.position()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._strokes:
            self._strokes[-1].lineTo(event.position())
            self.update()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(Qt.GlobalColor.black, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        )
        for path in self._strokes:
            painter.drawPath(path)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(Qt.GlobalColor.darkGray, 2, Qt.PenStyle.DashLine))
        painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        baseline = self.height() - 30
        painter.drawLine(20, baseline, self.width() - 20, baseline)
        self._paint(painter)
        painter.end()

    def png(self) -> bytes:
        image = QImage(self.size(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        self._paint(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())


class NdaDialog(QDialog):
    """The versioned NDA text, the signer's name and RUT, and the signature pad."""

    def __init__(
        self, document: NdaDocument, name: str, rut: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ndaDialog")
        self.setWindowTitle(self.tr("Acuerdo de confidencialidad"))
        self.document = document
        self.text = QTextBrowser()
        self.text.setPlainText(document.text)
        self.version = QLabel(
            self.tr("Versión {version} · huella {sha}").format(
                version=document.version, sha=document.sha256[:12]
            )
        )
        self.name = QLineEdit(name)
        self.rut = QLineEdit(rut or "")
        self.pad = SignaturePad()
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Nombre"), self.name)
        form.addRow(self.tr("RUT"), self.rut)
        self.clear_button = QPushButton(self.tr("Borrar firma"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.sign_button = QPushButton(self.tr("Firmar y aceptar"))
        self.sign_button.setObjectName("primary")
        self.sign_button.clicked.connect(self._sign)
        cancel = QPushButton(self.tr("Cancelar"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.version)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Firme dentro del recuadro:")))
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _sign(self) -> None:
        if not self.name.text().strip():
            self.message.setText(self.tr("Escriba el nombre de quien firma."))
            return
        rut = self.rut.text().strip()
        if rut and not check_rut(rut).allowed:
            self.message.setText(" ".join(check_rut(rut).messages(current_language())))
            return
        if self.pad.empty:
            self.message.setText(self.tr("Falta la firma."))
            return
        self.accept()

    def signer_rut(self) -> str | None:
        rut = self.rut.text().strip()
        return normalize_rut(rut) if rut else None


class WalkInDialog(QDialog):
    """A guard's manual entry: name, RUT (checked as typed), company, access type, host,
    and the ID photo where the site asks for one. ``submitted(WalkIn)`` asks the gate to let
    the person in; the dialog stays open with the reason when the rules refuse."""

    submitted = Signal(object)

    def __init__(
        self,
        hosts: dict[uuid.UUID, str],
        needs_photo: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self.setWindowTitle(self.tr("Visita sin invitación"))
        self.setMinimumWidth(600)
        self.needs_photo = needs_photo
        self.photo_sha256: str | None = None
        self.name = QLineEdit()
        self.rut = QLineEdit()
        self.rut.setPlaceholderText("12.345.678-5")
        self.rut.textChanged.connect(self._rut_changed)
        self.rut_state = QLabel()
        self.company = QLineEdit()
        self.kind = QComboBox()
        lang = current_language()
        for kind in (
            AccessType.CONTRACTOR,
            AccessType.DELIVERY,
            AccessType.VISITOR,
            AccessType.EMPLOYEE,
        ):
            self.kind.addItem(label(kind, lang), kind)
        self.host = QComboBox()
        self.host.addItem(self.tr("(sin anfitrión)"), None)
        for user_id, name in sorted(hosts.items(), key=lambda item: item[1]):
            self.host.addItem(name, user_id)
        self.photo_button = QPushButton(self.tr("Foto del documento"))
        self.photo_button.setVisible(needs_photo)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Nombre"), self.name)
        form.addRow(self.tr("RUT"), self.rut)
        form.addRow("", self.rut_state)
        form.addRow(self.tr("Empresa"), self.company)
        form.addRow(self.tr("Tipo de acceso"), self.kind)
        form.addRow(self.tr("Anfitrión"), self.host)
        self.admit_button = QPushButton(self.tr("Registrar entrada"))
        self.admit_button.setObjectName("primary")
        self.admit_button.clicked.connect(self._admit)
        cancel = QPushButton(self.tr("Cancelar"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.photo_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.admit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _rut_changed(self, text: str) -> None:
        if not text.strip():
            self.rut_state.clear()
            return
        ok = check_rut(text).allowed
        self.rut_state.setText(self.tr("RUT válido") if ok else self.tr("RUT no válido"))
        self.rut_state.setStyleSheet("color: #1b7f3b;" if ok else "color: #b00000;")

    def walk_in(self) -> WalkIn:
        return WalkIn(
            name=self.name.text().strip(),
            rut=self.rut.text().strip(),
            company=self.company.text().strip() or None,
            access_type=self.kind.currentData(),
            host_user_id=self.host.currentData(),
            id_photo_sha256=self.photo_sha256,
        )

    def _admit(self) -> None:
        decision = check_rut(self.rut.text().strip())
        if not decision.allowed:
            self.message.setText(" ".join(decision.messages(current_language())))
            return
        self.message.clear()
        self.admit_button.setEnabled(False)
        self.submitted.emit(self.walk_in())

    def show_refusal(self, text: str) -> None:
        self.admit_button.setEnabled(True)
        self.message.setText(text)


class AnomaliesDialog(QDialog):
    """What the server flagged at this gate after sync; a guard writes what they checked."""

    def __init__(self, anomalies: list[AnomalyView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("anomaliesDialog")
        self.setWindowTitle(self.tr("Anomalías de portería"))
        self.setMinimumWidth(640)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for anomaly in anomalies:
            text = self.tr(
                "Doble ingreso: {name} entró por {gates} con la misma invitación sin salida "
                "entre ambos ingresos ({time})."
            ).format(
                name=anomaly.person_name,
                gates=anomaly.gates,
                time=anomaly.detected_at.astimezone().strftime("%d-%m-%Y %H:%M"),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, anomaly.id)
            self.list.addItem(item)
        if anomalies:
            self.list.setCurrentRow(0)
        self.resolution = QPlainTextEdit()
        self.resolution.setPlaceholderText(
            self.tr("Qué comprobó (p. ej.: eran dos vehículos de la misma empresa)")
        )
        self.resolution.setMaximumHeight(110)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.resolve_button = QPushButton(self.tr("Marcar revisada"))
        self.resolve_button.setObjectName("primary")
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.resolution)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def selected(self) -> uuid.UUID | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, uuid.UUID) else None


class ExpectedDialog(QDialog):
    """Invited people who may arrive now: the guard lets one in from the list when there is
    no code to scan (a phone with a dead battery, a printed code that will not read)."""

    def __init__(self, expected: list[Expected], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("expectedDialog")
        self.setWindowTitle(self.tr("Esperados ahora"))
        self.setMinimumWidth(640)
        lang = current_language()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for row in expected:
            when = (
                row.expected_arrival.astimezone().strftime("%H:%M") if row.expected_arrival else "—"
            )
            text = self.tr("{time} · {name} ({company}) · {kind} · visita a {host}").format(
                time=when,
                name=row.name,
                company=row.company or "—",
                kind=label(row.access_type, lang),
                host=row.host_name or "—",
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.invite_id)
            item.setSizeHint(item.sizeHint().expandedTo(QSize(0, 48)))
            self.list.addItem(item)
        if expected:
            self.list.setCurrentRow(0)
        self.empty = QLabel(self.tr("No hay invitaciones vigentes por llegar."))
        self.empty.setObjectName("empty")
        self.empty.setVisible(not expected)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.admit_button = QPushButton(self.tr("Dejar pasar"))
        self.admit_button.setObjectName("primary")
        self.admit_button.setEnabled(bool(expected))
        close = QPushButton(self.tr("Cerrar"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.admit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def selected(self) -> uuid.UUID | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, uuid.UUID) else None
