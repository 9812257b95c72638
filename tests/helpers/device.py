"""A device for server tests: a real local store with the demo reference data and the
device services; its outbox turned into wire mutations (what the sync engine will send)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.models import User
from ker_field.domain.rules.common import Actor
from ker_field.services.context import ServiceContext
from ker_field.store.local import LocalStore
from ker_field.store.tables import OutboxEntry
from sync.protocol import Mutation
from tests.helpers.clock import FakeClock
from tests.helpers.frames import jpeg_photo


@dataclass
class Device:
    store: LocalStore
    clock: FakeClock

    @classmethod
    def open(cls, folder: Path, clock: FakeClock) -> Device:
        store = LocalStore.open(folder)
        with store.transaction() as session:
            demo.seed_demo(session, clock.now)
        return cls(store, clock)

    def ctx(self, username: str, site: str = "STGO") -> ServiceContext:
        with self.store.sessions() as session:
            user = session.get(User, demo.USER_IDS[username])
            assert user is not None
            actor = Actor(user.id, user.role)
        return ServiceContext(self.store, actor, demo.TENANT_ID, demo.SITE_IDS[site], self.clock)

    def photo(self, seed: int) -> str:
        return self.store.blobs.put(jpeg_photo(seed))

    def mutations(self) -> list[Mutation]:
        with self.store.sessions() as session:
            entries = list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))
        return [
            Mutation(
                mutation_id=e.mutation_id,
                device_id=self.store.device_id,
                device_seq=e.seq,
                name=e.name,
                args=e.args,
                base_version=e.base_version,
                device_time=e.device_time,
                site_id=e.site_id,
            )
            for e in entries
        ]


def push_body(mutations: list[Mutation]) -> dict[str, object]:
    return {"mutations": [m.model_dump(mode="json") for m in mutations]}
