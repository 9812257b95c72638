"""The central server (FastAPI): auth, sync (pull, push, blobs), health, and the REST API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import Engine, func, select

from ker_field import __version__
from ker_field.domain.models import Tenant
from sync.server import errors
from sync.server.db import session_factory
from sync.server.deps import ServerState
from sync.server.rest import router as rest_router
from sync.server.routes_auth import router as auth_router
from sync.server.routes_sync import router as sync_router


def create_app(
    engine: Engine,
    blob_dir: Path,
    clock: Callable[[], datetime] | None = None,
) -> FastAPI:
    app = FastAPI(
        title="KER Field central server",
        version=__version__,
        description="Authority for every write of KER Field devices: auth, sync, REST API.",
    )
    blob_dir.mkdir(parents=True, exist_ok=True)
    app.state.ker = ServerState(
        engine=engine,
        sessions=session_factory(engine),
        blob_dir=blob_dir,
        clock=clock or (lambda: datetime.now(UTC)),
    )
    errors.install(app)
    app.include_router(auth_router)
    app.include_router(sync_router)
    app.include_router(rest_router)

    @app.get("/health", tags=["health"])
    def health() -> dict[str, object]:
        with app.state.ker.sessions() as session:
            tenants = session.scalar(select(func.count()).select_from(Tenant)) or 0
        return {
            "status": "ok",
            "version": __version__,
            "database": engine.dialect.name,
            "tenants": tenants,
            "server_time": datetime.now(UTC).isoformat(),
        }

    return app
