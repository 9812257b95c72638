"""Fixtures of the live server (SQLite and PostgreSQL) and signed-in demo clients;
registered for the whole suite by tests/conftest.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.helpers.clock import FakeClock
from tests.helpers.live_server import LiveServer, database_url, run_server


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    clock = FakeClock()
    for db in database_url(request.param, tmp_path):
        yield from run_server(db.url, tmp_path, clock)


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[LiveServer]:
    clock = FakeClock()
    for db in database_url("sqlite", tmp_path):
        yield from run_server(db.url, tmp_path, clock)


Login = Callable[..., httpx.Client]


def signed_in(server: LiveServer, username: str, device: str | None = None) -> httpx.Client:
    from ker_field.domain.demo import DEMO_USERS

    password = next(u.password for u in DEMO_USERS if u.username == username)
    client = server.client()
    answer = client.post(
        "/auth/token",
        json={"username": username, "password": password, "device_id": device or f"dev-{username}"},
    )
    assert answer.status_code == 200, answer.text
    client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
    client.tokens = answer.json()  # type: ignore[attr-defined]
    return client


@pytest.fixture
def login(live_server: LiveServer) -> Iterator[Login]:
    clients: list[httpx.Client] = []

    def make(username: str, device: str | None = None) -> httpx.Client:
        client = signed_in(live_server, username, device)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
