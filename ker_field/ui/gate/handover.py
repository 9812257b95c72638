"""Shift handover (guards, technicians, supervisors): receive the previous shift's note with
the live state it carried, then write your own; flagged items carry forward until cleared."""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.decision import RuleViolation
from ker_field.services import handover as shifts
from ker_field.services.handover import HandoverView
from ker_field.ui.i18n import current_language
from ker_field.ui.journeys import JourneyHost

HandoverData = tuple[list[HandoverView], list[str], dict[str, Any]]


def _load(ctx: Any) -> HandoverData:
    return shifts.to_acknowledge(ctx), shifts.open_flags(ctx), shifts.live_snapshot(ctx)


class HandoverPage(QWidget):
    def __init__(self, host: JourneyHost) -> None:
        super().__init__()
        self.host = host
        self.pending: list[HandoverView] = []
        self.snapshot: dict[str, Any] = {}

        self.incoming_title = QLabel()
        self.incoming_title.setObjectName("subtitle")
        self.incoming = QVBoxLayout()
        self.none_pending = QLabel()
        self.none_pending.setObjectName("empty")

        self.outgoing_title = QLabel()
        self.outgoing_title.setObjectName("subtitle")
        self.live = QLabel()
        self.live.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setMinimumHeight(110)
        self.flags = QListWidget()
        self.flags.setMinimumHeight(110)
        self.flag_text = QLineEdit()
        self.flag_text.returnPressed.connect(self.add_flag)
        self.flag_button = QPushButton()
        self.flag_button.clicked.connect(self.add_flag)
        self.hand_button = QPushButton()
        self.hand_button.setObjectName("primary")
        self.hand_button.clicked.connect(self.hand_over)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.flags_hint = QLabel()
        self.flags_hint.setWordWrap(True)
        add = QHBoxLayout()
        add.addWidget(self.flag_text, 1)
        add.addWidget(self.flag_button)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.incoming_title)
        layout.addWidget(self.none_pending)
        layout.addLayout(self.incoming)
        layout.addWidget(self.outgoing_title)
        layout.addWidget(self.live)
        layout.addWidget(self.notes)
        layout.addWidget(self.flags_hint)
        layout.addWidget(self.flags)
        layout.addLayout(add)
        layout.addWidget(self.message)
        layout.addWidget(self.hand_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()

    def retranslate(self) -> None:
        self.incoming_title.setText(self.tr("Turno por recibir"))
        self.none_pending.setText(self.tr("No hay entregas de turno pendientes."))
        self.outgoing_title.setText(self.tr("Entregar mi turno"))
        self.notes.setPlaceholderText(self.tr("Novedades del turno para quien llega"))
        self.flags_hint.setText(
            self.tr("Pendientes marcados (siguen al próximo turno; desmarque los que ya resolvió):")
        )
        self.flag_text.setPlaceholderText(self.tr("Nuevo pendiente"))
        self.flag_button.setText(self.tr("Agregar"))
        self.hand_button.setText(self.tr("Entregar turno"))
        self._show_live()

    def _summary(self, snapshot: dict[str, Any]) -> str:
        return self.tr(
            "Estado actual: {people} personas en planta · {locks} bloqueos activos · "
            "{permits} permisos abiertos"
        ).format(
            people=len(snapshot.get("people_on_site", [])),
            locks=len(snapshot.get("active_locks", [])),
            permits=len(snapshot.get("open_permits", [])),
        )

    def _show_live(self) -> None:
        self.live.setText(self._summary(self.snapshot))

    # -- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        ctx = self.host.session.context()
        self.host.tasks.run(partial(_load, ctx), self.show_data, self._failed)

    def show_data(self, data: HandoverData) -> None:
        self.pending, carried, self.snapshot = data
        self._show_live()
        self._show_pending()
        kept = {self.flags.item(n).text() for n in range(self.flags.count())}
        for text in carried:
            if text not in kept:
                self._flag_item(text)

    def _flag_item(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.flags.addItem(item)

    def _show_pending(self) -> None:
        while self.incoming.count():
            item = self.incoming.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.none_pending.setVisible(not self.pending)
        for view in self.pending:
            card = QFrame()
            card.setObjectName("card")
            column = QVBoxLayout(card)
            who = QLabel(
                self.tr("De {name}, {time}").format(
                    name=view.from_name or "—",
                    time=view.created_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                )
            )
            who.setObjectName("subtitle")
            notes = QLabel(view.notes)
            notes.setWordWrap(True)
            column.addWidget(who)
            column.addWidget(notes)
            if view.flagged_items:
                flagged = QLabel(
                    self.tr("Pendientes: {items}").format(items=" · ".join(view.flagged_items))
                )
                flagged.setWordWrap(True)
                flagged.setStyleSheet("color: #a05a00; font-weight: bold;")
                column.addWidget(flagged)
            state = QLabel(self._summary(view.snapshot))
            state.setWordWrap(True)
            column.addWidget(state)
            ack = QPushButton(self.tr("Recibir turno"))
            ack.setObjectName("primary")
            ack.clicked.connect(partial(self.acknowledge, view.id))
            column.addWidget(ack, 0, Qt.AlignmentFlag.AlignRight)
            self.incoming.addWidget(card)

    def shutdown(self) -> None:
        pass

    # -- actions ----------------------------------------------------------------------------

    def add_flag(self) -> None:
        text = self.flag_text.text().strip()
        if text:
            self._flag_item(text[:255])
            self.flag_text.clear()

    def open_flags(self) -> list[str]:
        return [
            self.flags.item(n).text()
            for n in range(self.flags.count())
            if self.flags.item(n).checkState() == Qt.CheckState.Checked
        ]

    def hand_over(self) -> None:
        ctx = self.host.session.context()
        notes, flags = self.notes.toPlainText(), self.open_flags()
        self.host.tasks.run(
            partial(shifts.add_handover_note, ctx, notes, flags), self._handed, self._failed
        )

    def _handed(self, view: HandoverView) -> None:
        self.notes.clear()
        self.flags.clear()
        self.message.setText(
            self.tr("Turno entregado: {summary}").format(summary=self._summary(view.snapshot))
        )
        self.host.refresh()

    def acknowledge(self, handover_id: uuid.UUID) -> None:
        ctx = self.host.session.context()
        self.host.tasks.run(
            partial(shifts.acknowledge_handover, ctx, handover_id),
            self._acknowledged,
            self._failed,
        )

    def _acknowledged(self, view: HandoverView) -> None:
        self.message.setText(self.tr("Turno recibido."))
        self.host.refresh()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, RuleViolation):
            self.message.setText(" ".join(error.decision.messages(current_language())))
        else:
            self.message.setText(self.tr("No se pudo completar: {error}").format(error=error))
