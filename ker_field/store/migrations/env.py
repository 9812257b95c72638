"""Alembic environment of the device store. Run through :mod:`ker_field.store.migrate`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from ker_field.domain.models import Base
from ker_field.store.tables import StoreBase

target_metadata = [Base.metadata, StoreBase.metadata]


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through ker_field.store.migrate (no URL-based runs)")
run_migrations(connection)
