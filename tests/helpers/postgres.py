"""PostgreSQL for tests: ``KER_TEST_POSTGRES_URL``; skipped with a reason when unset,
except under ``KER_REQUIRE_POSTGRES=1`` (CI), where a missing database fails the run."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text

URL_ENV = "KER_TEST_POSTGRES_URL"
REQUIRE_ENV = "KER_REQUIRE_POSTGRES"


def postgres_url() -> str:
    url = os.environ.get(URL_ENV)
    if not url:
        message = (
            f"PostgreSQL tests need {URL_ENV} "
            "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"
        )
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{message}; {REQUIRE_ENV}=1 forbids skipping them")
        pytest.skip(message)
    return url


def isolated_schema_engine() -> Iterator[Engine]:
    """An engine whose connections live in a fresh schema, dropped afterwards."""
    url = postgres_url()
    schema = f"ker_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = create_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
