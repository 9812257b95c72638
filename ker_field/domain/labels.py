"""Spanish and English labels of enum values, used when a rule message names one."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from ker_field.domain.enums import (
    AccessType,
    AuditResult,
    AuditStatus,
    EmissionScope,
    FindingSeverity,
    PermitStatus,
    RiskLevel,
    TrainingStatus,
    UserRole,
    VisitorStatus,
)

Lang = Literal["es", "en"]

LABELS: dict[Enum, tuple[str, str]] = {
    RiskLevel.LOW: ("bajo", "low"),
    RiskLevel.MEDIUM: ("medio", "medium"),
    RiskLevel.HIGH: ("alto", "high"),
    RiskLevel.EXTREME: ("extremo", "extreme"),
    PermitStatus.DRAFT: ("borrador", "draft"),
    PermitStatus.REQUESTED: ("solicitado", "requested"),
    PermitStatus.APPROVED: ("aprobado", "approved"),
    PermitStatus.REJECTED: ("rechazado", "rejected"),
    PermitStatus.ACTIVE: ("activo", "active"),
    PermitStatus.SUSPENDED: ("suspendido", "suspended"),
    PermitStatus.CLOSED: ("cerrado", "closed"),
    UserRole.TECHNICIAN: ("técnico", "technician"),
    UserRole.SUPERVISOR: ("supervisor", "supervisor"),
    UserRole.GUARD: ("guardia", "guard"),
    UserRole.ADMIN: ("administrador", "administrator"),
    TrainingStatus.ASSIGNED: ("asignado", "assigned"),
    TrainingStatus.IN_PROGRESS: ("en curso", "in progress"),
    TrainingStatus.PASSED: ("aprobado", "passed"),
    TrainingStatus.FAILED: ("reprobado", "failed"),
    TrainingStatus.EXPIRED: ("vencido", "expired"),
    VisitorStatus.INVITED: ("invitado", "invited"),
    VisitorStatus.CHECKED_IN: ("dentro", "checked in"),
    VisitorStatus.CHECKED_OUT: ("salió", "checked out"),
    VisitorStatus.CANCELLED: ("cancelada", "cancelled"),
    AccessType.VISITOR: ("visita", "visitor"),
    AccessType.CONTRACTOR: ("contratista", "contractor"),
    AccessType.DELIVERY: ("despacho", "delivery"),
    AccessType.EMPLOYEE: ("empleado", "employee"),
    AuditStatus.IN_PROGRESS: ("en curso", "in progress"),
    AuditStatus.COMPLETED: ("terminada", "completed"),
    AuditResult.PASS: ("cumple", "pass"),
    AuditResult.FAIL: ("no cumple", "fail"),
    AuditResult.NOT_APPLICABLE: ("no aplica", "not applicable"),
    FindingSeverity.OBSERVATION: ("observación", "observation"),
    FindingSeverity.MINOR: ("no conformidad menor", "minor nonconformity"),
    FindingSeverity.MAJOR: ("no conformidad mayor", "major nonconformity"),
    EmissionScope.SCOPE_1: ("alcance 1", "scope 1"),
    EmissionScope.SCOPE_2: ("alcance 2", "scope 2"),
    EmissionScope.SCOPE_3: ("alcance 3", "scope 3"),
}


def label(value: Enum, lang: Lang = "es") -> str:
    pair = LABELS.get(value)
    if pair is None:
        return str(value.value)
    return pair[0] if lang == "es" else pair[1]


# Asset categories (free text on the asset; the ones the demo and the training modules use,
# named after the kind of hazardous energy). An unknown category shows as written.
CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "electrical": ("eléctrico", "electrical"),
    "mechanical": ("mecánico", "mechanical"),
    "hydraulic": ("hidráulico", "hydraulic"),
    "pneumatic": ("neumático", "pneumatic"),
    "thermal": ("térmico", "thermal"),
    "chemical": ("químico", "chemical"),
    "gravitational": ("gravitacional", "gravitational"),
    "radiation": ("radiación", "radiation"),
    "induction": ("inducción", "induction"),
}


def category_label(category: str | None, lang: Lang = "es") -> str:
    """An asset category as people read it ("hydraulic" -> "hidráulico")."""
    if not category:
        return "—"
    pair = CATEGORY_LABELS.get(category.strip().lower())
    if pair is None:
        return category
    return pair[0] if lang == "es" else pair[1]
