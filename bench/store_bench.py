"""Cost of a safety use case against the bare cost of its durable writes.

A LOTO step through the services loads the lockout, folds its log, checks the rules and
prerequisites, and writes the LotoLog row and its outbox mutation in one transaction. The
baseline, measured in the same run on the same kind of store, writes the same two rows in
one transaction each with nothing else: the floor set by SQLite's commit.

Prints one figure a line with its ratio to the baseline (higher is better).
"""

from __future__ import annotations

import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import cv2
import numpy as np

from ker_field.domain import demo
from ker_field.domain.enums import LotoEvent, UserRole
from ker_field.domain.models import LotoLog
from ker_field.domain.rules.common import Actor
from ker_field.domain.scopes import site_scope
from ker_field.services import loto
from ker_field.services.context import ServiceContext
from ker_field.store.local import LocalStore, enqueue_mutation

LOCKOUTS = 60  # x 6 steps each


def _photo(store: LocalStore) -> str:
    frame = np.random.default_rng(1).integers(0, 255, size=(480, 640, 3), dtype=np.uint8)
    ok, jpeg = cv2.imencode(".jpg", frame)
    assert ok
    return store.blobs.put(jpeg.tobytes())


def _open(root: Path) -> tuple[LocalStore, ServiceContext]:
    store = LocalStore.open(root)
    with store.transaction() as session:
        demo.seed_demo(session, datetime.now(UTC))
    actor = Actor(demo.USER_IDS["tecnico"], UserRole.TECHNICIAN)
    return store, ServiceContext(store, actor, demo.TENANT_ID, demo.SITE_IDS["STGO"])


def service_steps(root: Path) -> float:
    store, ctx = _open(root)
    photo = _photo(store)
    asset = demo.demo_id("asset", "STGO", "1")
    point = demo.demo_id("energy", "STGO", "1", "1")
    start = time.perf_counter()
    for n in range(LOCKOUTS):
        view = loto.notify_affected(ctx, asset)
        loto.shut_down(ctx, view.lockout_id)
        view = loto.apply_lock(ctx, view.lockout_id, point, f"L-{n}", photo)
        loto.release_stored_energy(ctx, view.lockout_id)
        view = loto.verify_isolation(ctx, view.lockout_id)
        assert view.work_may_start.allowed
        lock = view.points[0].lock
        assert lock is not None
        loto.remove_lock(ctx, view.lockout_id, lock.id, photo, True, True)
    elapsed = time.perf_counter() - start
    store.close()
    return LOCKOUTS * 6 / elapsed


def bare_writes(root: Path) -> float:
    store, ctx = _open(root)
    asset = demo.demo_id("asset", "STGO", "1")
    procedure = demo.demo_id("procedure", "STGO", "1")
    start = time.perf_counter()
    for _ in range(LOCKOUTS * 6):
        with store.transaction() as session:
            row = LotoLog(
                id=uuid.uuid4(),
                tenant_id=demo.TENANT_ID,
                scope=site_scope(ctx.site_id),
                lockout_id=uuid.uuid4(),
                site_id=ctx.site_id,
                asset_id=asset,
                procedure_id=procedure,
                event=LotoEvent.NOTIFIED,
                user_id=ctx.actor.user_id,
                device_id=store.device_id,
                device_time=datetime.now(UTC),
            )
            session.add(row)
            enqueue_mutation(
                session,
                name="loto.record_step",
                args={"id": str(row.id)},
                user_id=ctx.actor.user_id,
                device_time=row.device_time,
            )
    elapsed = time.perf_counter() - start
    store.close()
    return LOCKOUTS * 6 / elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        baseline = bare_writes(Path(tmp) / "bare")
        rate = service_steps(Path(tmp) / "service")
    print(
        f"loto_step_service: {rate:.0f} steps/s; baseline bare row+outbox commit: "
        f"{baseline:.0f} steps/s; ratio {rate / baseline:.2f}"
    )


if __name__ == "__main__":
    main()
