"""Training offline (issue 8): my modules, their material, quizzes, certificates; and the
team's training matrix for supervisors."""

from __future__ import annotations

import time
from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ker_field.domain.enums import UserRole
from ker_field.services import training
from ker_field.ui.journeys import Journey, JourneyHost, Shot
from ker_field.ui.training.matrix import TrainingMatrixPage
from ker_field.ui.training.page import TrainingPage


def _wait(host: JourneyHost, render: bool = False) -> None:
    """Let background tasks finish; ``render``: also let QtPdf draw its pages (it renders
    in its own thread)."""
    for _ in range(5):
        host.tasks.wait()
        QCoreApplication.processEvents()
    if render:
        for _ in range(40):
            QCoreApplication.processEvents()
            time.sleep(0.02)


def _training_screens(host: JourneyHost, page: QWidget, shot: Shot) -> None:
    view = cast(TrainingPage, page)
    if host.session.role is not UserRole.TECHNICIAN:
        return  # the technician's home shows every training screen
    view.refresh()
    _wait(host)
    shot("training-catalog")
    opened = next(
        (e for e in view.entries if e.content_sha256 and e.quiz_id and e.may_attempt.allowed),
        None,
    )
    if opened is not None:
        view.choose(opened.module_id)
        view.open_content()
        _wait(host, render=True)
        shot("training-module-pdf")
        view.show_catalog()
        _wait(host)
        view.choose(opened.module_id)
        view.open_quiz()
        _wait(host)
        shot("quiz-questions")
        view.quiz.confirm_hand_in()
        _wait(host)
        if view.quiz.message.isVisible():
            shot("quiz-unanswered")
        view.show_catalog()
        _wait(host)
    kept = {c.number for c in training.certificates(host.session.context()) if c.on_device}
    holder = next(
        (e for e in view.entries if e.certificate_number in kept),
        next((e for e in view.entries if e.status.value == "passed"), None),
    )
    if holder is not None:
        view.choose(holder.module_id)
        view.open_certificate()
        _wait(host, render=True)
        shot("certificate-view")
        expired = next(
            (e for e in view.entries if e.certificate_number and e.status.value == "expired"),
            None,
        )
        if expired is not None:
            view.choose(expired.module_id)
            view.open_certificate()
            _wait(host, render=True)
            shot("certificate-expired")
    view.show_catalog()
    _wait(host)


def _matrix_screens(host: JourneyHost, page: QWidget, shot: Shot) -> None:
    cast(TrainingMatrixPage, page).refresh()
    _wait(host)
    shot("training-matrix")


JOURNEYS = [
    Journey(
        key="training",
        title=lambda: QCoreApplication.translate("Journeys", "Mi capacitación"),
        create=TrainingPage,
        screenshots=_training_screens,
    ),
    Journey(
        key="training_matrix",
        title=lambda: QCoreApplication.translate("Journeys", "Matriz de capacitación"),
        create=TrainingMatrixPage,
        screenshots=_matrix_screens,
    ),
]
