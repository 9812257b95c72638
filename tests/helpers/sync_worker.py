"""What the sync fault tests drive: a signed-in device, its offline work made with the real
services, the central server and the sync CLI as real processes (to SIGKILL), and the
checks "every record exactly once" on both sides.

Every wait here has a deadline; every process, client and store opened here is closed by
its owner's ``close``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

import httpx
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.models import (
    AccessLog,
    Asset,
    ConsumptionReading,
    EmissionFactor,
    EnergySource,
    Local,
    LotoLog,
    LotoProcedure,
    QuizAttempt,
    Synced,
    Tenant,
    User,
    WorkPermit,
)
from ker_field.domain.rules.common import Actor
from ker_field.services import esg, loto, permits, training
from ker_field.services.context import ServiceContext
from ker_field.store.local import LocalStore
from ker_field.store.tables import BlobQueueEntry, OutboxEntry, SyncIssue, SyncState
from sync.client.api import ServerApi
from sync.client.engine import SyncEngine, SyncReport
from sync.protocol.rows import entity_tables
from sync.server.tables import BlobRecord, ChangeLogEntry, MutationRecord
from tests.helpers.frames import jpeg_photo

REPO = Path(__file__).resolve().parents[2]
PASSWORDS = {u.username: u.password for u in demo.DEMO_USERS}

# Electrical assets (one isolation point) whose procedure is inspected (6, 13 are overdue).
ELECTRICAL = [1, 5, 9, 17, 21, 25]
LOTO_ASSETS = [1, 2, 5, 9, 10, 14, 17, 18, 21, 22, 25]
READINGS = [("Electricidad", "kWh"), ("Diésel", "l"), ("Gas natural", "m3"), ("Agua", "m3")]
RECORD_MODELS: tuple[type[Synced], ...] = (
    LotoLog,
    ConsumptionReading,
    WorkPermit,
    QuizAttempt,
    AccessLog,
)


def real_clock() -> datetime:
    return datetime.now(UTC)


# -- a signed-in device ------------------------------------------------------------------


@dataclass
class SignedIn:
    """A device's store, its API client (signed in) and its sync engine."""

    store: LocalStore
    api: ServerApi
    engine: SyncEngine
    username: str
    me: dict[str, Any]
    clock: Callable[[], datetime]

    @classmethod
    def open(
        cls,
        url: str,
        folder: Path,
        username: str,
        clock: Callable[[], datetime],
        timeout: httpx.Timeout | None = None,
        **engine_options: int,
    ) -> SignedIn:
        store = LocalStore.open(folder)
        api = ServerApi(url, store.device_id, timeout=timeout or httpx.Timeout(60.0))
        try:
            me = api.login(username, PASSWORDS[username])["user"]
        except BaseException:
            api.close()
            store.close()
            raise
        engine = SyncEngine(store, api, demo.USER_IDS[username], clock, **engine_options)
        return cls(store, api, engine, username, me, clock)

    @property
    def scopes(self) -> list[str]:
        return [
            f"tenant:{self.me['tenant_id']}",
            *(f"site:{s}" for s in self.me["site_ids"]),
            f"user:{self.me['id']}",
        ]

    def ctx(self, site: str = "STGO") -> ServiceContext:
        with self.store.sessions() as session:
            user = session.get(User, demo.USER_IDS[self.username])
            assert user is not None, "sync first: the device has no reference data yet"
            actor = Actor(user.id, user.role)
        return ServiceContext(self.store, actor, demo.TENANT_ID, demo.SITE_IDS[site], self.clock)

    def sync(self) -> SyncReport:
        return self.engine.sync_once(self.scopes)

    def proxied(self, url: str, timeout: httpx.Timeout, **engine_options: int) -> SyncEngine:
        """An engine on the same store that talks through ``url`` (same tokens, same device)."""
        api = ServerApi(url, self.store.device_id, tokens=self.api.tokens, timeout=timeout)
        return SyncEngine(
            self.store, api, demo.USER_IDS[self.username], self.clock, **engine_options
        )

    def close(self) -> None:
        self.api.close()
        self.store.close()


# -- offline work made with the real services -------------------------------------------


@dataclass
class Work:
    """What a device did offline: the ids of the records it created, by model."""

    ids: dict[type[Synced], list[uuid.UUID]] = field(default_factory=dict)
    photos: list[str] = field(default_factory=list)
    mutations: int = 0

    def add(self, model: type[Synced], ident: uuid.UUID) -> None:
        self.ids.setdefault(model, []).append(ident)
        self.mutations += 1


def _outbox_ids(session: Session, after_seq: int) -> list[uuid.UUID]:
    """The record ids of the outbox entries queued after ``after_seq``."""
    return [
        uuid.UUID(args["id"])
        for args in session.scalars(
            select(OutboxEntry.args).where(OutboxEntry.seq > after_seq).order_by(OutboxEntry.seq)
        )
    ]


def offline_work(
    ctx: ServiceContext,
    total: int,
    photos: int = 0,
    photo_seed: int = 0,
    permit_tickets: tuple[str, ...] = (),
    quiz: bool = False,
) -> Work:
    """``total`` offline mutations of a technician at STGO, made with the services:
    ``photos`` lockouts up to a lock with its photo (3 mutations each), a permit request
    per ticket in ``permit_tickets`` (one permit per ticket), a quiz attempt
    (``quiz``: the technician's expired hydraulic module), then meter readings and started
    lockouts (notify + shut down) in turn until ``total``."""
    store = ctx.store
    work = Work()
    start_seq = _last_seq(store)
    now = ctx.now()
    done = 0
    for n in range(photos):
        asset = ELECTRICAL[n % len(ELECTRICAL)]
        view = loto.notify_affected(ctx, demo.demo_id("asset", "STGO", str(asset)))
        loto.shut_down(ctx, view.lockout_id)
        sha = store.blobs.put(jpeg_photo(photo_seed + n))
        work.photos.append(sha)
        loto.apply_lock(
            ctx,
            view.lockout_id,
            demo.demo_id("energy", "STGO", str(asset), "1"),
            f"L-{photo_seed + n}",
            sha,
        )
        done += 3
    for key in permit_tickets:
        permits.request_permit(
            ctx,
            demo.demo_id("ticket", "STGO", key),
            f"Trabajo en OT {key}",
            2,
            2,
            now,
            now + timedelta(hours=8),
        )
        done += 1
    if quiz:
        training.submit_quiz_attempt(
            ctx, demo.demo_id("quiz", "hydraulic"), {"q1": False, "q2": 0}, now
        )
        done += 1
    n = 0
    while done < total:
        if n % 2 == 0 or total - done == 1:
            resource, unit = READINGS[(n // 2) % len(READINGS)]
            day = date(2025, 1, 1) + timedelta(days=n)
            esg.record_reading(ctx, resource, 100.0 + n % 7, unit, day, day + timedelta(days=1))
            done += 1
        else:
            asset = LOTO_ASSETS[n % len(LOTO_ASSETS)]
            view = loto.notify_affected(ctx, demo.demo_id("asset", "STGO", str(asset)))
            loto.shut_down(ctx, view.lockout_id)
            done += 2
        n += 1
    # The ids every queued mutation created (all these mutations carry their record's id).
    with store.sessions() as session:
        for ident in _outbox_ids(session, start_seq):
            for model in RECORD_MODELS:
                if session.get(model, ident) is not None:
                    work.add(model, ident)
                    break
            else:
                raise AssertionError(f"no record for outbox id {ident}")
    assert work.mutations == total, (work.mutations, total)
    return work


def _last_seq(store: Any) -> int:
    with store.sessions() as session:
        return int(session.scalar(select(func.max(OutboxEntry.seq))) or 0)


class BatchedStore:
    """The store as the services see it, but every service transaction joins one open
    write transaction, committed every ``every`` calls: thousands of offline actions in a
    few transactions (each service still runs its rule and queues its mutation)."""

    def __init__(self, store: LocalStore, every: int = 500) -> None:
        self._store, self._every = store, every
        self._session: Session | None = None
        self._calls = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        assert self._session is not None, "use inside BatchedStore.batch()"
        yield self._session
        self._session.flush()
        self._calls += 1
        if self._calls % self._every == 0:
            self._session.commit()

    @contextmanager
    def sessions(self) -> Iterator[Session]:
        """Reads see the open transaction's writes."""
        assert self._session is not None
        yield self._session

    @contextmanager
    def batch(self) -> Iterator[BatchedStore]:
        session = self._store.write_sessions()
        self._session = session
        # Hold the reference rows the rules read (the identity map only keeps weak
        # references): one load instead of one per action.
        held = [
            list(session.scalars(select(model)))
            for model in (Tenant, Local, User, Asset, LotoProcedure, EnergySource, EmissionFactor)
        ]
        try:
            yield self
            session.commit()
        finally:
            del held
            self._session = None
            session.close()


# -- processes ---------------------------------------------------------------------------


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class ServerProcess:
    """``ker-field-server`` as a real process on a port, to SIGKILL and start again."""

    def __init__(self, db_url: str, folder: Path, port: int) -> None:
        self.db_url, self.port = db_url, port
        self.blob_dir = folder / "server-blobs"
        self.log_path = folder / "server.log"
        self._log: TextIO | None = None
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, seed_demo: bool, timeout: float = 60.0) -> None:
        assert self.process is None
        script = Path(sys.executable).with_name("ker-field-server")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "sync.server"]
        command += ["--db", self.db_url, "--blobs", str(self.blob_dir), "--port", str(self.port)]
        if seed_demo:
            command.append("--seed-demo")
        self._log = self.log_path.open("a")
        self.process = subprocess.Popen(
            command, cwd=REPO, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2.0) as client:
            while True:
                if self.process.poll() is not None:
                    raise RuntimeError(f"the server exited:\n{_tail(self.log_path)}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start:\n{_tail(self.log_path)}")
                try:
                    if client.get(f"{self.url}/health").status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, open transactions cut where they are."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)
        self._reap()

    def _reap(self) -> None:
        self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def close(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(15)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(15)
            self._reap()


def start_client(
    data_dir: Path,
    url: str,
    username: str,
    rounds: int = 1,
    batch_size: int = 20,
    page_size: int = 50,
    output: TextIO | None = None,
) -> subprocess.Popen[bytes]:
    """``python -m sync.client`` on a device data folder (one JSON line per round)."""
    command = [
        sys.executable,
        "-m",
        "sync.client",
        "--data-dir",
        str(data_dir),
        "--server",
        url,
        "--username",
        username,
        "--password",
        PASSWORDS[username],
        "--rounds",
        str(rounds),
        "--batch-size",
        str(batch_size),
        "--page-size",
        str(page_size),
    ]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=output if output is not None else subprocess.DEVNULL,
        stderr=subprocess.STDOUT if output is not None else subprocess.DEVNULL,
    )


# -- "every record exactly once" ----------------------------------------------------------


def count_by_id(
    session: Session, model: type[Synced], ids: list[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """How many rows of ``model`` each id has (0 for none), in chunks under SQL limits."""
    counts = dict.fromkeys(ids, 0)
    id_column = model.id  # type: ignore[attr-defined]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for ident, n in session.execute(
            select(id_column, func.count()).where(id_column.in_(chunk)).group_by(id_column)
        ):
            counts[ident] = n
    return counts


def assert_server_holds_once(engine: Engine, work: Work, device_id: str) -> None:
    """Each record once on the server, written once to the change log, and each of the
    device's mutations recorded once."""
    with Session(engine) as session:
        for model, ids in work.ids.items():
            counts = count_by_id(session, model, ids)
            wrong = {i: n for i, n in counts.items() if n != 1}
            assert not wrong, f"{model.__name__}: ids not exactly once on the server: {wrong}"
            logged: dict[uuid.UUID, int] = dict.fromkeys(ids, 0)
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for ident, n in session.execute(
                    select(ChangeLogEntry.row_id, func.count())
                    .where(
                        ChangeLogEntry.entity == model.__tablename__,  # type: ignore[attr-defined]
                        ChangeLogEntry.row_id.in_(chunk),
                    )
                    .group_by(ChangeLogEntry.row_id)
                ):
                    logged[ident] = n
            if model in (LotoLog, ConsumptionReading, AccessLog):  # append-only: written once
                twice = {i: n for i, n in logged.items() if n != 1}
                assert not twice, f"{model.__name__}: change log entries per row: {twice}"
        statuses = dict(
            session.execute(
                select(MutationRecord.status, func.count())
                .where(MutationRecord.device_id == device_id)
                .group_by(MutationRecord.status)
            ).all()
        )
    assert statuses == {"applied": work.mutations}, statuses


def assert_device_holds_once(store: LocalStore, work: Work) -> None:
    """Outbox empty, no sync issue, every record once and in its server version."""
    with store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        issues = list(session.scalars(select(SyncIssue)))
        assert not issues, [(i.name, i.code, i.message) for i in issues]
        for model, ids in work.ids.items():
            counts = count_by_id(session, model, ids)
            wrong = {i: n for i, n in counts.items() if n != 1}
            assert not wrong, f"{model.__name__}: ids not exactly once on the device: {wrong}"
            unsynced = 0
            for start in range(0, len(ids), 500):
                unsynced += int(
                    session.scalar(
                        select(func.count())
                        .select_from(model)
                        .where(
                            model.id.in_(ids[start : start + 500]),  # type: ignore[attr-defined]
                            model.version == 0,  # type: ignore[attr-defined]
                        )
                    )
                    or 0
                )
            assert unsynced == 0, (
                f"{model.__name__}: {unsynced} rows never acknowledged (version 0)"
            )


def assert_blobs_complete(engine: Engine, blob_dir: Path, photos: list[str]) -> None:
    with Session(engine) as session:
        complete = set(
            session.scalars(
                select(BlobRecord.sha256).where(
                    BlobRecord.sha256.in_(photos), BlobRecord.complete.is_(True)
                )
            )
        )
    assert complete == set(photos), f"{len(set(photos) - complete)} photos not complete"
    for sha in photos:
        assert (blob_dir / sha[:2] / sha).is_file()


def queue_sizes(store: LocalStore) -> tuple[int, int, int]:
    """(outbox, blob queue, sync issues) of a device."""
    with store.sessions() as session:
        return (
            int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0),
            int(session.scalar(select(func.count()).select_from(BlobQueueEntry)) or 0),
            int(session.scalar(select(func.count()).select_from(SyncIssue)) or 0),
        )


def cursors(store: LocalStore) -> dict[str, int]:
    with store.sessions() as session:
        return {s.scope: s.cursor for s in session.scalars(select(SyncState))}


def scope_rows(store: LocalStore, scope: str) -> dict[str, dict[str, dict[str, Any]]]:
    """Every replicated row of ``scope`` on a device, by entity and id."""
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    with store.sessions() as session:
        for name, table in entity_tables().items():
            found = {
                str(row["id"]): dict(row)
                for row in session.execute(select(table).where(table.c.scope == scope)).mappings()
            }
            if found:
                rows[name] = found
    return rows


def server_cursor(engine: Engine, scope: str) -> int:
    with Session(engine) as session:
        return int(
            session.scalar(
                select(func.max(ChangeLogEntry.seq)).where(ChangeLogEntry.scope == scope)
            )
            or 0
        )
