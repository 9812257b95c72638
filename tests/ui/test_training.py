"""Training offline on the module's real server (tests that change nothing there): a crash
mid-quiz loses nothing; a malformed quiz is refused; the supervisor's matrix and CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.enums import TrainingStatus
from ker_field.domain.models import TrainingQuiz
from ker_field.settings import Settings
from ker_field.store.local import LocalStore
from ker_field.store.tables import QuizDraft
from ker_field.ui.main_window import MainWindow
from ker_field.ui.tasks import TaskRunner
from ker_field.ui.training.matrix import TrainingMatrixPage
from tests.helpers.live_server import LiveServer
from tests.helpers.training_ui import answer, open_training

HYDRAULIC = demo.demo_id("module", "hydraulic")
ELECTRICAL = demo.demo_id("module", "electrical")
INDUCTION = demo.demo_id("module", "induction")


@pytest.fixture
def window_for(qtbot, signed_in, tasks: TaskRunner, tmp_path: Path, server: LiveServer):
    opened: list[MainWindow] = []

    def make(username: str, sync: bool = True) -> MainWindow:
        session = signed_in(username)
        if sync:
            session.sync_engine().sync_once(session.scopes())
        window = MainWindow(session, Settings(server_url=server.url), tmp_path / "data", tasks)
        qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
        window.resize(1024, 600)
        window.show()
        window.start(sync=False)
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.shutdown()


def test_a_crash_in_the_middle_of_a_quiz_loses_no_answer(
    qtbot, window_for, store: LocalStore, tasks: TaskRunner
):
    window = window_for("tecnico2")
    page = open_training(qtbot, window)
    page.choose(INDUCTION)
    page.quiz_button.click()
    answer(qtbot, page, {"q1": 1})
    draft_id = page.quiz.draft.id

    def kept() -> dict:
        with store.sessions() as db:
            return db.get(QuizDraft, draft_id).answers

    # Written at once, without closing anything: what a crash right now would leave.
    qtbot.waitUntil(lambda: kept() == {"q1": False}, timeout=5_000)
    answer(qtbot, page, {"q2": 2})
    qtbot.waitUntil(lambda: kept() == {"q1": False, "q2": 2}, timeout=5_000)
    window.close()  # the worker closes the app mid-quiz
    window.shutdown()

    reopened = window_for("tecnico2", sync=False)
    again = open_training(qtbot, reopened)
    entry = again.choose(INDUCTION)
    assert entry.draft_id == draft_id
    assert again.quiz_button.text() == "Continuar evaluación"
    again.quiz_button.click()
    qtbot.waitUntil(lambda: len(again.quiz.boxes) == 2, timeout=10_000)
    values = {box.question.id: box.value() for box in again.quiz.boxes}
    assert values == {"q1": False, "q2": 2}
    assert "2 de 2 respuestas guardadas" in again.quiz.saved.text()


def test_a_malformed_quiz_is_refused_with_a_message(qtbot, window_for, store: LocalStore):
    window = window_for("tecnico2")
    with store.transaction() as db:
        quiz = db.get(TrainingQuiz, demo.demo_id("quiz", "induction"))
        quiz.questions = [
            {"id": "q1", "kind": "single_choice", "text": "¿Cuál?", "options": ["solo una"]},
            {"id": "q2", "kind": "essay", "text": "Explique"},
        ]
    page = open_training(qtbot, window)
    page.choose(INDUCTION)
    page.quiz_button.click()
    qtbot.waitUntil(lambda: page.quiz.message.isVisible(), timeout=10_000)
    text = page.quiz.message.text()
    assert "dañado" in text and "#1 (q1)" in text
    assert not page.quiz.boxes and not page.quiz.hand_in_button.isEnabled()
    with store.sessions() as db:
        assert db.scalars(select(QuizDraft)).first() is None  # nothing written


def test_supervisor_matrix_shows_the_team_and_exports_csv(
    qtbot, window_for, qtmodeltester, tmp_path: Path
):
    window = window_for("supervisor")
    assert "training_matrix" in window.page_keys()
    page = window.show_page("training_matrix")
    assert isinstance(page, TrainingMatrixPage)
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    qtmodeltester.check(page.model, force_py=True)
    matrix = page.model.matrix
    names = [p.full_name for p in matrix.people]
    assert "Pedro Soto" in names
    tech = demo.USER_IDS["tecnico"]
    assert matrix.cell(tech, HYDRAULIC).status is TrainingStatus.EXPIRED
    assert matrix.cell(tech, ELECTRICAL).status is TrainingStatus.PASSED
    assert matrix.cell(demo.USER_IDS["tecnico2"], ELECTRICAL).status is TrainingStatus.ASSIGNED
    assert "Datos del servidor" in page.source.text()
    target = tmp_path / "matriz.csv"
    assert page.export_csv(target)
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "Persona" and len(rows) == len(matrix.people) + 1
    pedro = next(r for r in rows if r[0] == "Pedro Soto")
    hydraulic_col = next(n for n, h in enumerate(rows[0]) if "[hydraulic]" in h)
    assert pedro[hydraulic_col].startswith("vencido (")
    # Offline later: the last copy is shown, with its date.
    window.session.signed_in_online = False
    page.loaded = False
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert page.source.text().startswith("Sin conexión: copia del")
    assert page.model.matrix.cell(tech, HYDRAULIC).status is TrainingStatus.EXPIRED


def test_catalog_model_passes_the_model_tester(qtbot, window_for, qtmodeltester):
    page = open_training(qtbot, window_for("tecnico"))
    qtmodeltester.check(page.model, force_py=True)
    assert page.entries[0].required
