"""Server-only tables: credentials, refresh tokens, revoked devices, the change log,
mutation dedupe records, tenant signing keys, quiz answer keys, certificates, blobs.

They live beside the domain tables in the server's database, under their own metadata
(devices never have them).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Index, Integer, LargeBinary, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ker_field.domain.models.base import NAMING_CONVENTION, TYPE_ANNOTATION_MAP, utcnow


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = TYPE_ANNOTATION_MAP


class ServerSecret(ServerBase):
    """Shared by every worker process: the key that signs access tokens."""

    __tablename__ = "server_secret"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_key: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Credential(ServerBase):
    __tablename__ = "credential"

    user_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    password_hash: Mapped[str] = mapped_column(Text)
    failed_count: Mapped[int] = mapped_column(default=0)
    last_failed_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]


class RefreshToken(ServerBase):
    """A rotating refresh token bound to one device. Only its hash is kept."""

    __tablename__ = "refresh_token"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    family_id: Mapped[uuid.UUID] = mapped_column(index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class RevokedDevice(ServerBase):
    __tablename__ = "revoked_device"

    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tenant_id: Mapped[uuid.UUID]
    revoked_by: Mapped[uuid.UUID]
    revoked_at: Mapped[datetime] = mapped_column(default=utcnow)


class ChangeLogEntry(ServerBase):
    """Every server write appends here in the same transaction (DESIGN.md "Pull")."""

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    scope: Mapped[str] = mapped_column(String(80))
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID]
    op: Mapped[str] = mapped_column(String(8))
    row: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_change_log_scope_seq", "scope", "seq"),)


class MutationRecord(ServerBase):
    """Dedupe: a mutation id seen once keeps its first answer forever."""

    __tablename__ = "mutation_record"

    mutation_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    user_id: Mapped[uuid.UUID]
    device_id: Mapped[str] = mapped_column(String(64))
    device_seq: Mapped[int]
    name: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    result: Mapped[dict[str, Any]]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class TenantKey(ServerBase):
    """The tenant's Ed25519 key that signs visitor invite tokens."""

    __tablename__ = "tenant_key"

    tenant_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class QuizKey(ServerBase):
    """Answer keys stay on the server: question id -> correct answer(s)."""

    __tablename__ = "quiz_key"

    quiz_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    answers: Mapped[dict[str, Any]]


class CertificateRecord(ServerBase):
    __tablename__ = "certificate"

    number: Mapped[str] = mapped_column(String(32), primary_key=True)
    verification_code: Mapped[str] = mapped_column(String(32), unique=True)
    tenant_id: Mapped[uuid.UUID]
    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    module_id: Mapped[uuid.UUID]
    progress_id: Mapped[uuid.UUID]
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class BlobRecord(ServerBase):
    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    tenant_id: Mapped[uuid.UUID]
    size: Mapped[int] = mapped_column(BigInteger)
    content_type: Mapped[str] = mapped_column(String(64))
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncFloor(ServerBase):
    """Per scope: cursors below this seq were compacted away (tombstones dropped)."""

    __tablename__ = "sync_floor"

    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
