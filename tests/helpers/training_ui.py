"""Steps the training UI tests share: open the training page, answer a quiz by tapping,
hand it in, and the guarded LOTO step on a hydraulic asset."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.models import Asset
from ker_field.services import loto
from ker_field.store.local import LocalStore
from ker_field.ui.main_window import MainWindow
from ker_field.ui.training.page import TrainingPage


def open_training(qtbot, window: MainWindow) -> TrainingPage:
    page = window.show_page("training")
    assert isinstance(page, TrainingPage)
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    return page


def hydraulic_asset(store: LocalStore) -> uuid.UUID:
    with store.sessions() as db:
        return db.scalars(
            select(Asset.id).where(
                Asset.category == "hydraulic", Asset.site_id == demo.SITE_IDS["STGO"]
            )
        ).first()


def answer(qtbot, page: TrainingPage, choices: dict[str, int]) -> None:
    """Tap the options (by index) of each question, as a person would."""
    qtbot.waitUntil(
        lambda: bool(page.quiz.boxes) and all(b.isVisible() for b in page.quiz.boxes),
        timeout=10_000,
    )
    for box in page.quiz.boxes:
        if box.question.id in choices:
            button = box.buttons[choices[box.question.id]]
            page.quiz.scroll_area.ensureWidgetVisible(button)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            assert button.isChecked()


def lock_out(ctx, store: LocalStore, asset: uuid.UUID) -> None:
    """Notify, shut down and put the first lock on (with its photo): the guarded step."""
    import cv2
    import numpy as np

    view = loto.notify_affected(ctx, asset)
    loto.shut_down(ctx, view.lockout_id)
    frame = np.full((120, 160, 3), (40, 90, 200), dtype=np.uint8)
    ok, jpeg = cv2.imencode(".jpg", frame)
    assert ok
    photo = store.blobs.put(jpeg.tobytes())
    loto.apply_lock(ctx, view.lockout_id, view.points[0].id, "L-900", photo)


def hand_in(qtbot, page: TrainingPage) -> None:
    page.quiz.hand_in_button.click()
    qtbot.waitUntil(lambda: page.quiz.confirm_box is not None, timeout=5_000)
    box = page.quiz.confirm_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.quiz.result.isVisible(), timeout=10_000)
