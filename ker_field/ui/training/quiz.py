"""A quiz answered on the device: every answer is kept at once (a crash loses nothing),
handed in through the outbox, graded by the server (a practice quiz checks itself)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ker_field.domain.decision import RuleViolation
from ker_field.services import training
from ker_field.services.context import ServiceContext
from ker_field.services.quiz import (
    MalformedQuiz,
    MultipleChoiceQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)
from ker_field.ui.i18n import current_language
from ker_field.ui.tasks import TaskRunner

AnyQuestion = TrueFalseQuestion | SingleChoiceQuestion | MultipleChoiceQuestion


class _WideRadio(QRadioButton):
    """The whole row is the touch target, not only the circle and the words."""

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802
        return self.rect().contains(pos)


class _WideCheck(QCheckBox):
    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802
        return self.rect().contains(pos)


class QuestionBox(QGroupBox):
    """One question: radio buttons (one answer) or check boxes (several)."""

    changed = Signal(str, object)

    def __init__(self, number: int, question: AnyQuestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.text = QLabel(f"{number}. {question.text}")
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-weight: bold;")
        self.buttons: list[QAbstractButton] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not isinstance(question, MultipleChoiceQuestion))
        if isinstance(question, TrueFalseQuestion):
            options = [self.tr("Verdadero"), self.tr("Falso")]
        else:
            options = list(question.options)
        for n, text in enumerate(options):
            button: QAbstractButton = (
                _WideCheck(text)
                if isinstance(question, MultipleChoiceQuestion)
                else _WideRadio(text)
            )
            button.setMinimumHeight(44)
            self.group.addButton(button, n)
            self.buttons.append(button)
            layout.addWidget(button)
        self.group.idClicked.connect(self._clicked)

    def value(self) -> object | None:
        checked = [n for n, b in enumerate(self.buttons) if b.isChecked()]
        if isinstance(self.question, MultipleChoiceQuestion):
            return checked
        if not checked:
            return None
        if isinstance(self.question, TrueFalseQuestion):
            return checked[0] == 0
        return checked[0]

    def set_value(self, value: object) -> None:
        if isinstance(self.question, TrueFalseQuestion) and isinstance(value, bool):
            self.buttons[0 if value else 1].setChecked(True)
        elif isinstance(self.question, SingleChoiceQuestion) and isinstance(value, int):
            if 0 <= value < len(self.buttons):
                self.buttons[value].setChecked(True)
        elif isinstance(value, list):
            for n, button in enumerate(self.buttons):
                button.setChecked(n in value)

    def answered(self) -> bool:
        value = self.value()
        return value is not None and value != []

    def _clicked(self, _id: int) -> None:
        self.changed.emit(self.question.id, self.value())


class QuizPane(QWidget):
    """Emits ``closed`` (back to the catalog) and ``handed_in(HandedIn)``."""

    closed = Signal()
    handed_in = Signal(object)

    def __init__(
        self,
        context: Callable[[], ServiceContext],
        tasks: TaskRunner,
        sync_now: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context, self.tasks, self._sync_now = context, tasks, sync_now
        self.quiz: training.QuizView | None = None
        self.draft: training.DraftView | None = None
        self.boxes: list[QuestionBox] = []
        self._unsaved: dict[str, object] = {}
        self._saving = False
        self.saves_done = 0
        self.confirm_box: QMessageBox | None = None
        self._hand_in_waiting = False

        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.closed)
        self.title = QLabel()
        self.title.setObjectName("subtitle")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.saved = QLabel()
        self.saved.setWordWrap(True)

        self.questions = QWidget()
        self.questions_layout = QVBoxLayout(self.questions)
        self.questions.setStyleSheet(
            "QRadioButton::indicator, QCheckBox::indicator { width: 28px; height: 28px; }"
        )
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.questions)

        self.result = QLabel()
        self.result.setObjectName("subtitle")
        self.result.setWordWrap(True)
        self.result.hide()
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("primary")
        self.sync_button.clicked.connect(self._sync)
        self.sync_button.hide()
        self.hand_in_button = QPushButton()
        self.hand_in_button.setObjectName("primary")
        self.hand_in_button.clicked.connect(self.confirm_hand_in)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved, 1)
        bottom.addWidget(self.sync_button)
        bottom.addWidget(self.hand_in_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.message)
        layout.addWidget(self.result)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Volver"))
        self.hand_in_button.setText(self.tr("Entregar evaluación"))
        self.sync_button.setText(self.tr("Sincronizar ahora"))

    # -- open -------------------------------------------------------------------------------

    def open(self, entry: training.ModuleEntry) -> None:
        """Load the quiz and the attempt kept on the device (or start one)."""
        self._clear()
        self.title.setText(entry.quiz_title or entry.title)
        if entry.practice_only:
            self.facts.setText(
                self.tr("Cuestionario de práctica: se corrige en este equipo y no da certificado.")
            )
        else:
            self.facts.setText(
                self.tr(
                    "Intento {n} de {max} · aprobación con {min}% · el servidor lo califica al "
                    "sincronizar."
                ).format(
                    n=min(entry.attempts_count + 1, entry.max_attempts),
                    max=entry.max_attempts,
                    min=entry.min_score_to_pass,
                )
            )
        if entry.quiz_id is None:
            self._refuse(self.tr("Este módulo no tiene evaluación."))
            return
        ctx = self._context()
        self.tasks.run(partial(_load, ctx, entry.quiz_id), self._loaded, self._load_failed)

    def _clear(self) -> None:
        self.quiz, self.draft = None, None
        self._hand_in_waiting = False
        self._unsaved.clear()
        for box in self.boxes:
            box.setParent(None)
            box.deleteLater()
        self.boxes = []
        self.message.hide()
        self.result.hide()
        self.sync_button.hide()
        self.saved.clear()
        self.hand_in_button.setEnabled(False)
        self.scroll_area.show()

    def _loaded(self, loaded: tuple[training.QuizView, training.DraftView]) -> None:
        self.quiz, self.draft = loaded
        for n, question in enumerate(self.quiz.quiz.questions, start=1):
            box = QuestionBox(n, question)
            if question.id in self.draft.answers:
                box.set_value(self.draft.answers[question.id])
            box.changed.connect(self._answer)
            self.questions_layout.addWidget(box)
            self.boxes.append(box)
        self.questions_layout.addStretch(1)
        self.hand_in_button.setEnabled(True)
        self._show_saved()

    def _load_failed(self, error: BaseException) -> None:
        if isinstance(error, MalformedQuiz):
            self._refuse(
                self.tr(
                    "Este cuestionario está dañado y no se puede responder ({detail}). "
                    "Avise a su supervisor; no se guardó nada."
                ).format(detail=error.detail)
            )
        elif isinstance(error, RuleViolation):
            self._refuse(" ".join(error.decision.messages(current_language())))
        else:
            self._refuse(self.tr("No se pudo abrir el cuestionario: {error}").format(error=error))

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.scroll_area.hide()
        self.hand_in_button.setEnabled(False)

    # -- answers, kept at once ------------------------------------------------------------

    def _answer(self, question_id: str, value: object) -> None:
        self._unsaved[question_id] = value
        self._save_next()

    def _save_next(self) -> None:
        """One save at a time, the latest values: two quick taps never land out of order."""
        if self._saving or not self._unsaved or self.draft is None:
            return
        batch, self._unsaved = self._unsaved, {}
        self._saving = True
        self.tasks.run(
            partial(training.save_answers, self._context(), self.draft.id, batch),
            self._saved_ok,
            self._save_failed,
        )

    def _saved_ok(self, draft: training.DraftView) -> None:
        self._saving = False
        self.draft = draft
        self.saves_done += 1
        self._show_saved()
        if self._hand_in_waiting:
            self.hand_in()  # it writes the answers still unsaved, then hands in
        else:
            self._save_next()

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        if self._hand_in_waiting:
            self._hand_in_waiting = False
            self.hand_in_button.setEnabled(True)
        self.message.setText(
            self.tr("No se pudo guardar la respuesta: {error}").format(error=error)
        )
        self.message.show()

    def _show_saved(self) -> None:
        if self.draft is None or self.quiz is None:
            return
        self.saved.setText(
            self.tr("{n} de {total} respuestas guardadas en este equipo.").format(
                n=len(self.draft.answers), total=len(self.quiz.quiz.questions)
            )
        )

    @property
    def busy(self) -> bool:
        return self._saving or bool(self._unsaved)

    # -- hand in ---------------------------------------------------------------------------

    def confirm_hand_in(self) -> None:
        missing = [n for n, box in enumerate(self.boxes, start=1) if not box.answered()]
        if missing:
            self.message.setText(
                self.tr(
                    "Responda todas las preguntas antes de entregar (faltan: {numbers})."
                ).format(numbers=", ".join(str(n) for n in missing))
            )
            self.message.show()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(self.tr("¿Entregar la evaluación? No podrá cambiar las respuestas."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Entregar"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Seguir respondiendo"))
        box.setModal(True)
        box.finished.connect(partial(self._confirmed, box))
        self.confirm_box = box
        box.open()

    def _confirmed(self, box: QMessageBox, result: int) -> None:
        box.deleteLater()
        self.confirm_box = None
        if result == QMessageBox.StandardButton.Yes:
            self.hand_in()

    def hand_in(self) -> None:
        if self.draft is None:
            return
        self.hand_in_button.setEnabled(False)
        if self._saving:  # the answer being written first; then hand in
            self._hand_in_waiting = True
            return
        self._hand_in_waiting = False
        self.tasks.run(
            partial(_hand_in_after_saves, self._context(), self.draft.id, dict(self._unsaved)),
            self._handed_in,
            self._hand_in_failed,
        )
        self._unsaved.clear()

    def _handed_in(self, result: training.HandedIn) -> None:
        self.scroll_area.hide()
        self.message.hide()
        if result.practice_score is not None:
            self.result.setText(
                self.tr("Práctica corregida en este equipo: {score}%.").format(
                    score=result.practice_score
                )
            )
        else:
            self.result.setText(
                self.tr(
                    "Evaluación entregada (intento {n} de {max}). El servidor la califica: el "
                    "resultado aparecerá después de sincronizar."
                ).format(n=result.attempts_used, max=result.max_attempts)
            )
            self.sync_button.setVisible(self._sync_now is not None)
        self.result.show()
        self.saved.clear()
        self.handed_in.emit(result)

    def _hand_in_failed(self, error: BaseException) -> None:
        self.hand_in_button.setEnabled(True)
        if isinstance(error, RuleViolation):
            text = " ".join(error.decision.messages(current_language()))
        else:
            text = self.tr("No se pudo entregar: {error}").format(error=error)
        self.message.setText(text)
        self.message.show()

    def _sync(self) -> None:
        if self._sync_now is not None:
            self._sync_now()

    def shutdown(self) -> None:
        if self._unsaved and self.draft is not None and not self.tasks.closed:
            # Closing with an answer not yet written: write it now (nothing is lost).
            training.save_answers(self._context(), self.draft.id, dict(self._unsaved))
            self._unsaved.clear()


def _load(ctx: ServiceContext, quiz_id: uuid.UUID) -> tuple[training.QuizView, training.DraftView]:
    return training.load_quiz(ctx, quiz_id), training.open_draft(ctx, quiz_id)


def _hand_in_after_saves(
    ctx: ServiceContext, draft_id: uuid.UUID, unsaved: dict[str, object]
) -> training.HandedIn:
    if unsaved:
        training.save_answers(ctx, draft_id, unsaved)
    return training.hand_in(ctx, draft_id)
