"""The device's local store: one SQLite file plus a blob folder in the data directory."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from ker_field.store import migrate
from ker_field.store.blobs import BlobStore
from ker_field.store.engine import make_engine, replica_writer, writer
from ker_field.store.paths import BLOB_DIRNAME, DB_FILENAME, resolve_data_dir
from ker_field.store.tables import BlobQueueEntry, DeviceInfo, OutboxEntry, SyncIssue


@dataclass
class LocalStore:
    data_dir: Path
    engine: Engine
    sessions: sessionmaker[Session]  # reads
    write_sessions: sessionmaker[Session]
    replica_sessions: sessionmaker[Session]  # applying pulled server rows
    blobs: BlobStore
    device_id: str

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> LocalStore:
        """Open (creating or upgrading in place) the store in ``data_dir``."""
        root = resolve_data_dir(data_dir)
        root.mkdir(parents=True, exist_ok=True)
        engine = make_engine(root / DB_FILENAME)
        if not migrate.at_head(root / DB_FILENAME):  # Alembic only when the schema is behind
            migrate.upgrade(writer(engine))
        sessions = sessionmaker(engine, expire_on_commit=False)
        write_sessions = sessionmaker(writer(engine), expire_on_commit=False)
        replica_sessions = sessionmaker(replica_writer(engine), expire_on_commit=False)
        with write_sessions.begin() as session:
            info = session.get(DeviceInfo, 1)
            if info is None:
                info = DeviceInfo(id=1, device_id=f"dev-{uuid.uuid4().hex[:16]}")
                session.add(info)
            device_id = info.device_id
        blobs = BlobStore(root / BLOB_DIRNAME)
        return cls(root, engine, sessions, write_sessions, replica_sessions, blobs, device_id)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction: committed on success, rolled back on any error."""
        with self.write_sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def pending_count(self) -> int:
        with self.sessions() as session:
            return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)

    def open_issue_count(self) -> int:
        with self.sessions() as session:
            query = (
                select(func.count()).select_from(SyncIssue).where(SyncIssue.resolved_at.is_(None))
            )
            return int(session.scalar(query) or 0)


def enqueue_mutation(
    session: Session,
    *,
    name: str,
    args: dict[str, Any],
    user_id: uuid.UUID,
    device_time: datetime,
    base_version: int | None = None,
    site_id: uuid.UUID | None = None,
) -> OutboxEntry:
    """Append an intent mutation to the outbox, in the caller's transaction."""
    entry = OutboxEntry(
        mutation_id=uuid.uuid4(),
        name=name,
        args=args,
        base_version=base_version,
        device_time=device_time,
        user_id=user_id,
        site_id=site_id,
    )
    session.add(entry)
    return entry


def enqueue_blob(session: Session, blobs: BlobStore, sha256: str, content_type: str) -> None:
    """Queue a local blob for upload (once), in the caller's transaction."""
    if session.get(BlobQueueEntry, sha256) is None:
        session.add(
            BlobQueueEntry(sha256=sha256, size=blobs.size(sha256), content_type=content_type)
        )
