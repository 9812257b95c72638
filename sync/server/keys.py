"""The tenant's Ed25519 signing key: signs visitor invite tokens and permission snapshots;
devices receive the public half through sync (Tenant.invite_public_key)."""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from ker_field.domain.models import Tenant
from sync.server.tables import TenantKey


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
