"""The sign-in screen: server, user, password; online first, offline unlock when the server
cannot be reached; in demo mode, the demo people to tap."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.labels import label
from ker_field.ui.i18n import current_language
from ker_field.ui.session import Failure, SignInFailed, StoreOpening, UserSession, sign_in
from ker_field.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ker_field.domain.demo import DemoUser
    from ker_field.store.local import LocalStore


def _sign_in_and_check(
    store: StoreOpening, url: str, username: str, password: str, lang: str
) -> tuple[UserSession, bool]:
    session = sign_in(store.result(), url, username, password, lang)
    return session, session.signed_in_online and session.needs_first_sync()


class LoginWindow(QWidget):
    """Emits ``signed_in(session, first_sync_needed)``."""

    signed_in = Signal(object, bool)

    def __init__(
        self,
        store: LocalStore | StoreOpening,
        tasks: TaskRunner,
        server_url: str,
        username: str = "",
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login")
        self._store, self._tasks, self._demo = StoreOpening.of(store), tasks, demo
        self._busy = False
        self._demo_users: list[DemoUser] = []
        if demo:  # the demo data module (and the ORM with it) only in demo mode
            from ker_field.domain.demo import DEMO_USERS

            self._demo_users = list(DEMO_USERS)

        self.title = QLabel()
        self.title.setObjectName("title")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.server = QLineEdit(server_url)
        self.server.setInputMethodHints(Qt.InputMethodHint.ImhUrlCharactersOnly)
        self.username = QLineEdit(username)
        self.username.setInputMethodHints(
            Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("primary")
        self.sign_in_button.clicked.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._form = QFormLayout()
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._server_label, self._user_label, self._password_label = QLabel(), QLabel(), QLabel()
        self._form.addRow(self._server_label, self.server)
        self._form.addRow(self._user_label, self.username)
        self._form.addRow(self._password_label, self.password)

        card = QFrame()
        card.setObjectName("card")
        card.setMinimumWidth(420)
        card.setMaximumWidth(640)
        column = QVBoxLayout(card)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addLayout(self._form)
        column.addWidget(self.sign_in_button)
        column.addWidget(self.message)
        column.addStretch(1)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        self.demo_buttons: list[QPushButton] = []
        self._demo_title = QLabel()
        if demo:
            row.addWidget(self._demo_panel(), 3)
        row.addStretch(1)

        scroll_body = QWidget()
        scroll_body.setLayout(row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(scroll_body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()

    def _demo_panel(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("card")
        panel.setMinimumWidth(400)
        panel.setMaximumWidth(520)
        grid = QGridLayout(panel)
        self._demo_title.setObjectName("subtitle")
        self._demo_title.setWordWrap(True)
        grid.addWidget(self._demo_title, 0, 0)
        for n, user in enumerate(self._demo_users, start=1):
            button = QPushButton()
            button.setObjectName("demoUser")
            button.setProperty("username", user.username)
            button.clicked.connect(partial(self.fill_demo_user, user))
            self.demo_buttons.append(button)
            grid.addWidget(button, n, 0)
        grid.setRowStretch(len(self._demo_users) + 1, 1)
        return panel

    # -- words ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("KER Field: iniciar sesión"))
        self.title.setText(self.tr("KER Field"))
        self.subtitle.setText(self.tr("Inicie sesión para trabajar en terreno."))
        self._server_label.setText(self.tr("Servidor"))
        self._user_label.setText(self.tr("Usuario"))
        self._password_label.setText(self.tr("Contraseña"))
        self.sign_in_button.setText(self.tr("Conectando…") if self._busy else self.tr("Ingresar"))
        self._demo_title.setText(self.tr("Usuarios de demostración: toque uno para completar"))
        for button, user in zip(self.demo_buttons, self._demo_users, strict=False):
            button.setText(
                self.tr("{name} · {role}").format(
                    name=user.full_name, role=label(user.role, current_language())
                )
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def failure_text(self, error: BaseException) -> str:
        if not isinstance(error, SignInFailed):
            return self.tr("Error inesperado: {error}").format(error=error)
        offline = self.tr("No se pudo conectar con el servidor.")
        texts = {
            Failure.WRONG_CREDENTIALS: self.tr("Usuario o contraseña incorrectos."),
            Failure.REFUSED: self.tr("El servidor rechazó el ingreso: {detail}").format(
                detail=error.detail
            ),
            Failure.OFFLINE_WRONG_PASSWORD: self.tr(
                "Contraseña incorrecta para ingresar sin conexión."
            ),
            Failure.OFFLINE_UNKNOWN: self.tr(
                "Esta persona nunca inició sesión en este equipo: conéctese a la red para el primer ingreso."
            ),
            Failure.OFFLINE_EXPIRED: self.tr(
                "Hace demasiado que este equipo no se conecta: conéctese a la red para volver a ingresar."
            ),
            Failure.OFFLINE_INVALID: self.tr(
                "Los permisos guardados en este equipo no son válidos: conéctese a la red para ingresar."
            ),
        }
        text = texts[error.failure]
        return f"{offline} {text}" if error.server_unreachable else text

    # -- actions ----------------------------------------------------------------------------

    @Slot()
    def fill_demo_user(self, user: DemoUser) -> None:
        self.username.setText(user.username)
        self.password.setText(user.password)
        self.message.clear()
        self.sign_in_button.setFocus()

    @Slot()
    def submit(self) -> None:
        if self._busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        url = self.server.text().strip()
        if not username or not password:
            self.message.setText(self.tr("Escriba su usuario y su contraseña."))
            return
        if not url.startswith(("http://", "https://")):
            self.message.setText(
                self.tr("La dirección del servidor debe empezar con http:// o https://")
            )
            return
        self._set_busy(True)
        self.message.clear()
        self._tasks.run(
            partial(_sign_in_and_check, self._store, url, username, password, current_language()),
            self._succeeded,
            self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.server, self.username, self.password, self.sign_in_button):
            widget.setEnabled(not busy)
        for button in self.demo_buttons:
            button.setEnabled(not busy)
        self.retranslate()

    def _succeeded(self, result: tuple[UserSession, bool]) -> None:
        self._set_busy(False)
        self.password.clear()
        session, first_sync = result
        self.signed_in.emit(session, first_sync)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.password.selectAll()
        self.password.setFocus()
        self.message.setText(self.failure_text(error))

    def wait_for_server(self, ready: Callable[[], object]) -> None:
        """Signing in waits for the embedded demo server: ``ready`` (run off the GUI thread)
        returns once it answers, or raises."""
        self._set_busy(True)
        self.message.setText(self.tr("Iniciando el servidor de demostración…"))
        self._tasks.run(ready, self._server_ready, self._server_failed)

    def _server_ready(self, _result: object) -> None:
        self._set_busy(False)
        self.message.clear()

    def _server_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.setText(
            self.tr("El servidor de demostración no partió: {error}").format(error=error)
        )

    def store_failed(self, error: BaseException) -> None:
        """The device's store could not be opened (a full or read-only disk...)."""
        self.message.setText(
            self.tr("No se pudo abrir la base de datos de este equipo: {error}").format(error=error)
        )

    @property
    def busy(self) -> bool:
        return self._busy
