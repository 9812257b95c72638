"""The task runner: work off the GUI thread, callbacks on it, progress, shutdown."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel

from ker_field.ui.tasks import TaskRunner


def test_success_runs_on_the_gui_thread_with_the_result(qtbot, tasks: TaskRunner):
    gui = threading.current_thread()
    worker_threads: list[threading.Thread] = []
    results: list[tuple[int, threading.Thread]] = []

    def work() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    tasks.run(work, lambda value: results.append((value, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(results))
    assert results == [(42, gui)]
    assert worker_threads[0] is not gui


def test_failure_reaches_the_failure_callback_on_the_gui_thread(qtbot, tasks: TaskRunner):
    errors: list[tuple[BaseException, threading.Thread]] = []

    def boom() -> None:
        raise ValueError("no network")

    tasks.run(boom, on_failure=lambda exc: errors.append((exc, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0][0], ValueError)
    assert errors[0][1] is threading.current_thread()


def test_progress_is_delivered_in_order(qtbot, tasks: TaskRunner):
    seen: list[tuple[str, int, int]] = []
    done: list[str] = []

    def work(report) -> str:  # type: ignore[no-untyped-def]
        for n in range(5):
            report("pull", n + 1, 5)
        return "ok"

    tasks.run(work, done.append, on_progress=lambda *p: seen.append(p))
    qtbot.waitUntil(lambda: bool(done))
    assert seen == [("pull", n, 5) for n in range(1, 6)]


def test_shutdown_waits_for_running_tasks_and_drops_late_results(qtbot, qapp):
    runner = TaskRunner()
    finished = threading.Event()
    delivered: list[object] = []

    def slow() -> str:
        time.sleep(0.2)
        finished.set()
        return "late"

    runner.run(slow, delivered.append)
    assert runner.shutdown(5_000)
    assert finished.is_set()
    qapp.processEvents()
    assert delivered == []
    with pytest.raises(RuntimeError):
        runner.run(slow)


def test_forget_drops_a_result(qtbot, tasks: TaskRunner):
    delivered: list[object] = []
    task = tasks.run(lambda: 1, delivered.append)
    tasks.forget(task)
    tasks.run(lambda: 2, delivered.append)
    qtbot.waitUntil(lambda: delivered == [2])


def test_a_result_for_a_closed_page_is_dropped(qtbot, tasks: TaskRunner):
    """A page deleted while its task ran (a person logged out) does not hear back."""
    gate = threading.Event()
    page = QLabel()
    shown: list[str] = []
    tasks.run(lambda: (gate.wait(5), "late")[1], page.setText, page.setText)
    tasks.run(lambda: "alive", shown.append)
    page.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(page), timeout=2_000)
    gate.set()
    tasks.wait()
    qtbot.waitUntil(lambda: shown == ["alive"], timeout=2_000)
    qtbot.wait(20)  # the late result arrived and was dropped: no RuntimeError in the loop
