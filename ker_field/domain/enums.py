"""Enumerations of the KER V62 Step-4 domain plus what the field client needs.

Values are the strings stored in the database and sent over the wire; they never change.
"""

from __future__ import annotations

from enum import StrEnum


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    EXTREME = "extreme"

    @property
    def rank(self) -> int:
        return _RISK_RANK[self]


_RISK_RANK = {RiskLevel.LOW: 1, RiskLevel.MEDIUM: 2, RiskLevel.HIGH: 3, RiskLevel.EXTREME: 4}


class LotoStatus(StrEnum):
    """State of one physical lock on an isolation point."""

    ACTIVE = "active"
    REMOVED = "removed"


class TrainingStatus(StrEnum):
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    PASSED = "passed"
    FAILED = "failed"
    EXPIRED = "expired"


class VisitorStatus(StrEnum):
    INVITED = "invited"
    CHECKED_IN = "checked_in"
    CHECKED_OUT = "checked_out"
    CANCELLED = "cancelled"


class AccessType(StrEnum):
    VISITOR = "visitor"
    CONTRACTOR = "contractor"
    DELIVERY = "delivery"
    EMPLOYEE = "employee"


class EmissionScope(StrEnum):
    SCOPE_1 = "scope_1"
    SCOPE_2 = "scope_2"
    SCOPE_3 = "scope_3"


class UserRole(StrEnum):
    TECHNICIAN = "technician"
    SUPERVISOR = "supervisor"
    GUARD = "guard"
    ADMIN = "admin"


class PermitStatus(StrEnum):
    DRAFT = "draft"
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class TicketStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class EnergyType(StrEnum):
    ELECTRICAL = "electrical"
    MECHANICAL = "mechanical"
    HYDRAULIC = "hydraulic"
    PNEUMATIC = "pneumatic"
    THERMAL = "thermal"
    CHEMICAL = "chemical"
    GRAVITATIONAL = "gravitational"
    RADIATION = "radiation"


class LotoEvent(StrEnum):
    """One step of a lockout, recorded append-only in LotoLog (OSHA 1910.147(d) order)."""

    NOTIFIED = "notified"  # affected employees notified
    SHUT_DOWN = "shut_down"  # machine shut down by the normal stopping procedure
    LOCK_APPLIED = "lock_applied"  # a lock attached on one isolation point (photo)
    ENERGY_RELEASED = "energy_released"  # stored energy relieved / restrained
    ISOLATION_VERIFIED = "isolation_verified"  # try-out done: work may start
    LOCK_REMOVED = "lock_removed"  # removed by the person who applied it
    LOCK_REMOVED_EXCEPTION = "lock_removed_exception"  # supervisor exception, 1910.147(e)(3)
    GROUP_OPENED = "group_opened"  # primary authorized employee opens a group lockbox
    MEMBER_LOCK_ON = "member_lock_on"  # a group member adds a personal lock to the lockbox
    MEMBER_LOCK_OFF = "member_lock_off"  # a group member removes it on leaving
    TRANSFER_ACCEPTED = "transfer_accepted"  # shift change: incoming person takes over


class AccessDirection(StrEnum):
    IN = "in"
    OUT = "out"


class AccessMethod(StrEnum):
    QR = "qr"
    MANUAL = "manual"
    ROSTER = "roster"


class AuditStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class AuditResult(StrEnum):
    """The auditor's answer to one checklist item."""

    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "not_applicable"


class FindingSeverity(StrEnum):
    """How serious a failed checklist item is (ISO audit practice)."""

    OBSERVATION = "observation"  # an improvement opportunity
    MINOR = "minor"  # minor nonconformity
    MAJOR = "major"  # major nonconformity: the system fails to meet a requirement


class ContentType(StrEnum):
    PDF = "pdf"
    VIDEO = "video"


class PermitHazard(StrEnum):
    """Hazards a work permit names (the checklist of the permit form)."""

    ELECTRICAL = "electrical"
    STORED_ENERGY = "stored_energy"  # hydraulic, pneumatic, springs, gravity
    MOVING_PARTS = "moving_parts"
    WORK_AT_HEIGHT = "work_at_height"
    CONFINED_SPACE = "confined_space"
    HOT_WORK = "hot_work"
    HAZARDOUS_SUBSTANCES = "hazardous_substances"
    LIFTING = "lifting"


class ApprovalMethod(StrEnum):
    """How a permit's approval was given."""

    OWN_SESSION = "own_session"  # the approver in their own session
    DEVICE_COSIGN = "device_cosign"  # the approver's password entered on another's tablet


class EquipmentHandback(StrEnum):
    """The equipment's state when its permit closes."""

    RETURNED_TO_SERVICE = "returned_to_service"  # tested, guards on, back in operation
    REMAINS_ISOLATED = "remains_isolated"  # work unfinished: isolation stays in place
    OUT_OF_SERVICE = "out_of_service"  # a defect found: tagged out of service
