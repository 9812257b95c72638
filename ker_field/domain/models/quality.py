"""Quality and ESG: QualityAudit, EmissionFactor, SustainabilityGoal, ConsumptionReading."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ker_field.domain.enums import AuditStatus, EmissionScope
from ker_field.domain.models.base import Base, TenantOwned, enum_type
from ker_field.domain.models.core import Local, User


class AuditTemplate(TenantOwned, Base):
    """A checklist (ISO 9001, 14001, 45001...) an auditor answers on site; tenant-wide.

    ``items`` is a list of ``{"key", "clause", "section", "text", "weight"}``; the weights
    count in the score only when ``weighted`` is set (otherwise every item weighs 1).
    """

    __tablename__ = "audit_template"

    standard: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(32))
    title: Mapped[str]
    weighted: Mapped[bool] = mapped_column(default=False)
    items: Mapped[list[Any]]
    active: Mapped[bool] = mapped_column(default=True)


class QualityAudit(TenantOwned, Base):
    """An audit of a site against a template. ``items`` copies the template's items, each
    with the auditor's ``result``, ``note``, ``photos`` (SHA-256), ``severity`` of a finding
    and ``open_ticket`` (a corrective ServiceTicket is opened on completion)."""

    __tablename__ = "quality_audit"

    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"), index=True)
    standard: Mapped[str] = mapped_column(String(32))  # e.g. "ISO 45001"
    title: Mapped[str]
    auditor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    status: Mapped[AuditStatus] = mapped_column(
        enum_type(AuditStatus), default=AuditStatus.IN_PROGRESS
    )
    items: Mapped[list[Any]]
    score: Mapped[float | None]
    performed_at: Mapped[datetime]
    template_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("audit_template.id"))
    completed_at: Mapped[datetime | None]

    site: Mapped[Local] = relationship(back_populates="quality_audits")


class EmissionFactor(TenantOwned, Base):
    __tablename__ = "emission_factor"

    resource_name: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(String(16))
    co2_factor: Mapped[float]  # kg CO2e per unit
    emission_scope: Mapped[EmissionScope] = mapped_column(enum_type(EmissionScope))
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))

    created_by: Mapped[User | None] = relationship(back_populates="emission_factors")


class SustainabilityGoal(TenantOwned, Base):
    __tablename__ = "sustainability_goal"

    site_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("local.id"))
    year: Mapped[int]
    baseline_year: Mapped[int]
    target_reduction_percentage: Mapped[float]
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"))

    created_by: Mapped[User | None] = relationship(back_populates="sustainability_goals")


class ConsumptionReading(TenantOwned, Base):
    """A meter reading for a site and period; its CO2e comes from the resource's EmissionFactor."""

    __tablename__ = "consumption_reading"

    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("local.id"), index=True)
    emission_factor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("emission_factor.id"))
    resource_name: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[float]
    unit: Mapped[str] = mapped_column(String(16))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    co2e_kg: Mapped[float]
    emission_scope: Mapped[EmissionScope] = mapped_column(enum_type(EmissionScope))
    recorded_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    device_time: Mapped[datetime]
