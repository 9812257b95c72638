"""The one way to run work off the GUI thread.

    tasks.run(partial(active_locks, ctx), on_success=self._show_locks, on_failure=self._failed)

``fn`` runs on a QThreadPool worker; its result (or exception) comes back to the GUI
thread through a queued signal to a ``@Slot`` of :class:`TaskRunner` (a QObject living in
the GUI thread), which then calls ``on_success(result)`` or ``on_failure(exc)`` there.
Long work may take a ``progress`` callable: ``tasks.run(fn, ..., on_progress=slot,
with_progress=True)`` calls ``fn(report)`` where ``report(phase, done, total)`` is safe
to call from the worker; ``on_progress`` runs on the GUI thread.

:meth:`TaskRunner.shutdown` waits for running tasks and drops their late results, so a
closing window never receives a callback after it is gone.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]
ProgressSlot = Callable[[str, int, int], None]


def _alive(callback: Callable[..., Any]) -> bool:
    """False for a method of a Qt object already deleted (a closed page)."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Relay(QObject):
    """Signals a worker emits; created in the GUI thread, so receivers there get them queued."""

    done = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, str, int, int)


@dataclass
class _Pending:
    on_success: Success | None
    on_failure: Failure | None
    on_progress: ProgressSlot | None


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[..., Any], relay: _Relay, progress: bool):
        super().__init__()
        self.setAutoDelete(True)
        self._task_id, self._fn, self._relay, self._progress = task_id, fn, relay, progress

    def _report(self, phase: str, done: int, total: int) -> None:
        self._relay.progress.emit(self._task_id, phase, done, total)

    def run(self) -> None:
        try:
            result = self._fn(self._report) if self._progress else self._fn()
        except BaseException as exc:
            self._relay.failed.emit(self._task_id, exc)
        else:
            self._relay.done.emit(self._task_id, result)


class TaskRunner(QObject):
    """Owns a thread pool; every screen runs its background work through one instance."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._relay.progress.connect(self._on_progress)
        self._pending: dict[int, _Pending] = {}
        self._ids = itertools.count(1)
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def running(self) -> int:
        return len(self._pending)

    def run(
        self,
        fn: Callable[..., Any],
        on_success: Success | None = None,
        on_failure: Failure | None = None,
        *,
        on_progress: ProgressSlot | None = None,
        with_progress: bool = False,
    ) -> int:
        """Start ``fn`` off the GUI thread; returns the task id."""
        if self._closed:
            raise RuntimeError("the task runner was shut down")
        task_id = next(self._ids)
        self._pending[task_id] = _Pending(on_success, on_failure, on_progress)
        self._pool.start(_Job(task_id, fn, self._relay, with_progress or on_progress is not None))
        return task_id

    def forget(self, task_id: int) -> None:
        """The caller lost interest: the result, when it comes, is dropped."""
        self._pending.pop(task_id, None)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every running task ended (tests, shutdown). Results are delivered
        by the event loop afterwards."""
        return bool(self._pool.waitForDone(msecs))

    def shutdown(self, msecs: int = 30_000) -> bool:
        """No new tasks; wait for running ones; drop their results."""
        self._closed = True
        self._pending.clear()
        return bool(self._pool.waitForDone(msecs))

    # -- GUI thread ---------------------------------------------------------------------

    @Slot(int, object)
    def _on_done(self, task_id: int, result: object) -> None:
        pending = self._pending.pop(task_id, None)
        if pending is not None and pending.on_success is not None and _alive(pending.on_success):
            pending.on_success(result)

    @Slot(int, object)
    def _on_failed(self, task_id: int, exc: object) -> None:
        pending = self._pending.pop(task_id, None)
        if pending is None:
            return
        assert isinstance(exc, BaseException)
        if pending.on_failure is not None:
            if _alive(pending.on_failure):  # not when its window is gone
                pending.on_failure(exc)
        else:
            log.error("background task failed", exc_info=exc)

    @Slot(int, str, int, int)
    def _on_progress(self, task_id: int, phase: str, done: int, total: int) -> None:
        pending = self._pending.get(task_id)
        if pending is not None and pending.on_progress is not None:
            pending.on_progress(phase, done, total)
