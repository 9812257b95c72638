"""Safety (HSE, ISO 45001): RiskMatrix, LotoProcedure with its energy sources, LotoLog, WorkPermit."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ker_field.domain.enums import (
    ApprovalMethod,
    EnergyType,
    EquipmentHandback,
    LotoEvent,
    PermitStatus,
    RiskLevel,
)
from ker_field.domain.models.base import Base, TenantOwned, enum_type
from ker_field.domain.models.core import Asset, ServiceTicket


class RiskMatrix(TenantOwned, Base):
    """A tenant's 5x5 matrix: ``cells[likelihood-1][severity-1]`` is a RiskLevel value."""

    __tablename__ = "risk_matrix"

    name: Mapped[str]
    cells: Mapped[list[Any]]
    is_default: Mapped[bool] = mapped_column(default=False)


class LotoProcedure(TenantOwned, Base):
    __tablename__ = "loto_procedure"

    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("asset.id"), unique=True)
    code: Mapped[str] = mapped_column(String(32))
    title: Mapped[str]
    revision: Mapped[int] = mapped_column(default=1)
    notes: Mapped[str | None] = mapped_column(Text)
    # Periodic inspection, 1910.147(c)(6): at least yearly, by someone other than its users.
    last_inspected_at: Mapped[datetime | None]
    last_inspected_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))

    asset: Mapped[Asset] = relationship(back_populates="loto_procedure")
    energy_sources: Mapped[list[EnergySource]] = relationship(
        back_populates="procedure", order_by="EnergySource.position"
    )


class EnergySource(TenantOwned, Base):
    """One hazardous energy source of a procedure and the point where it is isolated."""

    __tablename__ = "energy_source"

    procedure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loto_procedure.id"), index=True)
    position: Mapped[int]
    energy_type: Mapped[EnergyType] = mapped_column(enum_type(EnergyType))
    magnitude: Mapped[str]  # e.g. "480 V", "8 bar"
    isolation_point: Mapped[str]  # e.g. "Breaker CB-12, panel MCC-3"
    device: Mapped[str]  # e.g. "breaker lock + tag"
    verification_method: Mapped[str]  # e.g. "try start button; test for absence of voltage"

    procedure: Mapped[LotoProcedure] = relationship(back_populates="energy_sources")

    __table_args__ = (UniqueConstraint("procedure_id", "position"),)


class LotoLog(TenantOwned, Base):
    """Append-only evidence of one lockout step. The state of a lockout is folded from its rows.

    ``lockout_id`` groups the rows of one application of a procedure on an asset.
    ``lock_ref_id`` points a removal at the LOCK_APPLIED (or MEMBER_LOCK_ON) row it ends.
    """

    __tablename__ = "loto_log"

    lockout_id: Mapped[uuid.UUID] = mapped_column(index=True)
    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"), index=True)
    asset_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("asset.id"), index=True)
    procedure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("loto_procedure.id"))
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_ticket.id"))
    event: Mapped[LotoEvent] = mapped_column(enum_type(LotoEvent))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    energy_source_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("energy_source.id"))
    lock_serial: Mapped[str | None] = mapped_column(String(64))
    lock_ref_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("loto_log.id"))
    photo_sha256: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    # Removal confirmations, 1910.147(e)(2).
    area_clear: Mapped[bool | None]
    people_notified: Mapped[bool | None]
    # Supervisor exception, 1910.147(e)(3): the three facts on record.
    applier_absent_verified: Mapped[bool | None]
    contact_attempt: Mapped[str | None] = mapped_column(Text)
    applier_informed: Mapped[bool | None]
    device_id: Mapped[str] = mapped_column(String(64))
    device_time: Mapped[datetime]
    server_time: Mapped[datetime | None]
    # Tamper-evident chain per asset (see ker_field.domain.rules.loto_chain): the hash of
    # the previous entry for the same asset, this entry's hash over its canonical facts
    # (photo hash included), the device's own hash when the server's differs, and the
    # server's flag (a reason code) when the device's chain disagreed with its own.
    prev_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    entry_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    claimed_hash: Mapped[str | None] = mapped_column(String(64))
    chain_flag: Mapped[str | None] = mapped_column(String(64))

    ticket: Mapped[ServiceTicket | None] = relationship(back_populates="loto_logs")


class WorkPermit(TenantOwned, Base):
    __tablename__ = "work_permit"

    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_ticket.id"), unique=True)
    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"), index=True)
    risk_matrix_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("risk_matrix.id"))
    risk_assessment: Mapped[str] = mapped_column(Text)
    # PermitHazard values named on the form, and the controls put in place against them.
    hazards: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    controls: Mapped[str] = mapped_column(Text, default="", server_default="")
    likelihood: Mapped[int]
    severity: Mapped[int]
    calculated_risk_level: Mapped[RiskLevel] = mapped_column(enum_type(RiskLevel))
    status: Mapped[PermitStatus] = mapped_column(
        enum_type(PermitStatus), default=PermitStatus.DRAFT
    )
    requested_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    requested_at: Mapped[datetime | None]
    approved_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))
    approved_at: Mapped[datetime | None]
    # How the approval was given: in the approver's own session, or co-signed with the
    # approver's password on the tablet of another person (approval_session_user), on
    # device approval_device_id.
    approval_method: Mapped[ApprovalMethod | None] = mapped_column(enum_type(ApprovalMethod))
    approval_device_id: Mapped[str | None] = mapped_column(String(64))
    approval_session_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("user_account.id")
    )
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[datetime]
    valid_to: Mapped[datetime]
    activated_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # The equipment's state when the permit closed after work started.
    handback_state: Mapped[EquipmentHandback | None] = mapped_column(enum_type(EquipmentHandback))
    handback_note: Mapped[str | None] = mapped_column(Text)

    ticket: Mapped[ServiceTicket] = relationship(back_populates="work_permit")
    risk_matrix: Mapped[RiskMatrix] = relationship()
