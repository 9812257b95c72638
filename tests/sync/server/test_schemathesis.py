"""Property-based API fuzzing: every operation of the server's OpenAPI spec, with generated
valid and invalid inputs, over real HTTP against the live server (SQLite, demo data).

The only property asserted is that the server never answers 5xx: a malformed request is
the client's error (4xx), never a crash. Protected operations are called with a real
supervisor's bearer token so the generated data reaches the route logic; when the
generator also made an ``Authorization`` header of its own (a value not sent before), that
one is sent first as generated, to fuzz the token parser too.

The spec is read from the app factory at import (schemathesis collects one test per
operation from it); the requests go to one live server for the module. The fixture-based
loader (``schemathesis.pytest.from_fixture``) is not used: schemathesis 4.32 reads
``Node._nodeid``, which pytest 9.2 no longer has.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from ker_field.domain import demo
from sync.server.app import create_app
from sync.server.db import make_engine
from tests.helpers.clock import FakeClock
from tests.helpers.live_server import LiveServer, database_url, run_server

# The supervisor's own device: generated device ids never match it, so the fuzzer cannot
# revoke the token it runs with (a supervisor may only revoke their own device).
DEVICE_ID = "schemathesis-fuzzer-4f1d9c"
SUPERVISOR = next(u for u in demo.DEMO_USERS if u.username == "supervisor")
# Generated Authorization values already sent: the token parser answers the same whatever
# the operation, so each distinct value is sent once.
SENT_TOKENS: set[str] = set()


def _openapi() -> dict[str, Any]:
    engine = make_engine("sqlite://")  # never connected: the spec needs no database
    try:
        with tempfile.TemporaryDirectory() as blobs:
            return create_app(engine, Path(blobs)).openapi()
    finally:
        engine.dispose()


# The coverage phase's probes of unlisted HTTP methods (405 from the router for every
# operation) are left out: they cost a third of the run and never reach our code.
CONFIG = schemathesis.Config.from_dict({"phases": {"coverage": {"unexpected-methods": []}}})
schema = schemathesis.openapi.from_dict(_openapi(), config=CONFIG)


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One live server for every operation's test (demo data, SQLite)."""
    tmp_path = tmp_path_factory.mktemp("fuzz-server")
    for db in database_url("sqlite", tmp_path):
        yield from run_server(db.url, tmp_path, FakeClock())


@pytest.fixture(scope="module")
def bearer(fuzz_server: LiveServer) -> dict[str, str]:
    answer = httpx.post(
        f"{fuzz_server.url}/auth/token",
        json={
            "username": SUPERVISOR.username,
            "password": SUPERVISOR.password,
            "device_id": DEVICE_ID,
        },
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


@schema.parametrize()
@settings(
    max_examples=10,  # per operation, after the coverage phase: ~3k requests for 58 operations
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_operation_answers_a_server_error(
    case: Any, fuzz_server: LiveServer, bearer: dict[str, str]
) -> None:
    generated = {k.lower(): v for k, v in (case.headers or {}).items()}.get("authorization")
    if generated is not None and str(generated) not in SENT_TOKENS:
        SENT_TOKENS.add(str(generated))
        case.call_and_validate(base_url=fuzz_server.url, checks=[not_a_server_error], timeout=30)
    case.call_and_validate(
        base_url=fuzz_server.url, headers=bearer, checks=[not_a_server_error], timeout=30
    )
