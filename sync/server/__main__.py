"""`ker-field-server --db URL --host 127.0.0.1 --port 8765 [--workers N] [--seed-demo]`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import uvicorn
from platformdirs import user_data_dir

from ker_field.domain import demo
from sync.server import migrate
from sync.server.asgi import BLOBS_ENV, DB_ENV, LOG_CONFIG
from sync.server.db import make_engine, session_factory
from sync.server.demo import seed_server_demo
from sync.server.invites import anonymize_all_tenants


def default_data_dir() -> Path:
    folder = Path(user_data_dir("ker-field-server", "KER Solutions"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ker-field-server", description="KER Field server")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: a SQLite file)")
    parser.add_argument("--blobs", default=None, help="folder for photos and media")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed-demo", action="store_true", help="load the demo tenant")
    parser.add_argument(
        "--retention",
        action="store_true",
        help="anonymize visitor data past each site's retention period, then exit (daily job)",
    )
    args = parser.parse_args(argv)
    data = default_data_dir()
    url = args.db or f"sqlite:///{data / 'server.sqlite3'}"
    blobs = Path(args.blobs) if args.blobs else data / "blobs"
    engine = make_engine(url)
    migrate.upgrade(engine)
    with session_factory(engine)() as session, session.begin():
        # Visitor personal data past retention goes at every start (and daily with --retention).
        done = anonymize_all_tenants(session, datetime.now(UTC))
    if args.retention:
        print(
            f"anonymized: {done.access_logs} gate entries, {done.invites} invites, {done.ndas} NDAs"
        )
        engine.dispose()
        return 0
    if args.seed_demo:
        with session_factory(engine)() as session, session.begin():
            seed_server_demo(session, datetime.now(UTC), blobs, readings=True)
        for user in demo.DEMO_USERS:
            print(f"demo user {user.username} ({user.role.value}): password {user.password}")
        sys.stdout.flush()
    engine.dispose()
    os.environ[DB_ENV], os.environ[BLOBS_ENV] = url, str(blobs)
    uvicorn.run(
        "sync.server.asgi:build",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=LOG_CONFIG,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
