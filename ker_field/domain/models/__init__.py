"""Domain entities (SQLAlchemy 2.0 typed models), shared by the device and the server."""

from ker_field.domain.models.base import Base, Synced, TenantOwned, UTCDateTime, utcnow
from ker_field.domain.models.core import Asset, Local, ServiceTicket, SiteAssignment, Tenant, User
from ker_field.domain.models.hse import EnergySource, LotoLog, LotoProcedure, RiskMatrix, WorkPermit
from ker_field.domain.models.lms import (
    QuizAttempt,
    TrainingModule,
    TrainingQuiz,
    UserTrainingProgress,
)
from ker_field.domain.models.quality import (
    AuditTemplate,
    ConsumptionReading,
    EmissionFactor,
    QualityAudit,
    SustainabilityGoal,
)
from ker_field.domain.models.vms import (
    AccessLog,
    GateAnomaly,
    ShiftHandover,
    VisitorInvite,
    VisitorNDA,
)

__all__ = [
    "AccessLog",
    "Asset",
    "AuditTemplate",
    "Base",
    "ConsumptionReading",
    "EmissionFactor",
    "EnergySource",
    "GateAnomaly",
    "Local",
    "LotoLog",
    "LotoProcedure",
    "QualityAudit",
    "QuizAttempt",
    "RiskMatrix",
    "ServiceTicket",
    "ShiftHandover",
    "SiteAssignment",
    "SustainabilityGoal",
    "Synced",
    "Tenant",
    "TenantOwned",
    "TrainingModule",
    "TrainingQuiz",
    "UTCDateTime",
    "User",
    "UserTrainingProgress",
    "VisitorInvite",
    "VisitorNDA",
    "WorkPermit",
    "utcnow",
]
