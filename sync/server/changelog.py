"""Change-log retention: drop superseded entries and old tombstones, remember the floor."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, delete, exists, func, select
from sqlalchemy.orm import Session, aliased

from sync.server.tables import ChangeLogEntry, SyncFloor


def compact(session: Session, older_than: datetime) -> int:
    """Remove entries older than ``older_than`` that a later entry of the same row
    supersedes, and tombstones older than it. A cursor below a removed tombstone gets a
    snapshot reset on its next pull. Returns how many entries were removed."""
    later = aliased(ChangeLogEntry)
    superseded = exists().where(
        and_(
            later.entity == ChangeLogEntry.entity,
            later.row_id == ChangeLogEntry.row_id,
            later.seq > ChangeLogEntry.seq,
        )
    )
    old = ChangeLogEntry.created_at < older_than
    floors = session.execute(
        select(ChangeLogEntry.scope, func.max(ChangeLogEntry.seq))
        .where(old, ChangeLogEntry.op == "delete")
        .group_by(ChangeLogEntry.scope)
    ).all()
    for scope, seq in floors:
        current = session.get(SyncFloor, scope)
        if current is None:
            session.add(SyncFloor(scope=scope, seq=seq))
        elif seq > current.seq:
            current.seq = seq
    removed = session.execute(
        delete(ChangeLogEntry).where(old, superseded | (ChangeLogEntry.op == "delete"))
    )
    return int(removed.rowcount or 0)  # type: ignore[attr-defined]
