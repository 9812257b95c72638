"""The server's database: SQLite by default, PostgreSQL at scale.

Every flush of a replicated row bumps its version; at commit, the rows written go to the
change log in the same transaction. On PostgreSQL that insert first takes a
transaction-scoped advisory lock per scope, so a scope's change-log rows commit in
sequence order: a puller can never pass a sequence number that a slower transaction would
still fill in below (see :func:`write_change_log`).
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

CHANGE_LOG_LOCK = 0x4B45524C  # "KERL": namespace of the advisory locks ordering commits
_PENDING = "ker_changed"
_ROWS = "ker_change_rows"  # rows captured at flush, logged at commit
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
def _capture_changes(session: Session, _ctx: UOWTransaction) -> None:
    """Keep each flushed row as it is now; the log is written at commit."""
    pending: list[Synced] = session.info.pop(_PENDING, [])
    rows: list[dict[str, Any]] = session.info.setdefault(_ROWS, [])
    rows.extend(
        {
            "scope": obj.scope,
            "entity": obj.__tablename__,  # type: ignore[attr-defined]
            "row_id": obj.id,
            "op": "delete" if obj.deleted else "upsert",
            "row": row_to_json(obj),
        }
        for obj in pending
    )


def write_change_log(session: Session) -> None:
    """Append the transaction's captured rows to the change log.

    On PostgreSQL this first takes a transaction-scoped advisory lock per scope written
    (in sorted order, so two writers never deadlock): sequence numbers of a scope are then
    handed out in commit order, and a pull can never pass a seq that a slower transaction
    would still fill in below it. The lock is held only from here to the commit.
    """
    session.flush()
    rows: list[dict[str, Any]] = session.info.pop(_ROWS, [])
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        for scope in sorted({row["scope"] for row in rows}):
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:ns, hashtext(:scope))"),
                {"ns": CHANGE_LOG_LOCK, "scope": scope},
            )
    now = utcnow()
    connection.execute(insert(ChangeLogEntry), [{**row, "created_at": now} for row in rows])


@event.listens_for(ServerSession, "before_commit")
def _before_commit(session: Session) -> None:
    write_change_log(session)


@event.listens_for(ServerSession, "after_transaction_end")
def _release_marker(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_ROWS, None)
        session.info.pop(_PENDING, None)
        session.info.pop(SCOPES, None)
