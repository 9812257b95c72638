"""The sync loop: its own thread and timer, jittered exponential backoff (capped), a run on
demand or when the network returns, a watchdog per round, and callbacks for the UI.

It never needs a new local write to retry: the timer alone brings the next round.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sync.client.api import SignInRequired, SyncError
from sync.client.engine import Cancelled, Progress, SyncEngine, SyncReport


class LoopState(StrEnum):
    IDLE = "idle"
    SYNCING = "syncing"
    OFFLINE = "offline"  # the last round could not reach the server; retrying with backoff
    SIGN_IN_REQUIRED = "sign_in_required"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Backoff:
    base: float = 5.0
    cap: float = 900.0
    jitter: float = 0.5  # +/- 50 %

    def delay(self, failures: int, rng: random.Random) -> float:
        raw: float = min(self.cap, self.base * (2.0 ** max(failures - 1, 0)))
        return float(max(0.1, raw * (1 + rng.uniform(-self.jitter, self.jitter))))


class SyncLoop:
    def __init__(
        self,
        engine: SyncEngine,
        scopes: Callable[[], list[str]],
        interval: float = 60.0,
        backoff: Backoff | None = None,
        round_timeout: float = 300.0,
        on_state: Callable[[LoopState], None] | None = None,
        on_progress: Progress | None = None,
        on_report: Callable[[SyncReport], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.engine, self.scopes = engine, scopes
        self.interval, self.backoff, self.round_timeout = (
            interval,
            backoff or Backoff(),
            round_timeout,
        )
        self._on_state = on_state or (lambda _s: None)
        self._on_progress = on_progress or (lambda _p, _d, _t: None)
        self._on_report = on_report or (lambda _r: None)
        self._on_error = on_error or (lambda _e: None)
        self._rng = rng or random.Random()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.failures = 0
        self.state = LoopState.IDLE
        self.next_delay = 0.0

    # -- control ------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="ker-sync", daemon=True)
            self._thread.start()

    def run_now(self) -> None:
        """A person pressed "sync", or the app came back to the foreground."""
        self._wake.set()

    def network_back(self) -> None:
        """The network returned: try at once instead of waiting out the backoff."""
        self.failures = 0
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        self.engine.cancel()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._set(LoopState.STOPPED)

    # -- the loop -----------------------------------------------------------------------

    def _set(self, state: LoopState) -> None:
        self.state = state
        self._on_state(state)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._round()
            if self._stop.is_set():
                break
            if self.state is LoopState.SIGN_IN_REQUIRED:
                self.next_delay = float("inf")
                self._wake.wait()  # only a person signing in (run_now) resumes
            else:
                self.next_delay = (
                    self.interval
                    if self.failures == 0
                    else self.backoff.delay(self.failures, self._rng)
                )
                self._wake.wait(self.next_delay)
            self._wake.clear()

    def _round(self) -> None:
        self._set(LoopState.SYNCING)
        watchdog = threading.Timer(self.round_timeout, self.engine.cancel)
        watchdog.daemon = True
        watchdog.start()
        try:
            report = self.engine.sync_once(self.scopes(), self._on_progress)
        except SignInRequired as exc:
            self._on_error(exc)
            self._set(LoopState.SIGN_IN_REQUIRED)
            return
        except (SyncError, Cancelled) as exc:  # unreachable server, refused call, watchdog
            self.failures += 1
            self._on_error(exc)
            self._set(LoopState.OFFLINE)
            return
        except Exception as exc:  # a bug must not kill the loop: report and back off
            self.failures += 1
            self._on_error(exc)
            self._set(LoopState.OFFLINE)
            return
        finally:
            watchdog.cancel()
        self.failures = 0
        self._on_report(report)
        self._set(LoopState.IDLE)
