"""The sync loop: rounds on its own thread, backoff when the server is away, a round on
demand and when the network returns, a watchdog, a clean stop."""

from __future__ import annotations

import queue
import random

from ker_field.domain import demo
from sync.client.api import ServerApi
from sync.client.engine import SyncEngine
from sync.client.scheduler import Backoff, LoopState, SyncLoop
from tests.helpers.live_server import free_port


def test_backoff_grows_exponentially_with_jitter_and_a_cap():
    backoff = Backoff(base=5, cap=900, jitter=0.5)
    rng = random.Random(7)
    delays = [backoff.delay(n, rng) for n in range(1, 12)]
    assert 2.5 <= delays[0] <= 7.5
    assert 20 <= delays[3] <= 60  # fourth failure: 5 * 2**3 = 40 +/- 50 %
    assert all(d <= 900 * 1.5 for d in delays)
    assert max(delays[-3:]) > 450  # reached the cap region


def _loop(engine, scopes, states, reports, errors, **kwargs):
    return SyncLoop(
        engine,
        lambda: scopes,
        on_state=states.put,
        on_report=reports.put,
        on_error=errors.put,
        rng=random.Random(1),
        **kwargs,
    )


def test_rounds_run_on_demand_and_stop_cleanly(device_for):
    device = device_for("tecnico")
    states, reports, errors = queue.Queue(), queue.Queue(), queue.Queue()
    loop = _loop(device.engine, device.scopes, states, reports, errors, interval=3600)
    loop.start()
    first = reports.get(timeout=30)  # the first round runs at start
    assert first.pull.applied > 0
    loop.run_now()
    second = reports.get(timeout=30)
    assert second.pull.applied == 0 and second.push.applied == 0
    loop.stop()
    assert loop.state is LoopState.STOPPED
    assert errors.empty()


def test_an_unreachable_server_backs_off_and_the_network_coming_back_retries(tmp_path, live_server):
    from ker_field.store.local import LocalStore

    store = LocalStore.open(tmp_path / "offline")
    api = ServerApi(f"http://127.0.0.1:{free_port()}", store.device_id)
    api.tokens = None
    engine = SyncEngine(store, api, demo.USER_IDS["tecnico"], live_server.clock)
    states, reports, errors = queue.Queue(), queue.Queue(), queue.Queue()
    loop = _loop(
        engine, ["tenant:x"], states, reports, errors, interval=3600, backoff=Backoff(base=60)
    )
    loop.start()
    error = errors.get(timeout=30)
    assert type(error).__name__ == "SignInRequired"  # no session yet: waits for a person
    while (state := states.get(timeout=10)) is not LoopState.SIGN_IN_REQUIRED:
        assert state is LoopState.SYNCING
    api.tokens = type("T", (), {"access": "x", "refresh": "y"})()  # a session, but no server
    loop.network_back()
    error = errors.get(timeout=30)
    assert type(error).__name__ == "ServerUnavailable"
    assert loop.failures == 1
    loop.stop()
    api.close()
    store.close()
