"""A local store with the demo data and a little activity (a lockout, a requested permit,
people at the gate, two refused changes), and sessions for the demo people, without a
server: for the screenshot tool and the start-up benchmark."""

from __future__ import annotations

import contextlib
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import select

from ker_field.domain import demo
from ker_field.domain.enums import AccessType, PermitHazard, TrainingStatus
from ker_field.domain.models import TrainingModule, User, UserTrainingProgress
from ker_field.domain.operations.training import progress_id
from ker_field.domain.rules.common import Actor
from ker_field.domain.scopes import user_scope
from ker_field.services import loto, permits, visitors
from ker_field.services.context import ServiceContext
from ker_field.store.local import LocalStore
from ker_field.store.tables import CertificateFile, QuizDraft, SyncIssue
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
        demo.seed_demo_readings(db, now)
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
            (PermitHazard.ELECTRICAL, PermitHazard.MOVING_PARTS),
            "Bloqueo y etiquetado del interruptor; medición de ausencia de tensión; guantes"
            " dieléctricos",
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
    _training(store, now)
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
    with contextlib.suppress(Exception):  # decoration, like the rest of the scene
        _quality_scene(store)
    return store


def _pdf(lines: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    for n, line in enumerate(lines):
        if n == 1:
            pdf.set_font("helvetica", size=12)
        text = line.encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _training(store: LocalStore, now: datetime) -> None:
    """Training material on the device (the server's PDFs), an attempt under way and the
    PDF of the technician's electrical certificate (as the server issues it)."""
    with store.transaction() as db:
        for module in db.scalars(select(TrainingModule)):
            data = _pdf(
                [
                    module.title,
                    "1. Identifique cada fuente de energía y su punto de aislamiento.",
                    "2. Avise, detenga, aísle, bloquee y etiquete cada punto.",
                    "3. Libere la energía acumulada y verifique el aislamiento antes de trabajar.",
                    "4. Solo quien puso un candado lo retira.",
                ]
            )
            module.content_sha256, module.content_size = store.blobs.put(data), len(data)
        progress = db.get(UserTrainingProgress, demo.demo_id("progress", "tecnico", "electrical"))
        if progress is not None and progress.certificate_number and progress.passed_at:
            assert progress.certificate_expires_at is not None
            data = _pdf(
                [
                    "Certificado de capacitación",
                    f"Pedro Soto aprobó «Seguridad eléctrica y bloqueo» (N.º {progress.certificate_number}).",
                    f"Emitido el {progress.passed_at:%Y-%m-%d}, vence el "
                    f"{progress.certificate_expires_at:%Y-%m-%d}.",
                ]
            )
            db.add(
                CertificateFile(
                    number=progress.certificate_number,
                    user_id=progress.user_id,
                    module_id=progress.module_id,
                    person="Pedro Soto",
                    module_title="Seguridad eléctrica y bloqueo",
                    issued_at=progress.passed_at,
                    expires_at=progress.certificate_expires_at,
                    verify_url="http://127.0.0.1:8765/verify/demo-electrical",
                    pdf_sha256=store.blobs.put(data),
                    pdf_size=len(data),
                )
            )
        induction = demo.demo_id("module", "induction")
        if db.get(UserTrainingProgress, progress_id(demo.USER_IDS["tecnico"], induction)) is None:
            db.add(  # the plant induction, assigned with a due date
                UserTrainingProgress(
                    id=progress_id(demo.USER_IDS["tecnico"], induction),
                    tenant_id=demo.TENANT_ID,
                    scope=user_scope(demo.USER_IDS["tecnico"]),
                    user_id=demo.USER_IDS["tecnico"],
                    module_id=induction,
                    status=TrainingStatus.ASSIGNED,
                    assigned_at=now - timedelta(days=3),
                    due_at=now + timedelta(days=12),
                )
            )
        db.add(
            QuizDraft(
                id=uuid.uuid4(),
                user_id=demo.USER_IDS["tecnico"],
                quiz_id=demo.demo_id("quiz", "induction"),
                module_id=demo.demo_id("module", "induction"),
                answers={"q1": False},
                started_at=now - timedelta(minutes=5),
                updated_at=now - timedelta(minutes=4),
            )
        )


def _quality_scene(store: LocalStore) -> None:
    """A completed ISO 9001 audit with a corrective ticket and an ISO 45001 audit in
    progress with a photographed finding (issue 9's screens)."""
    from ker_field.capture.photo import encode_jpeg
    from ker_field.capture.synthetic import scene
    from ker_field.domain.enums import AuditResult, FindingSeverity
    from ker_field.services import audits

    boss = context(store, "supervisor")
    done = audits.start_audit(boss, demo.demo_id("audit_template", "ISO9001"))
    for n, item in enumerate(done.items):
        if n == 9:
            audits.answer_item(
                boss,
                done.id,
                item.key,
                AuditResult.FAIL,
                "Repuestos rechazados sin rotular en bodega 2",
                severity=FindingSeverity.MINOR,
                open_ticket=True,
            )
        else:
            result = AuditResult.NOT_APPLICABLE if n == 7 else AuditResult.PASS
            audits.answer_item(boss, done.id, item.key, result)
    audits.complete_audit(boss, done.id)
    ongoing = audits.start_audit(boss, demo.demo_id("audit_template", "ISO45001"))
    frame = scene(np.random.default_rng(9)).astype(np.uint8)
    photo = audits.store_photo(boss, encode_jpeg(frame).jpeg)
    for n, item in enumerate(ongoing.items[:7]):
        if n == 4:
            audits.answer_item(
                boss,
                ongoing.id,
                item.key,
                AuditResult.FAIL,
                "Candado sin tarjeta de identificación en el tablero 03",
                [photo],
                FindingSeverity.MAJOR,
                open_ticket=True,
            )
        else:
            audits.answer_item(boss, ongoing.id, item.key, AuditResult.PASS)


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
