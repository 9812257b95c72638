"""A real device (SQLite store in a temp folder) syncing with the real server over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ker_field.domain import demo
from ker_field.domain.models import User
from ker_field.domain.rules.common import Actor
from ker_field.services.context import ServiceContext
from ker_field.store.local import LocalStore
from sync.client.api import ServerApi
from sync.client.engine import SyncEngine
from tests.helpers.clock import FakeClock
from tests.helpers.frames import jpeg_photo
from tests.helpers.live_server import LiveServer


@dataclass
class SyncedDevice:
    store: LocalStore
    api: ServerApi
    engine: SyncEngine
    username: str
    clock: FakeClock

    @property
    def scopes(self) -> list[str]:
        me = self.api_me
        return [
            f"tenant:{me['tenant_id']}",
            *(f"site:{s}" for s in me["site_ids"]),
            f"user:{me['id']}",
        ]

    api_me: dict  # type: ignore[type-arg]

    def ctx(self, site: str = "STGO") -> ServiceContext:
        with self.store.sessions() as session:
            user = session.get(User, demo.USER_IDS[self.username])
            assert user is not None
            actor = Actor(user.id, user.role)
        return ServiceContext(self.store, actor, demo.TENANT_ID, demo.SITE_IDS[site], self.clock)

    def photo(self, seed: int) -> str:
        return self.store.blobs.put(jpeg_photo(seed))

    def sync(self):  # type: ignore[no-untyped-def]
        return self.engine.sync_once(self.scopes)


def open_device(server: LiveServer, folder: Path, username: str) -> SyncedDevice:
    from ker_field.domain.demo import DEMO_USERS

    store = LocalStore.open(folder)
    api = ServerApi(server.url, store.device_id)
    password = next(u.password for u in DEMO_USERS if u.username == username)
    body = api.login(username, password)
    engine = SyncEngine(store, api, demo.USER_IDS[username], server.clock)
    return SyncedDevice(store, api, engine, username, server.clock, body["user"])


@pytest.fixture
def device_for(live_server: LiveServer, tmp_path: Path) -> Iterator:  # type: ignore[type-arg]
    opened: list[SyncedDevice] = []

    def make(username: str, name: str | None = None) -> SyncedDevice:
        device = open_device(live_server, tmp_path / (name or username), username)
        opened.append(device)
        return device

    yield make
    for device in opened:
        device.api.close()
        device.store.close()
