"""The local store: where it lives, SQLite settings, device identity, migrations in place."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from ker_field.domain.models import Base
from ker_field.store import migrate
from ker_field.store.engine import make_engine
from ker_field.store.local import LocalStore
from ker_field.store.paths import DATA_DIR_ENV, resolve_data_dir
from ker_field.store.tables import OutboxEntry, StoreBase


def test_data_dir_is_explicit_then_environment_then_platform(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_data_dir(tmp_path / "explicit") == tmp_path / "explicit"
    assert resolve_data_dir(None) == tmp_path / "from-env"
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir(None) == tmp_path / "xdg" / "ker-field"


def test_connections_use_wal_busy_timeout_and_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_foreign_keys_are_enforced(store):
    from sqlalchemy.exc import IntegrityError

    from ker_field.domain.models import Asset

    with pytest.raises(IntegrityError), store.transaction() as session:
        session.add(
            Asset(
                tenant_id=uuid.uuid4(),
                scope="site:x",
                site_id=uuid.uuid4(),
                name="Huérfano",
                category="electrical",
                qr_code="X-1",
            )
        )


def test_device_identity_survives_reopening(tmp_path):
    first = LocalStore.open(tmp_path)
    device = first.device_id
    first.close()
    again = LocalStore.open(tmp_path)
    assert again.device_id == device
    again.close()


def test_fresh_store_is_at_head_and_matches_the_models(store):
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, [Base.metadata, StoreBase.metadata]) == []


def test_upgrade_from_the_first_migration_keeps_pending_outbox(tmp_path: Path):
    """A device offline since the first release upgrades in place without losing its outbox."""
    db = tmp_path / "ker_field.sqlite3"
    engine = make_engine(db)
    migrate.upgrade(engine, "0001")
    ids = [uuid.uuid4() for _ in range(3)]
    user = uuid.uuid4()
    with engine.begin() as conn:
        for n, mutation_id in enumerate(ids):
            conn.execute(
                text(
                    "INSERT INTO outbox (mutation_id, name, args, base_version, device_time, user_id)"
                    " VALUES (:m, :name, :args, NULL, :t, :u)"
                ),
                {
                    "m": mutation_id.hex,
                    "name": "loto.record_step",
                    "args": f'{{"n": {n}, "serial": "L-{n}"}}',
                    "t": datetime(2026, 1, 1, 8, n),
                    "u": user.hex,
                },
            )
    engine.dispose()

    store = LocalStore.open(tmp_path)  # upgrades to head on open
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    with store.sessions() as session:
        rows = list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))
    assert [r.mutation_id for r in rows] == ids
    assert [r.args for r in rows] == [{"n": n, "serial": f"L-{n}"} for n in range(3)]
    assert [r.attempts for r in rows] == [0, 0, 0]
    assert rows[0].device_time == datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    assert all(r.user_id == user for r in rows)
    store.close()


def test_naive_datetimes_are_refused(store):
    from sqlalchemy.exc import StatementError

    with pytest.raises(StatementError, match="naive datetime"), store.transaction() as session:
        session.add(
            OutboxEntry(
                mutation_id=uuid.uuid4(),
                name="x",
                args={},
                device_time=datetime(2026, 1, 1),
                user_id=uuid.uuid4(),
            )
        )


def test_readers_see_committed_data_while_a_writer_holds_the_lock(store):
    import threading

    from ker_field.store.local import enqueue_mutation

    def add(session):
        enqueue_mutation(
            session, name="x", args={}, user_id=uuid.uuid4(), device_time=datetime.now(UTC)
        )

    holding, release = threading.Event(), threading.Event()
    done: list[str] = []

    def first_writer():
        with store.transaction() as session:
            add(session)
            session.flush()
            holding.set()
            release.wait(10)

    def second_writer():
        with store.transaction() as session:
            add(session)
        done.append("second")

    first = threading.Thread(target=first_writer)
    first.start()
    assert holding.wait(10)
    assert store.pending_count() == 0  # the read neither blocks nor sees uncommitted rows
    second = threading.Thread(target=second_writer)
    second.start()
    second.join(0.3)
    assert second.is_alive()  # waits for the write lock instead of failing
    release.set()
    first.join(10)
    second.join(10)
    assert done == ["second"]
    assert store.pending_count() == 2
