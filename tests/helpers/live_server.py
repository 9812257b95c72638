"""The real central server on 127.0.0.1 over HTTP, in a thread of the test process (so the
test can move its clock), on SQLite or on PostgreSQL."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn
from sqlalchemy import Engine, create_engine, text

from sync.server import migrate
from sync.server.app import create_app
from sync.server.db import make_engine, session_factory
from sync.server.demo import seed_server_demo
from tests.helpers.clock import FakeClock
from tests.helpers.postgres import postgres_url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    engine: Engine
    clock: FakeClock
    blob_dir: Path

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kwargs)  # type: ignore[arg-type]


@dataclass
class DatabaseUrl:
    url: str
    kind: str


def database_url(kind: str, tmp_path: Path) -> Iterator[DatabaseUrl]:
    if kind == "sqlite":
        yield DatabaseUrl(f"sqlite:///{tmp_path / 'server.sqlite3'}", kind)
        return
    base = postgres_url()
    schema = f"ker_srv_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield DatabaseUrl(f"{base}{sep}options=-csearch_path%3D{schema}", kind)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def run_server(url: str, tmp_path: Path, clock: FakeClock) -> Iterator[LiveServer]:
    engine = make_engine(url)
    migrate.upgrade(engine)
    blob_dir = tmp_path / "server-blobs"
    with session_factory(engine)() as session, session.begin():
        seed_server_demo(session, clock.now, blob_dir)
    app = create_app(engine, blob_dir, clock)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", engine, clock, blob_dir)
    finally:
        server.should_exit = True
        thread.join(10)
        engine.dispose()
