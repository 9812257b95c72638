"""The server's database: SQLite by default, PostgreSQL at scale.

Every flush of a replicated row bumps its version and appends it to the change log in the
same transaction. On PostgreSQL the first change-log insert of a transaction takes a
transaction-scoped advisory lock, so change-log rows commit in sequence order: a puller
can never pass a sequence number that a slower transaction would still fill in below.
"""

from __future__ import annotations

import sqlite3
from typing import Any, cast

from sqlalchemy import Engine, create_engine, event, insert, text
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from ker_field.domain.models import Synced
from ker_field.domain.models.base import utcnow
from sync.protocol.rows import row_to_json
from sync.server.tables import ChangeLogEntry

CHANGE_LOG_LOCK = 0x4B45524C  # "KERL": the advisory lock that orders change-log commits
_PENDING = "ker_changed"
_LOCKED = "ker_change_lock"
SCOPES = "ker_scopes"  # the scopes written in the current transaction


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


class ServerSession(Session):
    """A session whose flushes keep the change log."""


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions of the ServerSession class (typed as plain sessions for their users)."""
    return cast(
        "sessionmaker[Session]", sessionmaker(engine, class_=ServerSession, expire_on_commit=False)
    )


@event.listens_for(ServerSession, "before_flush")
def _bump_versions(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    pending: list[Synced] = session.info.setdefault(_PENDING, [])
    scopes: set[str] = session.info.setdefault(SCOPES, set())
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, Synced):
            obj.version = 1
            obj.updated_at = now
            if obj.deleted is None:
                obj.deleted = False
            pending.append(obj)
            scopes.add(obj.scope)
    for obj in session.dirty:
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            obj.version = (obj.version or 0) + 1
            obj.updated_at = now
            pending.append(obj)
            scopes.add(obj.scope)


@event.listens_for(ServerSession, "after_flush")
def _append_change_log(session: Session, _ctx: UOWTransaction) -> None:
    pending: list[Synced] = session.info.pop(_PENDING, [])
    if not pending:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql" and not session.info.get(_LOCKED):
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHANGE_LOG_LOCK})
        session.info[_LOCKED] = True
    rows = [
        {
            "scope": obj.scope,
            "entity": obj.__tablename__,  # type: ignore[attr-defined]
            "row_id": obj.id,
            "op": "delete" if obj.deleted else "upsert",
            "row": row_to_json(obj),
            "created_at": utcnow(),
        }
        for obj in pending
    ]
    connection.execute(insert(ChangeLogEntry), rows)


@event.listens_for(ServerSession, "after_transaction_end")
def _release_marker(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_LOCKED, None)
        session.info.pop(_PENDING, None)
        session.info.pop(SCOPES, None)
