"""The change log: every server write is logged in its transaction, in commit order on
PostgreSQL even with concurrent writers, and compaction turns stale cursors into resets."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.models import Local
from sync.server.changelog import compact
from sync.server.db import session_factory, write_change_log
from sync.server.tables import ChangeLogEntry

STGO = demo.SITE_IDS["STGO"]
ANTO = demo.SITE_IDS["ANTO"]
SITES = f"tenant:{demo.TENANT_ID}"  # sites are tenant-wide reference data


def _seqs(engine, scope):
    with session_factory(engine)() as session:
        return list(
            session.execute(
                select(ChangeLogEntry.seq, ChangeLogEntry.row_id, ChangeLogEntry.op)
                .where(ChangeLogEntry.scope == scope)
                .order_by(ChangeLogEntry.seq)
            )
        )


def test_each_write_bumps_the_version_and_is_logged_with_the_row(live_server):
    sessions = session_factory(live_server.engine)
    with sessions() as session, session.begin():
        site = session.get(Local, STGO)
        assert site.version == 1
        site.name = "Planta Santiago Norte"
    with sessions() as session, session.begin():
        session.get(Local, STGO).deleted = True
    entries = [e for e in _seqs(live_server.engine, SITES) if e.row_id == STGO]
    assert [e.op for e in entries] == ["upsert", "upsert", "delete"]
    with sessions() as session:
        last = session.scalars(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.row_id == STGO)
            .order_by(ChangeLogEntry.seq.desc())
        ).first()
        assert last.row["name"] == "Planta Santiago Norte"
        assert last.row["version"] == 3 and last.row["deleted"] is True


def test_a_rolled_back_write_leaves_no_log_entry(live_server):
    sessions = session_factory(live_server.engine)
    before = _seqs(live_server.engine, SITES)
    with sessions() as session:
        session.begin()
        session.get(Local, STGO).name = "never"
        session.flush()
        session.rollback()
    assert _seqs(live_server.engine, SITES) == before


def test_compaction_keeps_the_latest_row_and_resets_cursors_behind_dropped_tombstones(
    live_server, login
):
    sessions = session_factory(live_server.engine)
    scope = SITES
    with sessions() as session, session.begin():
        session.get(Local, ANTO).name = "Planta Antofagasta II"
    supervisor = login("supervisor")
    stale_cursor = supervisor.get("/sync/pull", params={"scope": scope, "limit": 1}).json()[
        "next_cursor"
    ]
    with sessions() as session, session.begin():
        session.get(Local, ANTO).deleted = True
    live_server.clock.advance(days=40)
    with sessions() as session, session.begin():
        removed = compact(session, older_than=live_server.clock.now + timedelta(days=1))
    assert removed >= 2
    supervisor = login("supervisor")  # forty days later: a new session
    rows = [e for e in _seqs(live_server.engine, scope) if e.row_id == ANTO]
    assert rows == []  # the row's entries ended in a tombstone older than the retention
    answer = supervisor.get("/sync/pull", params={"scope": scope, "after": stale_cursor})
    assert answer.status_code == 200, answer.text
    page = answer.json()
    assert page["reset"] is True and page["next_cursor"] == 0
    fresh = supervisor.get("/sync/pull", params={"scope": scope, "after": 0}).json()
    assert fresh["reset"] is False
    assert all(c["id"] != str(ANTO) for c in fresh["changes"])


@pytest.mark.postgres
def test_concurrent_writers_commit_change_log_rows_in_sequence_order(live_server):
    """A puller must never pass a seq that a slower transaction would still commit below it."""
    if live_server.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers by its database lock")
    sessions = session_factory(live_server.engine)
    scope = SITES
    cursor = _seqs(live_server.engine, scope)[-1].seq

    slow = sessions()
    slow.begin()
    slow.get(Local, STGO).address = "Av. Industrial 1300"
    write_change_log(slow)  # what commit does first: it now holds a seq, not yet committed

    fast_done = threading.Event()

    def fast_writer():
        with sessions() as session, session.begin():
            session.get(Local, STGO).timezone = "America/Santiago"
            session.get(Local, STGO).nda_validity_days = 180
        fast_done.set()

    fast = threading.Thread(target=fast_writer)
    fast.start()
    assert not fast_done.wait(0.5)  # the faster writer's commit waits for the slower one
    assert [e for e in _seqs(live_server.engine, scope) if e.seq > cursor] == []
    slow.commit()
    slow.close()
    assert fast_done.wait(10)
    fast.join(10)
    new = [e.seq for e in _seqs(live_server.engine, scope) if e.seq > cursor]
    assert len(new) == 2 and new == sorted(new)
