"""Device-only tables: the outbox, sync cursors, the blob upload queue and sync issues.

They live in the same SQLite file as the replicated entities, so one transaction covers
a change and its outbox entry. They have their own metadata: the server never has them.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ker_field.domain.models.base import NAMING_CONVENTION, TYPE_ANNOTATION_MAP, utcnow


class StoreBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = TYPE_ANNOTATION_MAP


class DeviceInfo(StoreBase):
    """One row: this installation's identity."""

    __tablename__ = "device_info"

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OutboxEntry(StoreBase):
    """A pending intent mutation. ``seq`` orders them and is sent as the device sequence."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(64))
    args: Mapped[dict[str, Any]]
    base_version: Mapped[int | None]
    device_time: Mapped[datetime]
    # Who did it: on a shared tablet each person's pending work stays theirs.
    user_id: Mapped[uuid.UUID]
    # Where: the site the person acted at (None for personal data such as training).
    site_id: Mapped[uuid.UUID | None]
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)


class SyncState(StoreBase):
    """The pull cursor of one scope."""

    __tablename__ = "sync_state"

    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    cursor: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class BlobQueueEntry(StoreBase):
    """A blob (photo, signature) waiting to reach the server; independent of the outbox."""

    __tablename__ = "blob_queue"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    content_type: Mapped[str] = mapped_column(String(64))
    uploaded_bytes: Mapped[int] = mapped_column(default=0)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncIssue(StoreBase):
    """A mutation the server rejected: kept until a person resolves it, never dropped."""

    __tablename__ = "sync_issue"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    mutation_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(64))
    args: Mapped[dict[str, Any]]
    user_id: Mapped[uuid.UUID]
    code: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    server_row: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str | None] = mapped_column(String(32))


class DeviceAccount(StoreBase):
    """A person who signed in on this device: a password verifier (never the password) for
    offline unlock, the server-signed permission snapshot, and the refresh token."""

    __tablename__ = "device_account"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID]
    verifier: Mapped[str] = mapped_column(Text)
    snapshot: Mapped[dict[str, Any]]
    snapshot_signature: Mapped[str] = mapped_column(String(128))
    refresh_token: Mapped[str | None] = mapped_column(String(256))
    last_online_at: Mapped[datetime] = mapped_column(default=utcnow)


class QuizDraft(StoreBase):
    """A quiz being answered on this device: every answer is written here at once, so a
    crash or a closed window loses nothing. Handing it in queues the attempt (same id) in
    the outbox; a practice-only quiz is checked here and keeps its score."""

    __tablename__ = "quiz_draft"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)  # the attempt's id when handed in
    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    quiz_id: Mapped[uuid.UUID]
    module_id: Mapped[uuid.UUID]
    answers: Mapped[dict[str, Any]]
    started_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]
    practice_score: Mapped[int | None]


class CertificateFile(StoreBase):
    """A certificate the server issued, kept on the device: its PDF (a blob) and the
    public verification address its QR code opens."""

    __tablename__ = "certificate_file"

    number: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(index=True)
    module_id: Mapped[uuid.UUID]
    person: Mapped[str] = mapped_column(String(255))
    module_title: Mapped[str] = mapped_column(String(255))
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    verify_url: Mapped[str] = mapped_column(Text)
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    pdf_size: Mapped[int]
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)
