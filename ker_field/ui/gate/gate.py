"""The guard's gate: continuous scanning (camera, or a typed code as the touch fallback),
a verdict in large type with colour and sound, the NDA signature, walk-ins, anomalies."""

from __future__ import annotations

import time
import uuid
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.decision import RuleViolation
from ker_field.domain.enums import AccessDirection
from ker_field.domain.labels import label
from ker_field.services import retention
from ker_field.services import visitors as gate
from ker_field.services.visitors import NdaState, Outcome, Verdict, WalkIn
from ker_field.ui.gate.dialogs import AnomaliesDialog, ExpectedDialog, NdaDialog, WalkInDialog
from ker_field.ui.i18n import current_language
from ker_field.ui.journeys import JourneyHost

COLOURS = {
    "green": "#1b7f3b",
    "red": "#b3261e",
    "amber": "#a05a00",
    "idle": "#37474f",
}


class GatePage(QWidget):
    def __init__(self, host: JourneyHost) -> None:
        super().__init__()
        self.host = host
        self.verdict: Verdict | None = None
        self.hosts: dict[uuid.UUID, str] = {}
        self.needs_photo = False
        self.anomaly_count = 0
        self._retention_done = False
        self.camera: Any = None
        self.repeat_window_s = 5.0
        self.dialog: QDialog | None = None  # the last dialog opened (tests, screenshots)
        self._verdict_at: dict[str, float] = {}

        self.entry_button = QPushButton()
        self.exit_button = QPushButton()
        self.direction = QButtonGroup(self)
        for n, button in enumerate((self.entry_button, self.exit_button)):
            button.setCheckable(True)
            button.setMinimumHeight(56)
            self.direction.addButton(button, n)
        self.entry_button.setChecked(True)
        self.walk_in_button = QPushButton()
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.expected_button = QPushButton()
        self.expected_button.clicked.connect(self.open_expected)
        self.anomaly_button = QPushButton()
        self.anomaly_button.setObjectName("danger")
        self.anomaly_button.clicked.connect(self.open_anomalies)
        self.anomaly_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.entry_button)
        top.addWidget(self.exit_button)
        top.addStretch(1)
        top.addWidget(self.anomaly_button)
        top.addWidget(self.expected_button)
        top.addWidget(self.walk_in_button)

        self.code = QLineEdit()
        self.code.setObjectName("gateCode")
        self.code.returnPressed.connect(self.check_typed)
        self.check_button = QPushButton()
        self.check_button.setObjectName("primary")
        self.check_button.clicked.connect(self.check_typed)
        typed = QHBoxLayout()
        typed.addWidget(self.code, 1)
        typed.addWidget(self.check_button)

        self.panel = QFrame()
        self.panel.setObjectName("verdict")
        self.headline = QLabel()
        self.headline.setObjectName("verdictHeadline")
        self.headline.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("verdictDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.sign_button = QPushButton()
        self.sign_button.setObjectName("primary")
        self.sign_button.clicked.connect(self.open_nda)
        self.release_button = QPushButton()
        self.release_button.clicked.connect(self.release_inside)
        actions = QHBoxLayout()
        actions.addWidget(self.sign_button)
        actions.addWidget(self.release_button)
        actions.addStretch(1)
        column = QVBoxLayout(self.panel)
        column.setContentsMargins(20, 12, 20, 12)
        column.addWidget(self.headline)
        column.addWidget(self.detail, 1)
        column.addLayout(actions)

        self.camera_box = QVBoxLayout()
        self.camera_message = QLabel()
        self.camera_message.setWordWrap(True)
        self.camera_message.setObjectName("error")
        left = QVBoxLayout()
        left.addLayout(self.camera_box, 1)
        left.addWidget(self.camera_message)
        left.addLayout(typed)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.panel, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self._make_camera()
        self.retranslate()
        self.show_idle()

    # -- camera -----------------------------------------------------------------------------

    def _make_camera(self) -> None:
        try:
            from ker_field.ui.camera import CameraView
        except ImportError:  # the capture layer is optional on this build
            return
        settings = self.host.settings
        spec = settings.camera_spec() if hasattr(settings, "camera_spec") else "camera:0"
        backend = getattr(settings, "qr_backend", "zxing")
        self.camera = CameraView(spec, backend)
        self.camera.decoded.connect(self.on_decoded)
        self.camera.notice.connect(self.camera_message.setText)  # errors show in the preview
        self.camera_box.addWidget(self.camera)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.camera is not None and not self.camera.running:
            self.camera_message.clear()
            self.camera.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        if self.camera is not None:
            self.camera.stop()
        super().hideEvent(event)

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.entry_button.setText(self.tr("Entrada"))
        self.exit_button.setText(self.tr("Salida"))
        self.walk_in_button.setText(self.tr("Visita sin invitación"))
        self.expected_button.setText(self.tr("Esperados"))
        self.code.setPlaceholderText(self.tr("Escanee el QR o escriba el código de la invitación"))
        self.check_button.setText(self.tr("Verificar"))
        self.sign_button.setText(self.tr("Firmar acuerdo"))
        self.release_button.setText(self.tr("Registrar salida"))
        self.anomaly_button.setText(self.tr("Anomalías: {count}").format(count=self.anomaly_count))

    # -- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        ctx = self.host.session.context()
        if not self._retention_done:
            self._retention_done = True
            self.host.tasks.run(partial(retention.apply_retention, ctx), None, self._failed)
        self.host.tasks.run(partial(gate.gate_facts, ctx), self._show_facts, self._failed)

    def _show_facts(self, facts: tuple[dict[uuid.UUID, str], bool, int]) -> None:
        self.hosts, self.needs_photo, self.anomaly_count = facts
        self.anomaly_button.setVisible(self.anomaly_count > 0)
        self.retranslate()

    def shutdown(self) -> None:
        if self.camera is not None:
            self.camera.stop()

    @property
    def direction_now(self) -> AccessDirection:
        return AccessDirection.OUT if self.exit_button.isChecked() else AccessDirection.IN

    def gate_name(self) -> str:
        return self.tr("Portería principal")

    # -- scanning ---------------------------------------------------------------------------

    @Slot(str)
    def on_decoded(self, text: str) -> None:
        """A code read by the camera. The same code read again right after its verdict (the
        visitor still holding it up) is not a new scan: no red "already inside" after a
        green one."""
        now = time.monotonic()
        last = self._verdict_at.get(text)
        if last is not None and now - last < self.repeat_window_s:
            return
        self._verdict_at = {t: at for t, at in self._verdict_at.items() if now - at < 60}
        self._verdict_at[text] = now
        self.scan(text)

    @Slot()
    def check_typed(self) -> None:
        text = self.code.text().strip()
        if text:
            self.scan(text)
            self.code.clear()

    def scan(self, token: str) -> None:
        ctx = self.host.session.context()
        self.host.tasks.run(
            partial(gate.scan_invite, ctx, token, self.gate_name(), self.direction_now),
            self.show_verdict,
            self._failed,
        )

    def show_idle(self) -> None:
        self._paint("idle")
        self.headline.setText(self.tr("Listo para escanear"))
        self.detail.setText(
            self.tr("Muestre el código QR de la invitación a la cámara o escríbalo abajo.")
        )
        self.sign_button.hide()
        self.release_button.hide()

    def _paint(self, colour: str) -> None:
        self.panel.setProperty("verdict", colour)
        self.panel.setStyleSheet(
            f"QFrame#verdict {{ background: {COLOURS[colour]}; border-radius: 12px; }}"
            "QFrame#verdict QLabel { color: #ffffff; background: transparent; }"
            "QLabel#verdictHeadline { font-size: 36px; font-weight: bold; }"
            "QLabel#verdictDetail { font-size: 20px; }"
        )

    def show_verdict(self, verdict: Verdict) -> None:
        self.verdict = verdict
        lang = current_language()
        facts = self._facts(verdict)
        if verdict.outcome is Outcome.ADMITTED:
            colour, headline = "green", self.tr("ADELANTE: entrada registrada")
        elif verdict.outcome is Outcome.RELEASED:
            colour, headline = "green", self.tr("SALIDA registrada")
        elif verdict.outcome is Outcome.NDA_REQUIRED:
            colour, headline = "amber", self.tr("FALTA FIRMAR EL ACUERDO")
        else:
            colour, headline = "red", self.tr("NO PASA")
        reasons = " ".join(verdict.decision.messages(lang)) if not verdict.green else ""
        self._paint(colour)
        self.headline.setText(headline)
        self.detail.setText("\n".join(part for part in (reasons, facts) if part))
        self.sign_button.setVisible(verdict.outcome is Outcome.NDA_REQUIRED)
        self.release_button.setVisible(
            verdict.outcome is Outcome.REFUSED
            and verdict.visit_id is not None
            and "visitor.already_inside" in verdict.codes
        )
        QApplication.beep()  # one beep, any verdict: the guard looks up
        if verdict.green:
            self.host.refresh()

    def _facts(self, verdict: Verdict) -> str:
        if verdict.person_name is None:
            return ""
        lang = current_language()
        nda = {
            NdaState.NOT_REQUIRED: self.tr("no se exige"),
            NdaState.SIGNED: self.tr("firmado y vigente"),
            NdaState.REQUIRED: self.tr("falta firmar"),
        }[verdict.nda]
        lines = [
            f"{verdict.person_name} · {verdict.company or '—'}",
            self.tr("Anfitrión: {host}").format(host=verdict.host_name or "—")
            + " · "
            + self.tr("Acceso: {kind}").format(
                kind=label(verdict.access_type, lang) if verdict.access_type else "—"
            ),
            self.tr("Acuerdo de confidencialidad: {state}").format(state=nda),
        ]
        return "\n".join(lines)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, RuleViolation):
            text = " ".join(error.decision.messages(current_language()))
        else:
            text = self.tr("No se pudo registrar: {error}").format(error=error)
        self._paint("red")
        self.headline.setText(self.tr("NO PASA"))
        self.detail.setText(text)
        self.sign_button.hide()
        self.release_button.hide()

    # -- NDA, release -----------------------------------------------------------------------

    @Slot()
    def open_nda(self) -> NdaDialog | None:
        verdict = self.verdict
        if verdict is None or verdict.person_name is None:
            return None
        document = gate.nda_document(current_language())
        dialog = NdaDialog(document, verdict.person_name, verdict.person_rut, self)
        dialog.accepted.connect(partial(self._nda_signed, dialog, verdict))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _nda_signed(self, dialog: NdaDialog, verdict: Verdict) -> None:
        ctx = self.host.session.context()
        png, name, rut = dialog.pad.png(), dialog.name.text().strip(), dialog.signer_rut()

        def sign_then_admit() -> Verdict:
            gate.sign_nda_on_screen(ctx, dialog.document, png, name, rut, verdict.invite_id)
            if verdict.token is not None:
                return gate.scan_invite(ctx, verdict.token, self.gate_name(), AccessDirection.IN)
            assert verdict.invite_id is not None
            return gate.admit_invite(ctx, verdict.invite_id, self.gate_name())

        self.host.tasks.run(sign_then_admit, self.show_verdict, self._failed)

    @Slot()
    def release_inside(self) -> None:
        verdict = self.verdict
        if verdict is None or verdict.visit_id is None:
            return
        ctx = self.host.session.context()

        def release() -> Verdict:
            assert verdict.visit_id is not None
            gate.check_out_visitor(ctx, verdict.visit_id, self.gate_name())
            return Verdict(
                Outcome.RELEASED,
                invite_id=verdict.invite_id,
                visit_id=verdict.visit_id,
                person_name=verdict.person_name,
                company=verdict.company,
                host_name=verdict.host_name,
                access_type=verdict.access_type,
                nda=verdict.nda,
            )

        self.host.tasks.run(release, self.show_verdict, self._failed)

    # -- walk-ins, anomalies ----------------------------------------------------------------

    @Slot()
    def open_walk_in(self) -> WalkInDialog:
        dialog = WalkInDialog(self.hosts, self.needs_photo, self)
        if self.camera is not None:
            dialog.photo_button.clicked.connect(partial(self._id_photo, dialog))
        dialog.submitted.connect(partial(self._walk_in, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _id_photo(self, dialog: WalkInDialog) -> None:
        photo = self.camera.take_photo() if self.camera is not None else None
        if photo is not None:
            ctx = self.host.session.context()
            dialog.photo_sha256 = ctx.store.blobs.put(photo.jpeg)
            dialog.photo_button.setText(self.tr("Foto tomada ✓"))

    def _walk_in(self, dialog: WalkInDialog, walk_in: WalkIn) -> None:
        ctx = self.host.session.context()
        host_name = self.hosts.get(walk_in.host_user_id) if walk_in.host_user_id else None

        def admit() -> Verdict:
            receipt = gate.check_in_visitor(ctx, self.gate_name(), walk_in=walk_in)
            return Verdict(
                Outcome.ADMITTED,
                visit_id=receipt.visit_id,
                person_name=receipt.person_name,
                company=walk_in.company,
                host_name=host_name,
                access_type=walk_in.access_type,
            )

        self.host.tasks.run(
            admit, partial(self._walked_in, dialog), partial(self._walk_in_refused, dialog)
        )

    def _walked_in(self, dialog: WalkInDialog, verdict: Verdict) -> None:
        dialog.accept()
        self.show_verdict(verdict)

    def _walk_in_refused(self, dialog: WalkInDialog, error: BaseException) -> None:
        """The entry stays in the dialog (nothing typed is lost) with the reason."""
        if isinstance(error, RuleViolation):
            dialog.show_refusal(" ".join(error.decision.messages(current_language())))
        else:
            dialog.show_refusal(self.tr("No se pudo registrar: {error}").format(error=error))

    @Slot()
    def open_expected(self) -> None:
        """The list of people expected now (read off the GUI thread), in a dialog."""
        ctx = self.host.session.context()
        self.host.tasks.run(partial(gate.expected_now, ctx), self._show_expected, self._failed)

    def _show_expected(self, expected: list[gate.Expected]) -> None:
        dialog = ExpectedDialog(expected, self)
        dialog.admit_button.clicked.connect(partial(self._admit_expected, dialog))
        dialog.list.itemActivated.connect(partial(self._admit_expected, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog

    def _admit_expected(self, dialog: ExpectedDialog, *_: object) -> None:
        invite_id = dialog.selected()
        if invite_id is None:
            return
        dialog.accept()
        ctx = self.host.session.context()
        self.host.tasks.run(
            partial(gate.admit_invite, ctx, invite_id, self.gate_name(), self.direction_now),
            self.show_verdict,
            self._failed,
        )

    @Slot()
    def open_anomalies(self) -> None:
        ctx = self.host.session.context()
        self.host.tasks.run(partial(gate.gate_anomalies, ctx), self._show_anomalies, self._failed)

    def _show_anomalies(self, anomalies: list[gate.AnomalyView]) -> None:
        dialog = AnomaliesDialog(anomalies, self)
        dialog.resolve_button.clicked.connect(partial(self._resolve, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog

    def _resolve(self, dialog: AnomaliesDialog) -> None:
        anomaly = dialog.selected()
        if anomaly is None:
            return
        ctx = self.host.session.context()
        text = dialog.resolution.toPlainText()
        self.host.tasks.run(
            partial(gate.resolve_anomaly, ctx, anomaly, text),
            partial(self._resolved, dialog),
            partial(self._not_resolved, dialog),
        )

    def _resolved(self, dialog: AnomaliesDialog, _result: object) -> None:
        dialog.accept()
        self.host.refresh()

    def _not_resolved(self, dialog: AnomaliesDialog, error: BaseException) -> None:
        if isinstance(error, RuleViolation):
            dialog.message.setText(" ".join(error.decision.messages(current_language())))
        else:
            dialog.message.setText(self.tr("No se pudo registrar: {error}").format(error=error))
