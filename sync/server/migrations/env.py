"""Alembic environment of the central server's database (domain + server tables)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from ker_field.domain.models import Base
from sync.server.tables import ServerBase

target_metadata = [Base.metadata, ServerBase.metadata]


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through sync.server.migrate")
run_migrations(connection)
