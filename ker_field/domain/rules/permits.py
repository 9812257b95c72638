"""Work permits: validated transitions of the permit state machine and the work-start gate."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from ker_field.domain.decision import Decision, check, define, reason
from ker_field.domain.enums import PermitStatus, RiskLevel
from ker_field.domain.rules.common import ROLE_FORBIDDEN, Actor
from ker_field.domain.rules.risk import permit_required

S = PermitStatus

# Legal moves. Anything else is refused with permit.illegal_transition.
TRANSITIONS: dict[PermitStatus, frozenset[PermitStatus]] = {
    S.DRAFT: frozenset({S.REQUESTED, S.CLOSED}),
    S.REQUESTED: frozenset({S.APPROVED, S.REJECTED}),
    S.APPROVED: frozenset({S.ACTIVE, S.CLOSED}),
    S.REJECTED: frozenset(),
    S.ACTIVE: frozenset({S.SUSPENDED, S.CLOSED}),
    S.SUSPENDED: frozenset({S.ACTIVE, S.CLOSED}),
    S.CLOSED: frozenset(),
}

ILLEGAL_TRANSITION = define(
    "permit.illegal_transition",
    es="Un permiso en estado {current} no puede pasar a {target}.",
    en="A permit in state {current} cannot move to {target}.",
)
WINDOW_INVALID = define(
    "permit.window_invalid",
    es="La vigencia del permiso debe terminar después de comenzar.",
    en="The permit's validity must end after it starts.",
)
EXPIRED = define(
    "permit.expired",
    es="El permiso venció el {valid_to}.",
    en="The permit expired on {valid_to}.",
)
NOT_YET_VALID = define(
    "permit.not_yet_valid",
    es="El permiso rige desde el {valid_from}.",
    en="The permit is valid from {valid_from}.",
)
SELF_APPROVAL = define(
    "permit.self_approval",
    es="Un permiso de riesgo {level} debe aprobarlo un supervisor distinto de quien lo solicitó.",
    en="A {level} risk permit must be approved by a supervisor other than its requester.",
)
NOT_REQUESTER = define(
    "permit.not_requester",
    es="Solo quien redactó el permiso puede solicitarlo.",
    en="Only the person who drafted the permit can request it.",
)
REQUIRED = define(
    "permit.required",
    es="El trabajo tiene riesgo {level}: necesita un permiso aprobado y activo.",
    en="The work has {level} risk: it needs an approved, active permit.",
)
NOT_ACTIVE = define(
    "permit.not_active",
    es="El permiso está en estado {status}; el trabajo requiere un permiso activo.",
    en="The permit is {status}; the work needs an active permit.",
)
NOT_APPROVED = define(
    "permit.not_approved",
    es="El permiso no tiene aprobación registrada.",
    en="The permit has no recorded approval.",
)


@dataclass(frozen=True)
class PermitFacts:
    status: PermitStatus
    risk_level: RiskLevel
    requested_by: uuid.UUID
    approved_by: uuid.UUID | None
    valid_from: datetime
    valid_to: datetime


def needs_independent_approval(level: RiskLevel) -> bool:
    return level in (RiskLevel.HIGH, RiskLevel.EXTREME)


def check_window(permit: PermitFacts, now: datetime) -> Decision:
    if permit.valid_to <= permit.valid_from:
        return check(False, WINDOW_INVALID)
    if now >= permit.valid_to:
        return check(False, EXPIRED, valid_to=f"{permit.valid_to:%Y-%m-%d %H:%M} UTC")
    return Decision()


def check_transition(
    permit: PermitFacts, target: PermitStatus, actor: Actor, now: datetime
) -> Decision:
    """May ``actor`` move ``permit`` to ``target`` at ``now``?"""
    if target not in TRANSITIONS[permit.status]:
        return check(False, ILLEGAL_TRANSITION, current=permit.status, target=target)
    role = check(actor.is_supervisor, ROLE_FORBIDDEN, role=actor.role)
    if target is S.REQUESTED:
        return check(actor.user_id == permit.requested_by, NOT_REQUESTER) & check_window(
            permit, now
        )
    if target is S.APPROVED:
        independent = check(
            not needs_independent_approval(permit.risk_level)
            or actor.user_id != permit.requested_by,
            SELF_APPROVAL,
            level=permit.risk_level,
        )
        return role & independent & check_window(permit, now)
    if target is S.REJECTED:
        return role
    if target is S.ACTIVE:
        not_early = check(
            now >= permit.valid_from,
            NOT_YET_VALID,
            valid_from=f"{permit.valid_from:%Y-%m-%d %H:%M} UTC",
        )
        approved = check(permit.approved_by is not None, NOT_APPROVED)
        # The requester starts the work on an approved permit; resuming a suspended one, or
        # starting someone else's, is a supervisor's call.
        own_start = permit.status is S.APPROVED and actor.user_id == permit.requested_by
        resumer = Decision() if own_start else role
        return approved & not_early & check_window(permit, now) & resumer
    if target is S.SUSPENDED:
        return Decision() if actor.user_id == permit.requested_by else role
    # CLOSED: the requester or a supervisor.
    return Decision() if actor.user_id == permit.requested_by else role


def check_permit_allows_work(permit: PermitFacts, now: datetime) -> Decision:
    """An approved permit that is ACTIVE and inside its validity window."""
    if permit.status is not S.ACTIVE:
        return check(False, NOT_ACTIVE, status=permit.status)
    return (
        check(permit.approved_by is not None, NOT_APPROVED)
        & check_window(permit, now)
        & check(
            now >= permit.valid_from,
            NOT_YET_VALID,
            valid_from=f"{permit.valid_from:%Y-%m-%d %H:%M} UTC",
        )
    )


def check_work_start(
    ticket_risk: RiskLevel | None,
    required_from: RiskLevel,
    permit: PermitFacts | None,
    now: datetime,
) -> Decision:
    """Work on a ticket whose risk needs a permit cannot start without an active approved one."""
    if not permit_required(ticket_risk, required_from):
        return Decision()
    assert ticket_risk is not None
    if permit is None:
        return Decision.refuse(reason(REQUIRED, level=ticket_risk))
    return check_permit_allows_work(permit, now)
