"""Shared fixtures: a real SQLite store in a temp folder, a hand-moved clock, demo people."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from ker_field.domain import demo
from ker_field.domain.enums import TrainingStatus
from ker_field.domain.models import User, UserTrainingProgress
from ker_field.domain.rules.common import Actor
from ker_field.domain.scopes import user_scope
from ker_field.services.context import ServiceContext
from ker_field.store.local import LocalStore
from tests.helpers.clock import FakeClock
from tests.helpers.frames import jpeg_photo
from tests.helpers.postgres import isolated_schema_engine

pytest_plugins = ["tests.helpers.server_fixtures"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    local = LocalStore.open(tmp_path / "data")
    yield local
    local.close()


@pytest.fixture
def demo_store(store: LocalStore, clock: FakeClock) -> LocalStore:
    with store.transaction() as session:
        demo.seed_demo(session, clock.now)
    return store


ContextFactory = Callable[..., ServiceContext]


@pytest.fixture
def ctx_for(demo_store: LocalStore, clock: FakeClock) -> ContextFactory:
    """``ctx_for("tecnico")``: a service context for a demo user at a demo site."""

    def make(username: str, site: str = "STGO") -> ServiceContext:
        with demo_store.sessions() as session:
            user = session.get(User, demo.USER_IDS[username])
            assert user is not None
            actor = Actor(user.id, user.role)
        return ServiceContext(demo_store, actor, demo.TENANT_ID, demo.SITE_IDS[site], clock)

    return make


@pytest.fixture
def photo(demo_store: LocalStore) -> Callable[[], str]:
    """Store a fresh real JPEG in the blob store; returns its SHA-256."""
    counter = iter(range(1, 1_000_000))

    def take() -> str:
        return demo_store.blobs.put(jpeg_photo(next(counter)))

    return take


@pytest.fixture
def grant_certificate(demo_store: LocalStore, clock: FakeClock) -> Callable[[str, str], None]:
    """Give a demo user a valid certificate of a demo module (as a sync from the server would)."""

    def grant(username: str, module_key: str) -> None:
        user_id = demo.USER_IDS[username]
        with demo_store.transaction() as session:
            session.add(
                UserTrainingProgress(
                    tenant_id=demo.TENANT_ID,
                    scope=user_scope(user_id),
                    user_id=user_id,
                    module_id=demo.demo_id("module", module_key),
                    status=TrainingStatus.PASSED,
                    assigned_at=clock.now,
                    attempts_count=1,
                    score=100,
                    passed_at=clock.now,
                    certificate_number=f"CERT-{username}-{module_key}",
                    certificate_expires_at=clock.now + timedelta(days=365),
                )
            )

    return grant


@pytest.fixture
def pg_engine() -> Iterator[Engine]:
    yield from isolated_schema_engine()


def asset_id(site: str, n: int) -> uuid.UUID:
    return demo.demo_id("asset", site, str(n))


def energy_ids(site: str, n: int, count: int) -> list[uuid.UUID]:
    return [demo.demo_id("energy", site, str(n), str(pos)) for pos in range(1, count + 1)]
