"""The SQLite engine: WAL, a busy timeout and foreign keys on every connection."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # pysqlite's own transaction handling defers BEGIN; let SQLAlchemy emit it (see below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


WRITE_OPTION = "ker_write"
REPLICA_OPTION = "ker_replica"


def _on_begin(conn: Any) -> None:
    # A write transaction takes the write lock up front (BEGIN IMMEDIATE): two writers wait
    # on busy_timeout instead of failing with "database is locked" when a read lock is
    # upgraded. Reads begin deferred and, in WAL mode, never wait for a writer.
    options = conn.get_execution_options()
    # Rows pulled from the server are already checked there (PostgreSQL enforces the
    # foreign keys); a page may hold a child before its parent, so replica writes skip the
    # check. Local writes always have it. The pragma must be set outside a transaction.
    replica = options.get(REPLICA_OPTION, False)
    conn.exec_driver_sql(f"PRAGMA foreign_keys={'OFF' if replica else 'ON'}")
    immediate = options.get(WRITE_OPTION, False) or replica
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def replica_writer(engine: Engine) -> Engine:
    """Transactions that apply server rows: write lock up front, foreign keys not checked."""
    return engine.execution_options(**{REPLICA_OPTION: True})


def writer(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions begin IMMEDIATE."""
    return engine.execution_options(**{WRITE_OPTION: True})


def make_engine(db_path: Path) -> Engine:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{db_path}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine
