"""The central server (FastAPI). This foundation serves the schema and ``/health``;
the REST API, auth and the sync endpoints come with issue 3."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import FastAPI
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from ker_field import __version__
from ker_field.domain.models import Tenant


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(title="KER Field central server", version=__version__)

    @app.get("/health")
    def health() -> dict[str, object]:
        with Session(engine) as session:
            tenants = session.scalar(select(func.count()).select_from(Tenant)) or 0
        return {
            "status": "ok",
            "version": __version__,
            "database": engine.dialect.name,
            "tenants": tenants,
            "server_time": datetime.now(UTC).isoformat(),
        }

    return app
