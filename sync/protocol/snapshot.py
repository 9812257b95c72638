"""The permission snapshot: who a person is and where they may work, signed by the server
with the tenant's Ed25519 key, kept by the device to unlock offline until it expires."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import AwareDatetime, BaseModel, ConfigDict

from ker_field.domain.enums import UserRole


class PermissionSnapshot(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    user_id: uuid.UUID
    tenant_id: uuid.UUID
    username: str
    full_name: str
    role: UserRole
    site_ids: list[uuid.UUID]
    issued_at: AwareDatetime
    expires_at: AwareDatetime

    def canonical(self) -> bytes:
        return json.dumps(
            self.model_dump(mode="json"), sort_keys=True, separators=(",", ":")
        ).encode()


def sign_snapshot(snapshot: PermissionSnapshot, private_key_raw: bytes) -> str:
    key = Ed25519PrivateKey.from_private_bytes(private_key_raw)
    return base64.b64encode(key.sign(snapshot.canonical())).decode()


def snapshot_valid(
    snapshot: PermissionSnapshot, signature_b64: str, public_key_b64: str, now: datetime
) -> bool:
    """Signed by the tenant's key and not expired."""
    if now >= snapshot.expires_at:
        return False
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64))
        key.verify(base64.b64decode(signature_b64), snapshot.canonical())
    except (InvalidSignature, ValueError):
        return False
    return True
