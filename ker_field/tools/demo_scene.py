"""A local store with the demo data and a little activity (a lockout, a requested permit,
people at the gate, two refused changes), and sessions for the demo people, without a
server: for the screenshot tool and the start-up benchmark."""

from __future__ import annotations

import contextlib
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ker_field.domain import demo
from ker_field.domain.enums import AccessType
from ker_field.domain.models import User
from ker_field.domain.rules.common import Actor
from ker_field.services import loto, permits, visitors
from ker_field.services.context import ServiceContext
from ker_field.store.local import LocalStore
from ker_field.store.tables import SyncIssue
from ker_field.ui.session import UserSession
from sync.client.api import ServerApi
from sync.protocol.snapshot import PermissionSnapshot

NOWHERE = "http://127.0.0.1:9"  # the discard port: nothing answers


def context(store: LocalStore, username: str, site: str = "STGO") -> ServiceContext:
    with store.sessions() as db:
        user = db.get(User, demo.USER_IDS[username])
        assert user is not None
        actor = Actor(user.id, user.role)
    return ServiceContext(store, actor, demo.TENANT_ID, demo.SITE_IDS[site])


def build(folder: Path) -> LocalStore:
    store = LocalStore.open(folder)
    now = datetime.now(UTC)
    with store.transaction() as db:
        demo.seed_demo(db, now)
    tech = context(store, "tecnico")
    asset = demo.demo_id("asset", "STGO", "2")
    with contextlib.suppress(Exception):  # decoration: a rule change must not stop the scene
        view = loto.notify_affected(tech, asset)
        loto.shut_down(tech, view.lockout_id)
        for n, point in enumerate(view.points, start=1):
            photo = store.blobs.put(f"demo lock photo {n}".encode())
            view = loto.apply_lock(tech, view.lockout_id, point.id, f"L-{n:03d}", photo)
    with contextlib.suppress(Exception):
        permits.request_permit(
            tech,
            demo.demo_id("ticket", "STGO", "1"),
            "Cambio de interruptor con tablero energizado aguas arriba",
            4,
            4,
            now,
            now + timedelta(hours=8),
        )
    guard = context(store, "guardia")
    for name, rut, company, kind in (
        ("Juan Pérez", "16666666-K", "Montajes del Sur", AccessType.CONTRACTOR),
        ("Rosa Tapia", "11111111-1", "Despachos Ltda.", AccessType.DELIVERY),
    ):
        with contextlib.suppress(Exception):
            visitors.check_in_visitor(
                guard, "Portería 1", walk_in=visitors.WalkIn(name, rut, company, kind)
            )
    with store.transaction() as db:
        for n, (code, message) in enumerate(
            (
                (
                    "permit.approver_is_requester",
                    "Quien aprueba un permiso de riesgo alto no puede ser quien lo solicitó.",
                ),
                (
                    "loto.lock_not_yours",
                    "Solo quien puso el candado L-001 puede retirarlo.",
                ),
            )
        ):
            db.add(
                SyncIssue(
                    mutation_id=uuid.uuid4(),
                    name="permit.transition" if n == 0 else "loto.record_step",
                    args={"note": "demo"},
                    user_id=demo.USER_IDS["tecnico"],
                    code=code,
                    message=message,
                    server_row={"status": "requested", "version": 3} if n == 0 else None,
                    created_at=now - timedelta(minutes=30 - n),
                )
            )
    return store


def session_for(store: LocalStore, username: str, online: bool = True) -> UserSession:
    user = next(u for u in demo.DEMO_USERS if u.username == username)
    now = datetime.now(UTC)
    snapshot = PermissionSnapshot(
        user_id=demo.USER_IDS[username],
        tenant_id=demo.TENANT_ID,
        username=username,
        full_name=user.full_name,
        role=user.role,
        site_ids=sorted(demo.SITE_IDS.values(), key=str),
        issued_at=now,
        expires_at=now + timedelta(days=7),
    )
    api = ServerApi(NOWHERE, store.device_id)
    return UserSession(store, api, snapshot, online, demo.SITE_IDS["STGO"])
