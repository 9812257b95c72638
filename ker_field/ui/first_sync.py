"""The first sync after a first online sign-in: phase, counts and a cancel button, while the
engine runs on the task runner (the window keeps answering)."""

from __future__ import annotations

from enum import StrEnum
from functools import partial

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ker_field.ui.tasks import TaskRunner
from sync.client.engine import Cancelled, Progress, SyncEngine, SyncReport


class Outcome(StrEnum):
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"
    FAILED = "failed"


def _run(engine: SyncEngine, scopes: list[str], report: Progress) -> SyncReport:
    return engine.sync_once(scopes, report)


class FirstSyncDialog(QDialog):
    def __init__(
        self,
        engine: SyncEngine,
        scopes: list[str],
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstSync")
        self.setModal(True)
        self.setMinimumWidth(520)
        self._engine, self._scopes, self._tasks = engine, scopes, tasks
        self.outcome = Outcome.RUNNING
        self.error: BaseException | None = None
        self.report: SyncReport | None = None
        self._phase, self._done, self._total = "", 0, 0

        self.title = QLabel()
        self.title.setObjectName("subtitle")
        self.title.setWordWrap(True)
        self.phase = QLabel()
        self.phase.setWordWrap(True)
        self.counts = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.phase, self.counts, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Primera sincronización"))
        self.title.setText(
            self.tr("Descargando los datos de su trabajo para usarlos sin conexión.")
        )
        self.cancel_button.setText(
            self.tr("Cancelando…") if self._engine_cancelled() else self.tr("Cancelar")
        )
        self.phase.setText(self.phase_text(self._phase))
        self.counts.setText(
            self.tr("{done} de {total}").format(done=self._done, total=self._total)
            if self._total
            else ""
        )

    def _engine_cancelled(self) -> bool:
        return not self.cancel_button.isEnabled()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def phase_text(self, phase: str) -> str:
        if not phase:
            return self.tr("Preparando…")
        if phase == "push":
            return self.tr("Enviando los cambios de este equipo")
        if phase.startswith("pull:tenant"):
            return self.tr("Recibiendo datos de la empresa")
        if phase.startswith("pull:site"):
            return self.tr("Recibiendo datos de la instalación")
        if phase.startswith("pull:user"):
            return self.tr("Recibiendo sus datos personales")
        if phase == "blobs":
            return self.tr("Subiendo fotos")
        return self.tr("Sincronizando")

    # -- run --------------------------------------------------------------------------------

    def start(self) -> None:
        self._tasks.run(
            partial(_run, self._engine, self._scopes),
            self._finished,
            self._failed,
            on_progress=self._progress,
        )

    @Slot()
    def cancel(self) -> None:
        self._engine.cancel()
        self.cancel_button.setEnabled(False)
        self.retranslate()

    def _progress(self, phase: str, done: int, total: int) -> None:
        self._phase, self._done, self._total = phase, done, total
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
        self.retranslate()

    def _finished(self, report: SyncReport) -> None:
        self.report = report
        self.outcome = Outcome.DONE
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.error = error
        self.outcome = Outcome.CANCELLED if isinstance(error, Cancelled) else Outcome.FAILED
        self.reject()

    def reject(self) -> None:
        """Escape or closing the window cancels the sync first; the dialog closes when the
        engine stopped."""
        if self.outcome is Outcome.RUNNING:
            self.cancel()
            return
        super().reject()
