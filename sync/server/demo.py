"""Server-side demo seeding: the shared demo data plus what only the server keeps
(passwords, quiz answer keys, the tenant's signing key). Idempotent."""

from __future__ import annotations

import base64
from datetime import datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from ker_field.domain import demo
from ker_field.domain.models import Tenant
from sync.server.security import hash_password
from sync.server.tables import Credential, QuizKey, TenantKey

# Answer keys of the demo quizzes (see ker_field.domain.demo): never sent to devices.
DEMO_QUIZ_KEYS = {"q1": False, "q2": 0}


def ensure_tenant_key(session: Session, tenant: Tenant) -> TenantKey:
    key = session.get(TenantKey, tenant.id)
    if key is None:
        private = Ed25519PrivateKey.generate()
        public_raw = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        key = TenantKey(
            tenant_id=tenant.id,
            private_key=private.private_bytes(
                serialization.Encoding.Raw,
                serialization.PrivateFormat.Raw,
                serialization.NoEncryption(),
            ),
            public_key=base64.b64encode(public_raw).decode(),
        )
        session.add(key)
    if tenant.invite_public_key != key.public_key:
        tenant.invite_public_key = key.public_key  # devices receive it through sync
    return key


def seed_server_demo(session: Session, now: datetime) -> None:
    demo.seed_demo(session, now)
    for user in demo.DEMO_USERS:
        user_id = demo.USER_IDS[user.username]
        if session.get(Credential, user_id) is None:
            session.add(Credential(user_id=user_id, password_hash=hash_password(user.password)))
    for key in ("electrical", "mechanical", "hydraulic", "induction"):
        quiz_id = demo.demo_id("quiz", key)
        if session.get(QuizKey, quiz_id) is None:
            session.add(QuizKey(quiz_id=quiz_id, answers=dict(DEMO_QUIZ_KEYS)))
    tenant = session.get(Tenant, demo.TENANT_ID)
    assert tenant is not None
    ensure_tenant_key(session, tenant)
    session.flush()
