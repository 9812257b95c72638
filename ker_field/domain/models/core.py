"""Core tables a field client needs: Tenant, Local (site), User, site assignment, Asset, ServiceTicket."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ker_field.domain.enums import RiskLevel, TicketStatus, UserRole
from ker_field.domain.models.base import Base, Synced, TenantOwned, enum_type

if TYPE_CHECKING:
    from ker_field.domain.models.hse import LotoLog, LotoProcedure, WorkPermit
    from ker_field.domain.models.quality import (
        EmissionFactor,
        QualityAudit,
        SustainabilityGoal,
    )
    from ker_field.domain.models.vms import ShiftHandover, VisitorInvite


class Tenant(Synced, Base):
    __tablename__ = "tenant"

    name: Mapped[str]
    rut: Mapped[str | None] = mapped_column(String(12))
    # Tickets at or above this risk level need an active approved permit before work starts.
    permit_required_from: Mapped[RiskLevel] = mapped_column(
        enum_type(RiskLevel), default=RiskLevel.HIGH
    )
    # A LOTO procedure not inspected within 12 months warns, or blocks when this is set.
    overdue_procedure_blocks: Mapped[bool] = mapped_column(default=False)
    # Ed25519 public key (raw, base64) that verifies visitor invite tokens offline.
    invite_public_key: Mapped[str | None] = mapped_column(String(64))

    sites: Mapped[list[Local]] = relationship(back_populates="tenant")


class Local(TenantOwned, Base):
    """A site (the seed calls it Local)."""

    __tablename__ = "local"

    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str]
    address: Mapped[str | None]
    timezone: Mapped[str] = mapped_column(String(64), default="America/Santiago")
    requires_nda: Mapped[bool] = mapped_column(default=False)
    nda_validity_days: Mapped[int] = mapped_column(default=365)
    requires_id_photo: Mapped[bool] = mapped_column(default=False)
    visitor_retention_days: Mapped[int] = mapped_column(default=90)

    tenant: Mapped[Tenant] = relationship(back_populates="sites")
    assets: Mapped[list[Asset]] = relationship(back_populates="site")
    visitor_invites: Mapped[list[VisitorInvite]] = relationship(back_populates="site")
    shift_handovers: Mapped[list[ShiftHandover]] = relationship(back_populates="site")
    quality_audits: Mapped[list[QualityAudit]] = relationship(back_populates="site")

    __table_args__ = (UniqueConstraint("tenant_id", "code"),)


class User(TenantOwned, Base):
    __tablename__ = "user_account"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str]
    rut: Mapped[str | None] = mapped_column(String(12))
    email: Mapped[str | None]
    role: Mapped[UserRole] = mapped_column(enum_type(UserRole))
    active: Mapped[bool] = mapped_column(default=True)

    site_assignments: Mapped[list[SiteAssignment]] = relationship(back_populates="user")
    emission_factors: Mapped[list[EmissionFactor]] = relationship(back_populates="created_by")
    sustainability_goals: Mapped[list[SustainabilityGoal]] = relationship(
        back_populates="created_by"
    )


class SiteAssignment(TenantOwned, Base):
    """A user assigned to a site: defines which site scopes the user syncs and may act in."""

    __tablename__ = "site_assignment"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), index=True)
    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"), index=True)

    user: Mapped[User] = relationship(back_populates="site_assignments")
    site: Mapped[Local] = relationship()

    __table_args__ = (UniqueConstraint("user_id", "site_id"),)


class Asset(TenantOwned, Base):
    __tablename__ = "asset"

    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"), index=True)
    name: Mapped[str]
    # Category links an asset to the training that unlocks work on it (e.g. "electrical").
    category: Mapped[str] = mapped_column(String(64), index=True)
    qr_code: Mapped[str] = mapped_column(String(128))
    location: Mapped[str | None]

    site: Mapped[Local] = relationship(back_populates="assets")
    loto_procedure: Mapped[LotoProcedure | None] = relationship(back_populates="asset")

    __table_args__ = (UniqueConstraint("tenant_id", "qr_code"),)


class ServiceTicket(TenantOwned, Base):
    __tablename__ = "service_ticket"

    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"), index=True)
    asset_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("asset.id"), index=True)
    number: Mapped[str] = mapped_column(String(32))
    title: Mapped[str]
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[TicketStatus] = mapped_column(enum_type(TicketStatus), default=TicketStatus.OPEN)
    likelihood: Mapped[int | None]
    severity: Mapped[int | None]
    risk_level: Mapped[RiskLevel | None] = mapped_column(enum_type(RiskLevel))
    assigned_to_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))

    asset: Mapped[Asset | None] = relationship()
    work_permit: Mapped[WorkPermit | None] = relationship(back_populates="ticket")
    loto_logs: Mapped[list[LotoLog]] = relationship(back_populates="ticket")
