"""Spanish and English labels of enum values, used when a rule message names one."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from ker_field.domain.enums import (
    AccessType,
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
}


def label(value: Enum, lang: Lang = "es") -> str:
    pair = LABELS.get(value)
    if pair is None:
        return str(value.value)
    return pair[0] if lang == "es" else pair[1]
