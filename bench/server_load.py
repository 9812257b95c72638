"""Central server under load: 50 simulated devices pushing and pulling against PostgreSQL.

The script creates a fresh PostgreSQL schema (in database ``test`` by default), starts
``ker-field-server --workers 2 --seed-demo`` on a free 127.0.0.1 port against it, and then:

1. baseline: the same number of concurrent clients call the trivial ``GET /health`` for
   ``--baseline-seconds``;
2. load: ``--devices`` simulated devices (one HTTP connection each, spread over the demo
   users, each signed in once with its own device id) loop for ``--seconds``: push a small
   batch of realistic mutations, then pull their scopes from their cursors.

Devices of technicians, supervisors and the admin push ``esg.record_reading`` for the
STGO site (fresh ids, quantities in a narrow band so no reading is an outlier) and a
``loto.record_step`` NOTIFIED that opens a fresh lockout on a STGO asset; the guard's
devices push ``handover.add`` notes at STGO (guards may not do LOTO or ESG). All of it
is allowed by the domain rules, so a rejection here is a finding, counted apart.

Prints one figure a line with its ratio to the baseline (higher throughput ratio and
lower latency ratios are better). The load generator shares the machine's cores with the
server, for the baseline and the load alike. Run by ``make bench``, not by the test suite.
Talks only to 127.0.0.1; stops the server and drops the schema even on failure.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ker_field.domain import demo
from ker_field.domain.enums import LotoEvent, UserRole
from ker_field.domain.scopes import site_scope, tenant_scope, user_scope
from sync.protocol import (
    HandoverAddArgs,
    LotoStepArgs,
    Mutation,
    MutationName,
    PushRequest,
    RecordReadingArgs,
)

HOST = "127.0.0.1"
DEFAULT_DB = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
STGO = demo.SITE_IDS["STGO"]
STGO_ASSETS = [demo.demo_id("asset", "STGO", str(n)) for n in range(1, 13)]
# (resource, unit, low, high): the demo emission factors, in a band that is never an outlier.
READINGS = [
    ("Electricidad", "kWh", 800.0, 1200.0),
    ("Diésel", "l", 80.0, 120.0),
    ("Gas natural", "m3", 40.0, 60.0),
    ("Agua", "m3", 150.0, 250.0),
]
REQUEST_TIMEOUT = 30.0  # seconds, every request
STARTUP_TIMEOUT = 90.0  # migrations + demo seed + workers up
STOP_TIMEOUT = 20.0
MAX_LOOPS = 100_000  # per device or baseline client, on top of the time bound
MAX_PAGES = 20  # pull pages per scope per loop
PULL_LIMIT = 500
MAX_RELOGINS = 3
WARMUP = 3.0  # seconds of /health calls before the baseline is measured


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"push": [], "pull": []})
    requests: Counter[str] = field(default_factory=Counter)
    mutations: Counter[str] = field(default_factory=Counter)  # sent/applied/rejected/...
    rejected_codes: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)


@dataclass
class Device:
    index: int
    username: str
    role: UserRole
    device_id: str
    client: httpx.AsyncClient
    user_id: uuid.UUID | None = None
    tenant_id: uuid.UUID | None = None
    seq: int = 0
    cursors: dict[str, int] = field(default_factory=dict)
    relogins: int = 0


# ---------------------------------------------------------------- database and server


def check_local(url: str) -> None:
    host = make_url(url).host
    if host != HOST:
        raise SystemExit(f"the benchmark only talks to {HOST}, not to {host!r}")


def create_schema(base_url: str) -> str:
    schema = f"ker_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    finally:
        admin.dispose()
    return schema


def drop_schema(base_url: str, schema: str) -> None:
    admin = create_engine(base_url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        admin.dispose()


def with_search_path(base_url: str, schema: str) -> str:
    sep = "&" if "?" in base_url else "?"
    return f"{base_url}{sep}options=-csearch_path%3D{schema}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def server_command() -> list[str]:
    script = Path(sys.executable).with_name("ker-field-server")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "sync.server"]


def start_server(db_url: str, port: int, workers: int, folder: Path) -> subprocess.Popen[bytes]:
    log = (folder / "server.log").open("wb")
    try:
        return subprocess.Popen(
            [
                *server_command(),
                "--db",
                db_url,
                "--blobs",
                str(folder / "blobs"),
                "--host",
                HOST,
                "--port",
                str(port),
                "--workers",
                str(workers),
                "--seed-demo",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: the workers stop with it
        )
    finally:
        log.close()  # the child holds its own descriptor


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # uvicorn's supervisor stops its workers
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(STOP_TIMEOUT)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # leftovers of the group this script started
    if process.poll() is None:
        process.wait(STOP_TIMEOUT)


def wait_ready(process: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    with httpx.Client(base_url=base, timeout=2.0) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with code {process.returncode}")
            try:
                if client.get("/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.25)
    raise RuntimeError(f"the server was not ready within {STARTUP_TIMEOUT:.0f} s")


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# ---------------------------------------------------------------- measurement


def p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


async def timed(stats: Stats, kind: str, call: Any) -> httpx.Response | None:
    """One request: its latency (ms) when answered, an error count otherwise."""
    start = time.perf_counter()
    try:
        response: httpx.Response = await call
    except httpx.HTTPError as exc:
        stats.errors[f"{kind}:{type(exc).__name__}"] += 1
        return None
    stats.latencies.setdefault(kind, []).append((time.perf_counter() - start) * 1000)
    stats.requests[kind] += 1
    if response.status_code >= 400:
        stats.errors[f"{kind}:http_{response.status_code}"] += 1
    return response


async def baseline(base: str, clients: int, seconds: float) -> Stats:
    """``clients`` connections calling ``GET /health``; the first WARMUP seconds (connections
    opening, database pools filling) are not measured."""
    stats, warmup = Stats(), Stats()
    start = time.monotonic()
    measured_from = start + WARMUP
    deadline = measured_from + seconds

    async def loop() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT) as client:
            for _ in range(MAX_LOOPS):
                now = time.monotonic()
                if now >= deadline:
                    break
                await timed(
                    stats if now >= measured_from else warmup, "health", client.get("/health")
                )

    await asyncio.wait_for(asyncio.gather(*(loop() for _ in range(clients))), WARMUP + seconds + 60)
    stats.requests["elapsed_ms"] = int((time.monotonic() - measured_from) * 1000)
    stats.errors.update(warmup.errors)
    return stats


USERS = list(demo.DEMO_USERS)


async def login(device: Device, stats: Stats) -> None:
    password = next(u.password for u in USERS if u.username == device.username)
    response = await timed(
        stats,
        "login",
        device.client.post(
            "/auth/token",
            json={
                "username": device.username,
                "password": password,
                "device_id": device.device_id,
            },
        ),
    )
    if response is None or response.status_code != 200:
        detail = response.text[:300] if response is not None else "no answer"
        raise RuntimeError(f"login of {device.username}/{device.device_id} failed: {detail}")
    body = response.json()
    device.client.headers["Authorization"] = f"Bearer {body['access_token']}"
    device.user_id = uuid.UUID(body["user"]["id"])
    device.tenant_id = uuid.UUID(body["user"]["tenant_id"])
    device.cursors = {
        site_scope(STGO): 0,
        tenant_scope(device.tenant_id): 0,
        user_scope(device.user_id): 0,
    }


def mutation(device: Device, name: MutationName, args: dict[str, Any]) -> Mutation:
    device.seq += 1
    return Mutation(
        mutation_id=uuid.uuid4(),
        device_id=device.device_id,
        device_seq=device.seq,
        name=name.value,
        args=args,
        device_time=datetime.now(UTC),
        site_id=STGO,
    )


def batch(device: Device, rng: random.Random) -> list[Mutation]:
    """What a device has queued since its last sync: typed args, as the services write them."""
    if device.role is UserRole.GUARD:
        note = HandoverAddArgs(
            id=uuid.uuid4(),
            notes=f"Ronda {device.seq}: portón norte sin novedad.",
            flagged_items=["Cámara 3 intermitente"] if rng.random() < 0.2 else [],
        )
        return [mutation(device, MutationName.HANDOVER_ADD, note.model_dump(mode="json"))]
    today = date.today()
    out = []
    for _ in range(2):
        resource, unit, low, high = rng.choice(READINGS)
        reading = RecordReadingArgs(
            id=uuid.uuid4(),
            resource_name=resource,
            quantity=round(rng.uniform(low, high), 1),
            unit=unit,
            period_start=today - timedelta(days=30),
            period_end=today,
        )
        out.append(
            mutation(device, MutationName.ESG_RECORD_READING, reading.model_dump(mode="json"))
        )
    step = LotoStepArgs(
        id=uuid.uuid4(),
        lockout_id=uuid.uuid4(),
        event=LotoEvent.NOTIFIED,
        asset_id=rng.choice(STGO_ASSETS),
    )
    out.append(mutation(device, MutationName.LOTO_RECORD_STEP, step.model_dump(mode="json")))
    return out


async def push(device: Device, stats: Stats, rng: random.Random) -> None:
    mutations = batch(device, rng)
    body = PushRequest(mutations=mutations).model_dump(mode="json")
    stats.mutations["sent"] += len(mutations)
    response = await timed(stats, "push", device.client.post("/sync/push", json=body))
    if response is not None and response.status_code == 401:
        await relogin(device, stats)
    if response is None or response.status_code != 200:
        stats.mutations["errored"] += len(mutations)
        return
    results = response.json()["results"]
    for result in results:
        status = result["status"]
        stats.mutations[status] += 1
        if status == "rejected":
            stats.rejected_codes[str(result.get("code"))] += 1
    stats.mutations["errored"] += max(0, len(mutations) - len(results))  # answers missing


async def pull(device: Device, stats: Stats) -> None:
    for scope in list(device.cursors):
        for _ in range(MAX_PAGES):
            response = await timed(
                stats,
                "pull",
                device.client.get(
                    "/sync/pull",
                    params={"scope": scope, "after": device.cursors[scope], "limit": PULL_LIMIT},
                ),
            )
            if response is not None and response.status_code == 401:
                await relogin(device, stats)
                return
            if response is None or response.status_code != 200:
                break
            page = response.json()
            stats.requests["changes"] += len(page["changes"])
            if page.get("reset"):
                stats.requests["resets"] += 1
            device.cursors[scope] = int(page["next_cursor"])
            if not page["has_more"]:
                break


async def relogin(device: Device, stats: Stats) -> None:
    if device.relogins >= MAX_RELOGINS:
        return
    device.relogins += 1
    cursors = dict(device.cursors)
    await login(device, stats)
    device.cursors.update(cursors)


async def device_loop(device: Device, stats: Stats, deadline: float) -> None:
    rng = random.Random(device.index)
    for _ in range(MAX_LOOPS):
        if time.monotonic() >= deadline:
            break
        await push(device, stats, rng)
        if time.monotonic() >= deadline:
            break
        await pull(device, stats)


async def load(base: str, devices: int, seconds: float) -> Stats:
    stats = Stats()
    fleet: list[Device] = []
    try:
        for i in range(devices):
            user = USERS[i % len(USERS)]
            client = httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT)
            fleet.append(Device(i, user.username, user.role, f"bench-{i:03d}", client))
        signing_in = asyncio.Semaphore(4)  # argon2: sign in a few at a time, before the clock

        async def sign_in(device: Device) -> None:
            async with signing_in:
                await login(device, stats)

        await asyncio.wait_for(asyncio.gather(*(sign_in(d) for d in fleet)), 120)
        start = time.monotonic()
        deadline = start + seconds
        await asyncio.wait_for(
            asyncio.gather(*(device_loop(d, stats, deadline) for d in fleet)),
            seconds + 120,
        )
        stats.requests["elapsed_ms"] = int((time.monotonic() - start) * 1000)
    finally:
        await asyncio.gather(*(d.client.aclose() for d in fleet), return_exceptions=True)
    return stats


def report(base_stats: Stats, run: Stats) -> None:
    base_rps = base_stats.requests["health"] / (base_stats.requests["elapsed_ms"] / 1000)
    sync_requests = run.requests["push"] + run.requests["pull"]
    sync_rps = sync_requests / (run.requests["elapsed_ms"] / 1000)
    base_p95 = p95(base_stats.latencies.get("health", []))
    push_p95 = p95(run.latencies["push"])
    pull_p95 = p95(run.latencies["pull"])
    m = run.mutations
    sent = m["sent"]
    applied = m["applied"]
    errored = m["errored"] + m["retry"]
    print(
        f"sync_requests: {sync_rps:.0f} req/s (push {run.requests['push']}, "
        f"pull {run.requests['pull']}); baseline GET /health: {base_rps:.0f} req/s; "
        f"ratio {sync_rps / base_rps:.2f}"
    )
    print(
        f"push_p95: {push_p95:.1f} ms; baseline /health p95: {base_p95:.1f} ms; "
        f"ratio {push_p95 / base_p95:.2f}"
    )
    print(
        f"pull_p95: {pull_p95:.1f} ms; baseline /health p95: {base_p95:.1f} ms; "
        f"ratio {pull_p95 / base_p95:.2f}"
    )
    print(
        f"mutations: sent {sent}, applied {applied}, rejected {m['rejected']}, "
        f"errored {errored} (duplicate {m['duplicate']}); "
        f"ratio applied/sent {applied / sent if sent else 0:.3f}"
    )
    sys.stdout.flush()
    details = {
        "changes_pulled": run.requests["changes"],
        "resets": run.requests["resets"],
        "rejected_codes": dict(run.rejected_codes),
        "request_errors": dict(run.errors + base_stats.errors),
    }
    print(f"# details: {details}", file=sys.stderr)


def _terminated(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="load duration (default 60)")
    parser.add_argument("--baseline-seconds", type=float, default=15.0)
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--db",
        default=os.environ.get("KER_BENCH_POSTGRES_URL", DEFAULT_DB),
        help=f"PostgreSQL URL on {HOST} (a fresh schema is made in it and dropped)",
    )
    args = parser.parse_args(argv)
    if not (0 < args.seconds <= 3600 and 0 < args.baseline_seconds <= 600):
        parser.error("--seconds must be in (0, 3600] and --baseline-seconds in (0, 600]")
    if not 1 <= args.devices <= 500:
        parser.error("--devices must be in [1, 500]")
    check_local(args.db)
    signal.signal(signal.SIGTERM, _terminated)  # still stop the server and drop the schema
    schema = create_schema(args.db)
    process: subprocess.Popen[bytes] | None = None
    with tempfile.TemporaryDirectory(prefix="ker-bench-") as tmp:
        folder = Path(tmp)
        try:
            port = free_port()
            base = f"http://{HOST}:{port}"
            process = start_server(with_search_path(args.db, schema), port, args.workers, folder)
            wait_ready(process, base)
            base_stats = asyncio.run(baseline(base, args.devices, args.baseline_seconds))
            run = asyncio.run(load(base, args.devices, args.seconds))
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with code {process.returncode}")
            report(base_stats, run)
        except BaseException:
            print(f"# server log (tail):\n{tail(folder / 'server.log')}", file=sys.stderr)
            raise
        finally:
            if process is not None:
                stop_server(process)
            drop_schema(args.db, schema)
    return 0


if __name__ == "__main__":
    sys.exit(main())
