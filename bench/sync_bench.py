"""The device's sync engine against the real server: initial pull, push, a no-change round
trip and the client's memory during the pull, each against a baseline of the same run.

For each server backend (SQLite in a temp folder; PostgreSQL at 127.0.0.1:5432, database
``test``, in a fresh schema, when it answers) the script starts ``ker-field-server
--seed-demo`` as a subprocess on a free 127.0.0.1 port and measures:

1. push: a technician's device pulls its scopes, records ``--mutations`` ESG readings
   offline with the real service (``ker_field.services.esg.record_reading``), then
   ``SyncEngine.push`` sends them. Baseline: the rate of those same local service calls.
2. initial pull: ``--rows`` AccessLog rows of the STGO site scope go straight into the
   server's database through a ServerSession (so each gets its change-log entry). For each
   page size a fresh subprocess opens an empty device, signs in and runs
   ``SyncEngine.pull`` over all the technician's scopes. Baseline, measured just before it
   (the local bound): the same rows, already encoded to their SQLite storage values,
   inserted into an empty device's schema (all its indexes) in one transaction with the
   driver's ``executemany``. Two more figures against that bound explain the gap: the same
   insert through SQLAlchemy Core from decoded column values (what a per-row ORM or Core
   write path costs; the engine instead encodes wire values straight to storage values and
   writes them with the driver's ``executemany``, fetching the next page meanwhile), and the
   server's own pace (the same pages fetched with bodies read, not decoded: the ceiling of
   any client; the server sends the change log's stored JSON text as it is).
3. peak memory: the peak RSS of each pull subprocess after the pull (``VmHWM``; Linux's
   ``ru_maxrss`` would report the parent's peak, see ``max_rss_mb``), against the same
   process's peak just before the pull (imports done, store open, signed in).
4. no-change round trip: the push device catches up, then the median of
   ``NOCHANGE_ROUNDS`` ``SyncEngine.sync_once`` with nothing to push or pull; baseline:
   the median ``GET /health`` round trip on a kept-alive connection.

Prints one figure a line with its ratio to its baseline, and a ``# targets`` line per
backend with the issue's targets. Run by ``make bench``, not by the test suite. Talks only
to 127.0.0.1; stops the server, drops the schema and removes the temp folders even on
failure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Table, create_engine, insert, text
from sqlalchemy.engine import make_url

from ker_field.domain import demo
from ker_field.domain.enums import UserRole
from ker_field.domain.rules.common import Actor
from ker_field.services import esg
from ker_field.services.context import ServiceContext
from ker_field.store.local import LocalStore
from sync.client.api import ServerApi
from sync.client.engine import SyncEngine
from sync.protocol.rows import entity_tables, row_from_json

HOST = "127.0.0.1"
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
STGO = demo.SITE_IDS["STGO"]
USERNAME, PASSWORD = "tecnico", "tecnico123"
INSERT_BATCH = 5_000  # server rows per committed batch
PAGE_SIZES = (1000, 5000)
NOCHANGE_ROUNDS = 50
BOUND_RUNS = 3
HEALTH_CALLS = 200
WARMUP_CALLS = 5
MAX_PAGES = 5_000  # per scope, for every pull loop (100k rows at page 1000 is 100 pages)
STARTUP_TIMEOUT = 90.0
STOP_TIMEOUT = 20.0
REQUEST_TIMEOUT = 60.0
WORKER_TIMEOUT = 900.0
# (resource, unit, low, high): the demo emission factors, in a band that is never an outlier.
READINGS = [
    ("Electricidad", "kWh", 800.0, 1200.0),
    ("Diésel", "l", 80.0, 120.0),
    ("Gas natural", "m3", 40.0, 60.0),
    ("Agua", "m3", 150.0, 250.0),
]
TARGET_PULL_RATIO = 0.30
TARGET_PULL_RATE = 20_000.0
TARGET_NOCHANGE_MS = 50.0
TARGET_PEAK_MB = 300.0


def _terminated(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def max_rss_mb() -> float:
    """Peak resident set of this process so far, in MB.

    Linux's ``ru_maxrss`` survives ``exec``: a child spawned with vfork reports its
    parent's peak (the main bench process, holding the decoded rows) as its own. The
    address space's own high-water mark (``VmHWM``, reset by ``exec``) is the same counter
    without that inheritance; ``ru_maxrss`` is the fallback where /proc is missing."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def check_local(url: str) -> None:
    host = make_url(url).host
    if host != HOST:
        raise SystemExit(f"the benchmark only talks to {HOST}, not to {host!r}")


def scopes_of(user: dict[str, Any]) -> list[str]:
    return [
        f"tenant:{user['tenant_id']}",
        *(f"site:{s}" for s in user["site_ids"]),
        f"user:{user['id']}",
    ]


# ---------------------------------------------------------------- server and database


@contextlib.contextmanager
def database(kind: str, folder: Path, postgres_url: str) -> Iterator[str]:
    """The server's database URL: a SQLite file in ``folder``, or a fresh PostgreSQL
    schema (dropped on the way out, failure or not)."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'server.sqlite3'}"
        return
    check_local(postgres_url)
    schema = f"ker_syncbench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url, connect_args={"connect_timeout": 5})
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            sep = "&" if "?" in postgres_url else "?"
            yield f"{postgres_url}{sep}options=-csearch_path%3D{schema}"
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        admin.dispose()


def postgres_problem(url: str) -> str | None:
    """None when PostgreSQL answers on 127.0.0.1, else why not."""
    try:
        check_local(url)
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        finally:
            engine.dispose()
    except Exception as exc:  # any failure means: skip it and say why
        return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0][:120]}"
    return None


def server_command() -> list[str]:
    script = Path(sys.executable).with_name("ker-field-server")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "sync.server"]


@contextlib.contextmanager
def running_server(db_url: str, folder: Path) -> Iterator[str]:
    """``ker-field-server --seed-demo`` in its own process group; yields its base URL."""
    port = free_port()
    base = f"http://{HOST}:{port}"
    log_path = folder / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                *server_command(),
                "--db",
                db_url,
                "--blobs",
                str(folder / "server-blobs"),
                "--host",
                HOST,
                "--port",
                str(port),
                "--seed-demo",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        wait_ready(process, base)
        yield base
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}")
    except BaseException:
        with contextlib.suppress(OSError):
            tail = log_path.read_text(errors="replace").splitlines()[-30:]
            print("# server log (tail):\n" + "\n".join(tail), file=sys.stderr)
        raise
    finally:
        stop_server(process)


def wait_ready(process: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    with httpx.Client(base_url=base, timeout=2.0) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with code {process.returncode}")
            with contextlib.suppress(httpx.TransportError):
                if client.get("/health").status_code == 200:
                    return
            time.sleep(0.2)
    raise RuntimeError(f"the server was not ready within {STARTUP_TIMEOUT:.0f} s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(STOP_TIMEOUT)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # only the group this script started
    if process.poll() is None:
        process.wait(STOP_TIMEOUT)


def insert_access_logs(db_url: str, rows: int) -> float:
    """``rows`` AccessLog rows of the STGO site through ServerSession (each flush appends
    the change log), committed every INSERT_BATCH rows. Returns the seconds it took."""
    from ker_field.domain.enums import AccessDirection, AccessMethod, AccessType
    from ker_field.domain.models import AccessLog
    from ker_field.domain.scopes import site_scope
    from sync.server.db import make_engine, session_factory

    engine = make_engine(db_url)
    sessions = session_factory(engine)
    rng = random.Random(7)
    moment = datetime(2026, 1, 1, 6, 0, tzinfo=UTC)
    companies = ["Contratista Norte", "Transportes Sur", "Mantención Andes", None]
    start = time.perf_counter()
    try:
        for first in range(0, rows, INSERT_BATCH):
            with sessions() as session, session.begin():
                batch = []
                for n in range(first, min(first + INSERT_BATCH, rows)):
                    moment += timedelta(seconds=rng.randint(5, 90))
                    batch.append(
                        AccessLog(
                            id=uuid.uuid4(),
                            tenant_id=demo.TENANT_ID,
                            scope=site_scope(STGO),
                            site_id=STGO,
                            visit_id=uuid.uuid4(),
                            invite_id=None,
                            access_type=rng.choice(list(AccessType)),
                            direction=AccessDirection.IN if n % 2 == 0 else AccessDirection.OUT,
                            method=AccessMethod.MANUAL,
                            person_name=f"Visitante {n:06d}",
                            person_rut=f"{10_000_000 + n}-{n % 10}",
                            company=rng.choice(companies),
                            host_user_id=demo.USER_IDS["supervisor"],
                            gate="Portón norte" if n % 3 else "Portón sur",
                            guard_id=demo.USER_IDS["guardia"],
                            id_photo_sha256=None,
                            device_id="bench-gate-01",
                            device_time=moment,
                            server_time=moment + timedelta(seconds=2),
                        )
                    )
                session.add_all(batch)
    finally:
        engine.dispose()
    return time.perf_counter() - start


def latest_rows(db_url: str, scopes: list[str]) -> dict[str, list[dict[str, Any]]]:
    """What an initial pull of ``scopes`` applies (the last change of each row), decoded to
    column values, by table, read straight from the server's change log."""
    from sqlalchemy import select

    from sync.server.db import make_engine, session_factory
    from sync.server.tables import ChangeLogEntry

    tables = entity_tables()
    engine = make_engine(db_url)
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    try:
        with session_factory(engine)() as session:
            result = session.execute(
                select(
                    ChangeLogEntry.entity,
                    ChangeLogEntry.row_id,
                    ChangeLogEntry.row,
                    ChangeLogEntry.op,
                )
                .where(ChangeLogEntry.scope.in_(scopes))
                .order_by(ChangeLogEntry.seq)
            )
            for entity, row_id, row, op in result:
                if entity in tables:
                    values = dict(row or {}, id=str(row_id))
                    if op == "delete":
                        values["deleted"] = True
                    latest[(entity, str(row_id))] = values
    finally:
        engine.dispose()
    by_table: dict[str, list[dict[str, Any]]] = {}
    for (entity, _), row in latest.items():
        by_table.setdefault(entity, []).append(row_from_json(tables[entity], row))
    return by_table


def _storage_rows(
    table: Table, rows: list[dict[str, Any]], dialect: Any
) -> tuple[str, list[tuple[Any, ...]]]:
    """The INSERT and the rows as SQLite stores them (the types' own bind processors: what
    SQLAlchemy would send the driver)."""
    columns = [c for c in table.columns if c.key in rows[0]]  # wire rows carry every column
    processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    names = ", ".join(f'"{c.name}"' for c in columns)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    encoded = [
        tuple(
            value if process is None else process(value)
            for process, value in zip(processors, (r.get(c.key) for c in columns), strict=True)
        )
        for r in rows
    ]
    return sql, encoded


def bound_raw(by_table: dict[str, list[dict[str, Any]]], folder: Path) -> float:
    """The local bound: storage values into an empty device in one transaction with the
    driver's executemany. Only the transaction is timed. Returns rows/s."""
    tables = entity_tables()
    store = LocalStore.open(folder)
    try:
        dialect = store.engine.dialect
        prepared = [_storage_rows(tables[e], rows, dialect) for e, rows in by_table.items()]
        count = sum(len(rows) for _, rows in prepared)
        start = time.perf_counter()
        with store.replica_sessions.begin() as session:
            cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                for sql, rows in prepared:
                    cursor.executemany(sql, rows)
            finally:
                cursor.close()
        elapsed = time.perf_counter() - start
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    return count / elapsed


def bound_core(by_table: dict[str, list[dict[str, Any]]], folder: Path) -> float:
    """The same rows as decoded column values through SQLAlchemy Core ``insert`` (a per-row
    Core write path, for comparison), one transaction. Returns rows/s."""
    tables = entity_tables()
    store = LocalStore.open(folder)
    count = sum(len(rows) for rows in by_table.values())
    try:
        start = time.perf_counter()
        with store.replica_sessions.begin() as session:
            for entity, rows in by_table.items():
                session.execute(insert(tables[entity]), rows)
        elapsed = time.perf_counter() - start
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    return count / elapsed


# ---------------------------------------------------------------- device side


@dataclass
class Device:
    store: LocalStore
    api: ServerApi
    engine: SyncEngine
    scopes: list[str]

    def close(self) -> None:
        self.api.close()
        self.store.close()


def open_device(base: str, folder: Path, page_size: int = 1000) -> Device:
    store = LocalStore.open(folder)
    api = ServerApi(base, store.device_id)
    try:
        body = api.login(USERNAME, PASSWORD)
    except BaseException:
        api.close()
        store.close()
        raise
    engine = SyncEngine(
        store, api, demo.USER_IDS[USERNAME], lambda: datetime.now(UTC), page_size=page_size
    )
    return Device(store, api, engine, scopes_of(body["user"]))


def bounded_progress(device: Device) -> Callable[[str, int, int], None]:
    """A progress callback that cancels a pull running past MAX_PAGES pages per scope."""
    pages = 0

    def progress(_phase: str, _done: int, _total: int) -> None:
        nonlocal pages
        pages += 1
        if pages > MAX_PAGES * len(device.scopes):
            device.engine.cancel()

    return progress


def record_offline(device: Device, count: int) -> float:
    """``count`` readings through the real service, no server involved. Returns calls/s."""
    ctx = ServiceContext(
        device.store, Actor(demo.USER_IDS[USERNAME], UserRole.TECHNICIAN), demo.TENANT_ID, STGO
    )
    rng = random.Random(11)
    today = date.today()
    start = time.perf_counter()
    for _ in range(count):
        resource_name, unit, low, high = rng.choice(READINGS)
        esg.record_reading(
            ctx,
            resource_name,
            round(rng.uniform(low, high), 1),
            unit,
            today - timedelta(days=30),
            today,
        )
    return count / (time.perf_counter() - start)


def median_ms(call: Callable[[], object], count: int) -> float:
    for _ in range(WARMUP_CALLS):
        call()
    times = []
    for _ in range(count):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def health_ms(base: str) -> float:
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        return median_ms(lambda: client.get("/health").raise_for_status(), HEALTH_CALLS)


def server_ceiling(base: str, page: int) -> float:
    """The pages of an initial pull, asked as the engine asks them (``remaining`` counted
    on the first page only), bodies read but not decoded, nothing stored: how fast the
    server (with the loopback) serves them. Returns rows/s (rows counted afterwards)."""
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        answer = client.post(
            "/auth/token",
            json={"username": USERNAME, "password": PASSWORD, "device_id": "bench-ceiling"},
        )
        answer.raise_for_status()
        body = answer.json()
        client.headers["Authorization"] = f"Bearer {body['access_token']}"
        bodies: list[bytes] = []
        start = time.perf_counter()
        for scope in scopes_of(body["user"]):
            cursor = 0
            for _ in range(MAX_PAGES):
                params: dict[str, Any] = {"scope": scope, "after": cursor, "limit": page}
                if cursor:
                    params["count"] = "false"  # as the engine asks: counted on the first page
                response = client.get("/sync/pull", params=params)
                response.raise_for_status()
                bodies.append(response.content)
                # the cursor is needed for the next page: read it from the body's tail,
                # where the response model puts it, without decoding the changes
                at = response.content.rfind(b'"next_cursor"')
                tail = json.loads(b"{" + response.content[at:] if at > 0 else response.content)
                cursor = int(tail["next_cursor"])
                if not tail["has_more"]:
                    break
        elapsed = time.perf_counter() - start
    rows = sum(len(json.loads(b)["changes"]) for b in bodies)
    return rows / elapsed


def run_pull_worker(base: str, folder: Path, page_size: int) -> dict[str, Any]:
    """A fresh process for one initial pull: its time and its memory are its own."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker-pull",
        base,
        "--worker-folder",
        str(folder),
        "--worker-page",
        str(page_size),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=WORKER_TIMEOUT, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"pull worker failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def pull_worker(base: str, folder: Path, page_size: int) -> int:
    """(In the subprocess.) Initial pull into an empty device; prints one JSON line."""
    device = open_device(base, folder, page_size)
    try:
        before = max_rss_mb()
        start = time.perf_counter()
        report = device.engine.pull(device.scopes, bounded_progress(device))
        elapsed = time.perf_counter() - start
        peak = max_rss_mb()
    finally:
        device.close()
    result = {
        "applied": report.applied,
        "skipped": report.skipped_pending,
        "seconds": elapsed,
        "rss_before_mb": before,
        "rss_peak_mb": peak,
    }
    print(json.dumps(result))
    return 0


# ---------------------------------------------------------------- one backend


@dataclass
class PullFigures:
    rows: int
    seconds: float
    rss_before_mb: float
    rss_peak_mb: float
    bound: float  # rows/s
    core: float  # rows/s
    ceiling: float  # rows/s

    @property
    def rate(self) -> float:
        return self.rows / self.seconds


@dataclass
class Figures:
    kind: str
    pulls: dict[int, PullFigures] = field(default_factory=dict)
    push_rate: float = 0.0
    local_rate: float = 0.0
    push_counts: str = ""
    nochange_ms: float = 0.0
    health_ms: float = 0.0


def run_backend(kind: str, args: argparse.Namespace) -> Figures:
    figures = Figures(kind)
    with (
        tempfile.TemporaryDirectory(prefix="ker-syncbench-") as tmp,
        database(kind, Path(tmp), args.postgres) as db_url,
        running_server(db_url, Path(tmp)) as base,
    ):
        folder = Path(tmp)
        device = open_device(base, folder / "push-device")
        try:
            device.engine.pull(device.scopes, bounded_progress(device))  # reference data
            figures.local_rate = record_offline(device, args.mutations)
            start = time.perf_counter()
            pushed = device.engine.push()
            figures.push_rate = args.mutations / (time.perf_counter() - start)
            figures.push_counts = (
                f"applied {pushed.applied}, duplicate {pushed.duplicate}, "
                f"rejected {pushed.rejected}, retry {pushed.retry}"
            )
            if pushed.applied != args.mutations:
                raise RuntimeError(f"push did not apply every mutation: {figures.push_counts}")

            seconds = insert_access_logs(db_url, args.rows)
            print(
                f"# {kind}: {args.rows} AccessLog rows put in the server's database in {seconds:.1f} s"
            )
            sys.stdout.flush()
            by_table = latest_rows(db_url, device.scopes)
            for page in args.pages:
                # the machine is shared: the median of BOUND_RUNS for the quick baselines
                bound = statistics.median(
                    bound_raw(by_table, folder / f"bound-raw-{page}-{n}") for n in range(BOUND_RUNS)
                )
                core = statistics.median(
                    bound_core(by_table, folder / f"bound-core-{page}-{n}")
                    for n in range(BOUND_RUNS)
                )
                ceiling = server_ceiling(base, page)
                pull = run_pull_worker(base, folder / f"pull-{page}", page)
                expected = sum(len(rows) for rows in by_table.values())
                if pull["applied"] < expected:  # a row changed twice may count twice
                    raise RuntimeError(f"the pull applied {pull['applied']} rows, not {expected}")
                figures.pulls[page] = PullFigures(
                    pull["applied"],
                    pull["seconds"],
                    pull["rss_before_mb"],
                    pull["rss_peak_mb"],
                    bound,
                    core,
                    ceiling,
                )
            del by_table

            device.engine.pull(device.scopes, bounded_progress(device))  # catch up
            figures.health_ms = health_ms(base)
            figures.nochange_ms = median_ms(
                lambda: device.engine.sync_once(device.scopes), NOCHANGE_ROUNDS
            )
        finally:
            device.close()
    return figures


def report(f: Figures, args: argparse.Namespace) -> None:
    k = f.kind
    for page, p in sorted(f.pulls.items()):
        print(
            f"initial_pull[{k}, page {page}]: {p.rate:,.0f} rows/s ({p.rows} rows incl. "
            f"{args.rows} AccessLog, {p.seconds:.1f} s); baseline local bound (same rows, "
            f"executemany, one transaction): {p.bound:,.0f} rows/s; ratio {p.rate / p.bound:.3f}"
        )
        print(
            f"local_core_insert[{k}, page {page}]: {p.core:,.0f} rows/s (same rows through "
            f"SQLAlchemy Core insert); baseline local bound: {p.bound:,.0f} rows/s; "
            f"ratio {p.core / p.bound:.3f}"
        )
        print(
            f"server_pull_ceiling[{k}, page {page}]: {p.ceiling:,.0f} rows/s (same pages, "
            f"bodies read, not decoded); baseline local bound: {p.bound:,.0f} rows/s; "
            f"ratio {p.ceiling / p.bound:.3f}"
        )
    print(
        f"push[{k}]: {f.push_rate:,.0f} mutations/s ({args.mutations} esg.record_reading: "
        f"{f.push_counts}); baseline the same {args.mutations} local service calls: "
        f"{f.local_rate:,.0f} calls/s; ratio {f.push_rate / f.local_rate:.3f}"
    )
    print(
        f"nochange_sync[{k}]: {f.nochange_ms:.1f} ms (median of {NOCHANGE_ROUNDS} sync_once, "
        f"3 scopes); baseline GET /health round trip: {f.health_ms:.1f} ms; "
        f"ratio {f.nochange_ms / f.health_ms:.2f}"
    )
    for page, p in sorted(f.pulls.items()):
        print(
            f"pull_peak_memory[{k}, page {page}]: {p.rss_peak_mb:.0f} MB max RSS; baseline "
            f"the same process before the pull: {p.rss_before_mb:.0f} MB; "
            f"ratio {p.rss_peak_mb / p.rss_before_mb:.2f}"
        )
    page, best = max(f.pulls.items(), key=lambda item: item[1].rate)
    peak = max(p.rss_peak_mb for p in f.pulls.values())
    checks = [
        (
            f"pull >= {TARGET_PULL_RATIO:.0%} of local bound",
            best.rate / best.bound >= TARGET_PULL_RATIO,
        ),
        (f"pull >= {TARGET_PULL_RATE:,.0f} rows/s", best.rate >= TARGET_PULL_RATE),
        (f"no-change sync < {TARGET_NOCHANGE_MS:.0f} ms", f.nochange_ms < TARGET_NOCHANGE_MS),
        (f"pull peak memory < {TARGET_PEAK_MB:.0f} MB", peak < TARGET_PEAK_MB),
    ]
    verdicts = "; ".join(f"{name}: {'met' if ok else 'MISSED'}" for name, ok in checks)
    print(f"# targets[{k}] (best page {page}): {verdicts}")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="server rows to pull")
    parser.add_argument("--mutations", type=int, default=10_000, help="mutations to push")
    parser.add_argument(
        "--pages",
        type=lambda s: [int(p) for p in s.split(",")],
        default=list(PAGE_SIZES),
        help="pull page sizes, comma-separated (the server allows up to 5000)",
    )
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("KER_BENCH_POSTGRES_URL", DEFAULT_POSTGRES),
        help=f"PostgreSQL URL on {HOST} (a fresh schema is made in it and dropped)",
    )
    parser.add_argument("--worker-pull", help=argparse.SUPPRESS)
    parser.add_argument("--worker-folder", help=argparse.SUPPRESS)
    parser.add_argument("--worker-page", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker_pull:
        if httpx.URL(args.worker_pull).host != HOST:
            raise SystemExit(f"the benchmark only talks to {HOST}")
        return pull_worker(args.worker_pull, Path(args.worker_folder), args.worker_page)
    if not 1 <= args.rows <= 1_000_000 or not 1 <= args.mutations <= 100_000:
        parser.error("--rows must be in [1, 1000000] and --mutations in [1, 100000]")
    if not args.pages or any(not 1 <= p <= 5000 for p in args.pages):
        parser.error("--pages must each be in [1, 5000]")
    signal.signal(signal.SIGTERM, _terminated)  # still stop the server and drop the schema
    kinds = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for kind in kinds:
        if kind == "postgresql":
            problem = postgres_problem(args.postgres)
            if problem is not None:
                print(f"# backend postgresql: skipped ({problem})")
                continue
        print(
            f"# backend {kind}: server subprocess on {HOST}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}"
        )
        sys.stdout.flush()
        report(run_backend(kind, args), args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
