"""Visitors (VMS): VisitorInvite, VisitorNDA, AccessLog (the gate log), ShiftHandover."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ker_field.domain.enums import AccessDirection, AccessMethod, AccessType, VisitorStatus
from ker_field.domain.models.base import Base, TenantOwned, enum_type
from ker_field.domain.models.core import Local


class VisitorInvite(TenantOwned, Base):
    __tablename__ = "visitor_invite"

    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"), index=True)
    visitor_name: Mapped[str]
    visitor_rut: Mapped[str | None] = mapped_column(String(12))
    visitor_company: Mapped[str | None]
    access_type: Mapped[AccessType] = mapped_column(
        enum_type(AccessType), default=AccessType.VISITOR
    )
    host_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    qr_token: Mapped[str | None] = mapped_column(Text)
    expected_arrival: Mapped[datetime | None]
    valid_from: Mapped[datetime]
    valid_to: Mapped[datetime]
    status: Mapped[VisitorStatus] = mapped_column(
        enum_type(VisitorStatus), default=VisitorStatus.INVITED
    )
    anonymized_at: Mapped[datetime | None]

    site: Mapped[Local] = relationship(back_populates="visitor_invites")
    ndas: Mapped[list[VisitorNDA]] = relationship(back_populates="invite")
    access_logs: Mapped[list[AccessLog]] = relationship(back_populates="invite")


class VisitorNDA(TenantOwned, Base):
    """Append-only: a signed NDA, with the document version and hash and the signature image."""

    __tablename__ = "visitor_nda"

    # Signed for an invite, or by a walk-in identified by RUT; valid for the person until
    # ``valid_until`` at this site.
    invite_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visitor_invite.id"), index=True)
    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"))
    document_version: Mapped[str] = mapped_column(String(32))
    document_sha256: Mapped[str] = mapped_column(String(64))
    signature_sha256: Mapped[str] = mapped_column(String(64))
    signer_name: Mapped[str]
    signer_rut: Mapped[str | None] = mapped_column(String(12), index=True)
    signed_at: Mapped[datetime]
    valid_until: Mapped[datetime]

    invite: Mapped[VisitorInvite | None] = relationship(back_populates="ndas")


class AccessLog(TenantOwned, Base):
    """Append-only gate log: one row per entry or exit. ``visit_id`` pairs an exit with its entry."""

    __tablename__ = "access_log"

    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"), index=True)
    visit_id: Mapped[uuid.UUID] = mapped_column(index=True)
    invite_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visitor_invite.id"), index=True)
    access_type: Mapped[AccessType] = mapped_column(enum_type(AccessType))
    direction: Mapped[AccessDirection] = mapped_column(enum_type(AccessDirection))
    method: Mapped[AccessMethod] = mapped_column(enum_type(AccessMethod))
    person_name: Mapped[str]
    person_rut: Mapped[str | None] = mapped_column(String(12))
    company: Mapped[str | None]
    host_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    gate: Mapped[str] = mapped_column(String(64))
    guard_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    id_photo_sha256: Mapped[str | None] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(64))
    device_time: Mapped[datetime]
    server_time: Mapped[datetime | None]

    invite: Mapped[VisitorInvite | None] = relationship(back_populates="access_logs")


class ShiftHandover(TenantOwned, Base):
    """A handover note with the live state attached; the incoming person acknowledges it."""

    __tablename__ = "shift_handover"

    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"), index=True)
    from_user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    to_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    notes: Mapped[str] = mapped_column(Text)
    flagged_items: Mapped[list[Any]]
    snapshot: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))

    site: Mapped[Local] = relationship(back_populates="shift_handovers")


class GateAnomaly(TenantOwned, Base):
    """Something at the gate the guards must look at, found by the server after sync: today
    a second admission of an invite already inside (two gates offline at once). Both
    entries stay in the gate log (both people may be inside); a guard clears the anomaly."""

    __tablename__ = "gate_anomaly"

    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    invite_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visitor_invite.id"))
    access_log_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("access_log.id"))
    first_access_log_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("access_log.id"))
    person_name: Mapped[str]
    gates: Mapped[str] = mapped_column(String(255))
    detected_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    resolution: Mapped[str | None] = mapped_column(Text)
