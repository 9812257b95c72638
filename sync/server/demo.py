"""Server-side demo seeding: the shared demo data plus what only the server keeps
(passwords, quiz answer keys, the tenant's signing key). Idempotent."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.models import Tenant, TrainingModule, UserTrainingProgress, VisitorInvite
from sync.server.invites import issue_token
from sync.server.keys import ensure_tenant_key
from sync.server.security import hash_password
from sync.server.tables import BlobRecord, CertificateRecord, Credential, QuizKey

# Answer keys of the demo quizzes (see ker_field.domain.demo): never sent to devices.
DEMO_QUIZ_KEYS = {"q1": False, "q2": 0}


def _module_pdf(title: str) -> bytes:
    """A small course document for a demo training module."""
    pdf = FPDF()
    pdf.set_creation_date(datetime(2026, 1, 1, tzinfo=UTC))  # same bytes every time: idempotent
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    for line in (
        "1. Identify every energy source of the equipment and its isolation point.",
        "2. Notify affected people, shut down, isolate, lock and tag each point.",
        "3. Release stored energy and verify isolation (try-out) before work starts.",
        "4. Only the person who applied a lock removes it.",
    ):
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def store_blob(
    session: Session, blob_dir: Path, tenant_id: uuid.UUID, data: bytes, content_type: str
) -> str:
    """Put a server-made file in the blob store (same layout as uploads); returns its hash."""
    sha = hashlib.sha256(data).hexdigest()
    target = blob_dir / sha[:2] / sha
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    if session.get(BlobRecord, sha) is None:
        session.add(
            BlobRecord(
                sha256=sha,
                tenant_id=tenant_id,
                size=len(data),
                content_type=content_type,
                received=len(data),
                complete=True,
            )
        )
    return sha


def _demo_certificate_records(session: Session) -> None:
    """The demo's certificates (seeded as passed progress) get their server record, so
    their PDF and public verification page work like those of a graded quiz."""
    for progress in session.scalars(
        select(UserTrainingProgress).where(
            UserTrainingProgress.tenant_id == demo.TENANT_ID,
            UserTrainingProgress.certificate_number.is_not(None),
        )
    ):
        number = progress.certificate_number
        if number is None or session.get(CertificateRecord, number) is not None:
            continue
        if progress.passed_at is None or progress.certificate_expires_at is None:
            continue
        session.add(
            CertificateRecord(
                number=number,
                verification_code=secrets.token_urlsafe(12),
                tenant_id=progress.tenant_id,
                user_id=progress.user_id,
                module_id=progress.module_id,
                progress_id=progress.id,
                issued_at=progress.passed_at,
                expires_at=progress.certificate_expires_at,
            )
        )


def seed_server_demo(
    session: Session, now: datetime, blob_dir: Path | None = None, readings: bool = False
) -> None:
    """``readings``: the demo sites' monthly meter readings too (the ESG dashboard's history;
    off for tests that count rows)."""
    demo.seed_demo(session, now)
    if readings:
        demo.seed_demo_readings(session, now)
    if blob_dir is not None:
        for module in session.scalars(
            select(TrainingModule).where(TrainingModule.tenant_id == demo.TENANT_ID)
        ):
            data = _module_pdf(module.title.encode("latin-1", "replace").decode("latin-1"))
            sha = store_blob(session, blob_dir, demo.TENANT_ID, data, "application/pdf")
            if module.content_sha256 != sha:
                module.content_sha256, module.content_size = sha, len(data)
    for user in demo.DEMO_USERS:
        user_id = demo.USER_IDS[user.username]
        if session.get(Credential, user_id) is None:
            session.add(Credential(user_id=user_id, password_hash=hash_password(user.password)))
    for key in ("electrical", "mechanical", "hydraulic", "induction"):
        quiz_id = demo.demo_id("quiz", key)
        if session.get(QuizKey, quiz_id) is None:
            session.add(QuizKey(quiz_id=quiz_id, answers=dict(DEMO_QUIZ_KEYS)))
    session.flush()
    _demo_certificate_records(session)
    tenant = session.get(Tenant, demo.TENANT_ID)
    assert tenant is not None
    ensure_tenant_key(session, tenant)
    for invite in session.scalars(
        select(VisitorInvite).where(
            VisitorInvite.tenant_id == demo.TENANT_ID, VisitorInvite.qr_token.is_(None)
        )
    ):
        invite.qr_token = issue_token(session, invite)  # the gate can scan today's demo visitors
    session.flush()
