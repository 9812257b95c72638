"""Training with no server: a real crash mid-quiz (the app SIGKILLed, no shutdown, no
flush) loses no answer the screen showed as saved; the material download without a server
says so, keeping the button to try again; a practice quiz checks itself on the device."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.enums import ContentType
from ker_field.domain.models import TrainingModule, TrainingQuiz
from ker_field.domain.scopes import tenant_scope
from ker_field.settings import Settings
from ker_field.store.local import LocalStore
from ker_field.store.tables import OutboxEntry, QuizDraft
from ker_field.tools import demo_scene
from ker_field.ui.main_window import MainWindow
from ker_field.ui.tasks import TaskRunner
from ker_field.ui.training.page import TrainingPage

INDUCTION = demo.demo_id("module", "induction")
HYDRAULIC = demo.demo_id("module", "hydraulic")

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication
    from ker_field.domain import demo
    from ker_field.settings import Settings
    from ker_field.store.local import LocalStore
    from ker_field.tools import demo_scene
    from ker_field.ui.main_window import MainWindow
    from ker_field.ui.tasks import TaskRunner

    app = QApplication([])
    folder = Path(sys.argv[1])
    store = LocalStore.open(folder)
    session = demo_scene.session_for(store, "tecnico2")
    tasks = TaskRunner()
    window = MainWindow(session, Settings(), folder, tasks)
    window.show()
    page = window.show_page("training")

    def until(condition, seconds=20):
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit("timed out")
            tasks.wait(50)
            QCoreApplication.processEvents()

    page.refresh()
    until(lambda: page.loaded)
    page.choose(demo.demo_id("module", "induction"))
    page.quiz_button.click()
    until(lambda: len(page.quiz.boxes) == 2)
    page.quiz.boxes[0].buttons[1].click()   # q1: false
    page.quiz.boxes[1].buttons[2].click()   # q2: the third option
    until(lambda: "2 de 2 respuestas guardadas" in page.quiz.saved.text())
    print("SAVED", page.quiz.draft.id, flush=True)
    while True:  # the person keeps reading; the tablet dies here
        QCoreApplication.processEvents()
        time.sleep(0.05)
    """
)


def test_a_killed_app_keeps_every_answer_it_showed_as_saved(
    qtbot, tmp_path: Path, tasks: TaskRunner
):
    folder = tmp_path / "device"
    demo_scene.build(folder).close()
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    child = subprocess.Popen(
        [sys.executable, str(script), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("SAVED "), line
        draft_id = line.split()[1]
        child.send_signal(signal.SIGKILL)  # no shutdown, no flush
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        if child.stdout is not None:
            child.stdout.close()

    store = LocalStore.open(folder)
    try:
        with store.sessions() as db:
            draft = db.scalars(select(QuizDraft).where(QuizDraft.module_id == INDUCTION)).all()
        mine = [d for d in draft if str(d.id) == draft_id]
        assert mine and mine[0].answers == {"q1": False, "q2": 2}
        session = demo_scene.session_for(store, "tecnico2")
        window = MainWindow(session, Settings(), folder, tasks)
        qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
        window.show()
        page = window.show_page("training")
        assert isinstance(page, TrainingPage)
        page.refresh()
        qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
        page.choose(INDUCTION)
        page.quiz_button.click()
        qtbot.waitUntil(lambda: len(page.quiz.boxes) == 2, timeout=10_000)
        assert [box.value() for box in page.quiz.boxes] == [False, 2]
        window.shutdown()
        session.close()
    finally:
        store.close()


@pytest.fixture
def scene(tmp_path: Path):
    store = demo_scene.build(tmp_path / "scene")
    yield store
    store.close()


def test_material_download_without_a_server_says_so_and_can_be_retried(
    qtbot, scene: LocalStore, tasks: TaskRunner, tmp_path: Path
):
    with scene.sessions() as db:
        sha = db.get(TrainingModule, HYDRAULIC).content_sha256
    scene.blobs.path(sha).unlink()  # the material is not on this device
    session = demo_scene.session_for(scene, "tecnico")  # its server does not answer
    window = MainWindow(session, Settings(), tmp_path / "scene", tasks)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    window.show()
    page = window.show_page("training")
    assert isinstance(page, TrainingPage)
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    page.choose(HYDRAULIC)
    page.open_button.click()
    assert page.download_button.isVisible() and "KB" in page.download_button.text()
    page.download_button.click()
    qtbot.waitUntil(lambda: page.download_button.isEnabled(), timeout=15_000)
    assert "No se pudo descargar el material" in page.download_note.text()
    assert not page.download_progress.isVisible() and not page.pdf.isVisible()
    window.shutdown()
    session.close()


def test_a_practice_quiz_checks_itself_on_the_device(
    qtbot, scene: LocalStore, tasks: TaskRunner, tmp_path: Path
):
    module_id, quiz_id = uuid.uuid4(), uuid.uuid4()
    with scene.transaction() as db:
        db.add(
            TrainingModule(
                id=module_id,
                tenant_id=demo.TENANT_ID,
                scope=tenant_scope(demo.TENANT_ID),
                title="Práctica: candados y tarjetas",
                content_type=ContentType.PDF,
                practice_only=True,
            )
        )
        db.add(
            TrainingQuiz(
                id=quiz_id,
                tenant_id=demo.TENANT_ID,
                scope=tenant_scope(demo.TENANT_ID),
                module_id=module_id,
                title="Práctica",
                questions=[
                    {
                        "id": "a",
                        "kind": "true_false",
                        "text": "¿Se prueba el arranque?",
                        "answer": True,
                    },
                    {
                        "id": "b",
                        "kind": "multiple_choice",
                        "text": "¿Qué lleva cada punto?",
                        "options": ["Candado", "Tarjeta", "Nada"],
                        "answer": [0, 1],
                    },
                ],
            )
        )
    session = demo_scene.session_for(scene, "tecnico")
    window = MainWindow(session, Settings(), tmp_path / "scene", tasks)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    window.show()
    page = window.show_page("training")
    assert isinstance(page, TrainingPage)
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    entry = page.choose(module_id)
    assert entry.practice_only and "práctica" in page.detail_facts.text()
    page.quiz_button.click()
    qtbot.waitUntil(lambda: len(page.quiz.boxes) == 2, timeout=10_000)
    assert "se corrige en este equipo" in page.quiz.facts.text()
    page.quiz.boxes[0].buttons[0].click()  # true
    page.quiz.boxes[1].buttons[0].click()  # padlock
    page.quiz.boxes[1].buttons[1].click()  # and tag
    qtbot.waitUntil(lambda: "2 de 2" in page.quiz.saved.text(), timeout=5_000)
    pending = scene.pending_count()
    page.quiz.hand_in()
    qtbot.waitUntil(lambda: page.quiz.result.isVisible(), timeout=10_000)
    assert page.quiz.result.text() == "Práctica corregida en este equipo: 100%."
    assert scene.pending_count() == pending  # nothing goes to the server
    window.shutdown()
    session.close()


def test_handing_in_right_after_the_last_tap_keeps_that_answer(
    qtbot, scene: LocalStore, tasks: TaskRunner, tmp_path: Path
):
    session = demo_scene.session_for(scene, "tecnico2")
    window = MainWindow(session, Settings(), tmp_path / "scene", tasks)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    window.show()
    page = window.show_page("training")
    assert isinstance(page, TrainingPage)
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    page.choose(INDUCTION)
    page.quiz_button.click()
    qtbot.waitUntil(lambda: len(page.quiz.boxes) == 2, timeout=10_000)
    page.quiz.boxes[0].buttons[1].click()
    page.quiz.boxes[1].buttons[0].click()
    page.quiz.boxes[1].buttons[2].click()  # changed her mind, then at once:
    page.quiz.hand_in()
    qtbot.waitUntil(lambda: page.quiz.result.isVisible(), timeout=10_000)
    with scene.sessions() as db:
        sent = db.scalars(
            select(OutboxEntry).where(OutboxEntry.name == "training.submit_attempt")
        ).one()
    assert sent.args["answers"] == {"q1": False, "q2": 2}
    window.shutdown()
    session.close()
