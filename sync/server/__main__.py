"""`ker-field-server --db URL --host 127.0.0.1 --port 8765 [--seed-demo]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import uvicorn
from platformdirs import user_data_dir
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.models import Base
from sync.server.app import create_app


def default_db_url() -> str:
    folder = Path(user_data_dir("ker-field-server", "KER Solutions"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'server.sqlite3'}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ker-field-server", description="KER Field server")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: SQLite file)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed-demo", action="store_true", help="load the demo tenant")
    args = parser.parse_args(argv)
    engine = create_engine(args.db or default_db_url())
    Base.metadata.create_all(engine)
    if args.seed_demo:
        with Session(engine) as session, session.begin():
            demo.seed_demo(session, datetime.now(UTC))
        for user in demo.DEMO_USERS:
            print(f"demo user {user.username} ({user.role.value}): password {user.password}")
    uvicorn.run(create_app(engine), host=args.host, port=args.port, log_level="info")
    return 0


if __name__ == "__main__":
    sys.exit(main())
